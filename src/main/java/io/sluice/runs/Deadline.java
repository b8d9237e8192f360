package io.sluice.runs;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * When a run must be over: its {@code timeout} after it started, on a monotonic clock. Whoever runs the work checks the
 * deadline now and then ({@link #check}) and stops the work when that fails; the run then ends {@link
 * RunState#TIMEOUT}.
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(Optional.empty(), 0, "", () -> 0);

    private final Optional<Duration> timeout;
    private final long endNanos;
    private final String message;
    private final LongSupplier nanoTime;

    private Deadline(Optional<Duration> timeout, long endNanos, String message, LongSupplier nanoTime) {
        this.timeout = timeout;
        this.endNanos = endNanos;
        this.message = message;
        this.nanoTime = nanoTime;
    }

    /** No deadline: the work may take as long as it takes. */
    public static Deadline none() {
        return NONE;
    }

    /**
     * A deadline {@code timeout} from now on {@code nanoTime} (such as {@code System::nanoTime}); {@link #check} fails
     * with {@code message} once it has passed.
     */
    public static Deadline after(Duration timeout, String message, LongSupplier nanoTime) {
        requireNonNull(timeout, "timeout is null");
        requireNonNull(message, "message is null");
        requireNonNull(nanoTime, "nanoTime is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return new Deadline(Optional.of(timeout), nanoTime.getAsLong() + timeout.toNanos(), message, nanoTime);
    }

    /** A deadline {@code timeout} from now, or none when {@code timeout} is absent. */
    public static Deadline of(Optional<Duration> timeout, String message, LongSupplier nanoTime) {
        return timeout.map(t -> after(t, message, nanoTime)).orElse(NONE);
    }

    public Optional<Duration> timeout() {
        return timeout;
    }

    public boolean passed() {
        return timeout.isPresent() && nanoTime.getAsLong() - endNanos >= 0;
    }

    /** Fails with {@link ErrorCode#TIMEOUT} and the deadline's message once it has passed. */
    public void check() {
        if (passed()) {
            throw new SluiceException(ErrorCode.TIMEOUT, message);
        }
    }
}
