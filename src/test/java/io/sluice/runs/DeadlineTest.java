package io.sluice.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A run's timeout as a deadline on a monotonic clock. */
class DeadlineTest {
    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L); // System.nanoTime may be negative

    @Test
    void passesItsTimeoutAfterItWasSet() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(30), "job j timed out", nanos::get);

        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(deadline.passed()).isFalse();
        deadline.check();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(deadline.passed()).isTrue();
        assertThatThrownBy(deadline::check)
                .isInstanceOf(SluiceException.class)
                .hasMessage("job j timed out")
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.TIMEOUT))
                .satisfies(e -> assertThat(((SluiceException) e).exitCode()).isEqualTo(1));
        assertThat(deadline.timeout()).contains(Duration.ofSeconds(30));
    }

    @Test
    void noTimeoutNeverPasses() {
        Deadline none = Deadline.of(Optional.empty(), "never", nanos::get);

        nanos.set(Long.MAX_VALUE);
        assertThat(none.passed()).isFalse();
        none.check();
        assertThat(none.timeout()).isEmpty();
    }

    @Test
    void aTimeoutIsPositive() {
        assertThatThrownBy(() -> Deadline.after(Duration.ZERO, "m", nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
