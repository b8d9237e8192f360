package io.sluice.runs;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a run that did not succeed is tried again, and after how long: a job's {@code retries} and {@code retry_delay}.
 *
 * <p>Only a {@link RunState#FAILED} run is retried, and not when the failure is the user's to fix (an invalid
 * definition, a missing table: {@link ErrorCode.Category#USER}), which another attempt would only repeat. A run that
 * ended {@link RunState#TIMEOUT} or {@link RunState#STOPPED} was stopped on purpose and is not retried either.
 *
 * <p>Delays back off exponentially with a cap and jitter: the backoff before retry {@code n} (1 for the first) is
 * {@code delay × 2^(n-1)}, at most {@code maxDelay}; the delay is drawn uniformly between half of it and all of it, so
 * that runs failing together do not all come back at once ("equal jitter"), and no retry comes sooner than half its
 * backoff.
 *
 * @param retries how many times a failed run is tried again, 0 for never
 * @param delay the backoff before the first retry; zero retries at once
 * @param maxDelay the longest backoff, at least {@code delay}
 */
public record RetryPolicy(int retries, Duration delay, Duration maxDelay) {
    /** The backoff before the first retry when a job does not set {@code retry_delay}. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(10);
    /** The longest backoff, unless {@code retry_delay} itself is longer. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(10);

    public RetryPolicy {
        requireNonNull(delay, "delay is null");
        requireNonNull(maxDelay, "maxDelay is null");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        if (maxDelay.compareTo(delay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than delay " + delay);
        }
    }

    /** No retries. */
    public static RetryPolicy none() {
        return of(0, Optional.empty());
    }

    /**
     * {@code retries} with a first delay of {@code delay} ({@link #DEFAULT_DELAY} when absent), capped at {@link
     * #DEFAULT_MAX_DELAY} or at {@code delay} when that is longer.
     */
    public static RetryPolicy of(int retries, Optional<Duration> delay) {
        Duration first = delay.orElse(DEFAULT_DELAY);
        return new RetryPolicy(retries, first, first.compareTo(DEFAULT_MAX_DELAY) > 0 ? first : DEFAULT_MAX_DELAY);
    }

    /** How many attempts a run may take in all: the first and its retries. */
    public int attempts() {
        return retries + 1;
    }

    /**
     * Whether a run that ended in {@code state} is tried again, given its {@code attempt} (0 for the first) and, for a
     * failed run, who is to blame for the failure.
     */
    public boolean retries(int attempt, RunState state, ErrorCode.Category cause) {
        requireNonNull(state, "state is null");
        requireNonNull(cause, "cause is null");
        return state == RunState.FAILED && cause != ErrorCode.Category.USER && attempt < retries;
    }

    /** The backoff before retry {@code attempt} (1 for the first retry): {@code delay × 2^(attempt-1)}, capped. */
    public Duration backoff(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("retries are attempts 1 and later, got " + attempt);
        }
        if (delay.isZero()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempt - 1, 62);
        long factor = 1L << doublings;
        long maxFactor = maxDelay.toMillis() / Math.max(1, delay.toMillis());
        return factor > maxFactor ? maxDelay : delay.multipliedBy(factor);
    }

    /** How long to wait before retry {@code attempt}: between half its {@link #backoff} and all of it, at random. */
    public Duration delay(int attempt, RandomGenerator random) {
        requireNonNull(random, "random is null");
        long backoff = backoff(attempt).toMillis();
        long half = backoff / 2;
        return Duration.ofMillis(backoff - half + random.nextLong(half + 1));
    }
}
