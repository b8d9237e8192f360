package io.sluice.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode.Category;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Which runs are retried, and exponential backoff with a cap and jitter. */
class RetryPolicyTest {
    /** A "random" generator that always draws the smallest or the largest value it may. */
    private static RandomGenerator always(boolean largest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return largest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void onlyFailedRunsWhoseFailureIsNotTheUsersAreRetriedWhileAttemptsAreLeft() {
        RetryPolicy policy = RetryPolicy.of(2, Optional.empty());

        assertThat(policy.attempts()).isEqualTo(3);
        assertThat(policy.retries(0, RunState.FAILED, Category.EXTERNAL)).isTrue();
        assertThat(policy.retries(1, RunState.FAILED, Category.INTERNAL)).isTrue();
        assertThat(policy.retries(2, RunState.FAILED, Category.EXTERNAL))
                .as("the third attempt was the last")
                .isFalse();
        assertThat(policy.retries(0, RunState.FAILED, Category.USER))
                .as("an invalid definition fails again")
                .isFalse();
        assertThat(policy.retries(0, RunState.TIMEOUT, Category.EXTERNAL)).isFalse();
        assertThat(policy.retries(0, RunState.STOPPED, Category.EXTERNAL)).isFalse();
        assertThat(policy.retries(0, RunState.SUCCEEDED, Category.EXTERNAL)).isFalse();
        assertThat(RetryPolicy.none().retries(0, RunState.FAILED, Category.EXTERNAL))
                .isFalse();
    }

    @Test
    void theBackoffDoublesFromTheDefaultDelayUpToTheCap() {
        RetryPolicy policy = RetryPolicy.of(100, Optional.empty());

        assertThat(policy.delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.maxDelay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoff(6)).isEqualTo(Duration.ofSeconds(320));
        assertThat(policy.backoff(7)).as("640s is over the cap").isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.backoff(100)).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> policy.backoff(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetryDelayLongerThanTheDefaultCapIsItsOwnCap() {
        RetryPolicy policy = RetryPolicy.of(3, Optional.of(Duration.ofMinutes(15)));

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void jitterDrawsBetweenHalfTheBackoffAndAllOfIt() {
        RetryPolicy policy = RetryPolicy.of(5, Optional.of(Duration.ofSeconds(30)));

        assertThat(policy.delay(1, always(false))).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.delay(1, always(true))).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delay(3, always(false))).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delay(3, always(true))).isEqualTo(Duration.ofSeconds(120));
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        for (int i = 0; i < 1000; i++) {
            assertThat(policy.delay(2, random)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    @Test
    void aZeroDelayRetriesAtOnce() {
        RetryPolicy policy = RetryPolicy.of(2, Optional.of(Duration.ZERO));

        assertThat(policy.delay(1, always(true))).isZero();
        assertThat(policy.delay(2, always(true))).isZero();
    }

    @Test
    void rejectsWhatIsNoPolicy() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than delay");
    }
}
