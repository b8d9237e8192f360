package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.sqlite.SqliteRunStore;
import io.sluice.runs.RetryPolicy;
import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunRequest;
import io.sluice.runs.RunState;
import io.sluice.runs.RunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's attempts: each a run of the history, retried after a backoff as its policy says; no test sleeps. */
class JobAttemptsTest {
    @TempDir
    Path catalogDir;

    private RunStore runs;
    private final List<Duration> slept = new ArrayList<>();
    private final List<RunState> stateWhileSleeping = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void open() {
        runs = SqliteRunStore.open(catalogDir);
    }

    @AfterEach
    void close() {
        runs.close();
    }

    private JobAttempts attempts(int retries, Duration delay) {
        JobAttempts.Sleeper sleeper = duration -> {
            slept.add(duration);
            stateWhileSleeping.add(newest().state());
        };
        return new JobAttempts(
                runs,
                RetryPolicy.of(retries, Optional.of(delay)),
                sleeper,
                RandomGenerator.of("L64X128MixRandom"),
                new PrintWriter(err, true));
    }

    /** An attempt that fails {@code failures} times with {@code code}, recording each run's end as submit does. */
    private JobAttempts.Attempt failing(int failures, ErrorCode code, RunState state) {
        return run -> {
            if (run.attempt() < failures) {
                String message = "attempt " + run.attempt() + " failed";
                runs.finish(
                        run.id(),
                        state == RunState.TIMEOUT
                                ? RunOutcome.timedOut(message, Map.of())
                                : RunOutcome.failed(message, Map.of()));
                throw new SluiceException(code, message);
            }
            runs.finish(run.id(), RunOutcome.succeeded(Map.of()));
        };
    }

    private Run first() {
        return runs.startNow(RunRequest.job("flaky").build());
    }

    private Run newest() {
        return runs.list(RunFilter.all().limit(1)).get(0);
    }

    private List<Run> history() {
        return runs.list(RunFilter.all().fromOldest());
    }

    @Test
    void aFailedRunIsRetriedAsNewRunsAfterGrowingDelaysUntilOneSucceeds() {
        Run succeeded =
                attempts(3, Duration.ofSeconds(10)).run(first(), failing(2, ErrorCode.JOB_FAILED, RunState.FAILED));

        List<Run> history = history();
        assertThat(history)
                .extracting(Run::state)
                .containsExactly(RunState.FAILED, RunState.FAILED, RunState.SUCCEEDED);
        assertThat(history).extracting(Run::attempt).containsExactly(0, 1, 2);
        assertThat(history.get(1).request().previousRunId())
                .contains(history.get(0).id());
        assertThat(history.get(2).request().previousRunId())
                .contains(history.get(1).id());
        assertThat(succeeded.id()).isEqualTo(history.get(2).id());
        assertThat(slept).hasSize(2);
        assertThat(slept.get(0)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(slept.get(1)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(stateWhileSleeping)
                .as("a retry waits in the history for its delay")
                .containsExactly(RunState.WAITING, RunState.WAITING);
        assertThat(err.toString())
                .contains("attempt 1 of 4: run " + history.get(0).id())
                .contains("run " + history.get(0).id() + " failed; retrying in ")
                .contains(" as run " + history.get(1).id() + " (attempt 2 of 4)")
                .contains("attempt 3 of 4: run " + history.get(2).id() + ", retry of "
                        + history.get(1).id());
    }

    @Test
    void theLastFailureIsPassedOnWhenNoRetryIsLeft() {
        assertThatThrownBy(() ->
                        attempts(2, Duration.ZERO).run(first(), failing(5, ErrorCode.JOB_FAILED, RunState.FAILED)))
                .isInstanceOf(SluiceException.class)
                .hasMessage("attempt 2 failed");

        assertThat(history())
                .extracting(Run::state)
                .containsOnly(RunState.FAILED)
                .hasSize(3);
        assertThat(slept).containsExactly(Duration.ZERO, Duration.ZERO);
    }

    @Test
    void definitionErrorsAndTimeoutsAreNotRetried() {
        assertThatThrownBy(() -> attempts(2, Duration.ZERO)
                        .run(first(), failing(1, ErrorCode.INVALID_DEFINITION, RunState.FAILED)))
                .hasMessage("attempt 0 failed");
        assertThatThrownBy(
                        () -> attempts(2, Duration.ZERO).run(first(), failing(1, ErrorCode.TIMEOUT, RunState.TIMEOUT)))
                .hasMessage("attempt 0 failed");

        assertThat(history()).extracting(Run::state).containsExactly(RunState.FAILED, RunState.TIMEOUT);
        assertThat(slept).isEmpty();
    }

    @Test
    void aJobWithoutRetriesDoesNotTalkAboutAttempts() {
        attempts(0, Duration.ZERO).run(first(), failing(0, ErrorCode.JOB_FAILED, RunState.FAILED));

        assertThat(err.toString()).isEmpty();
        assertThat(history()).extracting(Run::state).containsExactly(RunState.SUCCEEDED);
    }

    @Test
    void aStopWhileWaitingStopsTheRetry() {
        JobAttempts attempts = new JobAttempts(
                runs,
                RetryPolicy.of(1, Optional.empty()),
                duration -> {
                    throw new InterruptedException();
                },
                RandomGenerator.getDefault(),
                new PrintWriter(err, true));

        assertThatThrownBy(() -> attempts.run(first(), failing(1, ErrorCode.JOB_FAILED, RunState.FAILED)))
                .hasMessage("attempt 0 failed");

        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        assertThat(history()).extracting(Run::state).containsExactly(RunState.FAILED, RunState.STOPPED);
    }
}
