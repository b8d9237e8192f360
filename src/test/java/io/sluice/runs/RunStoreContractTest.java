package io.sluice.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RunStore} must have, as its Javadoc states it. An implementation's test extends this class
 * and says how to open a store on a fresh history.
 */
public abstract class RunStoreContractTest {
    protected static final Instant START = Instant.parse("2024-05-01T10:00:00.123456789Z");
    private static final Instant START_MILLIS = Instant.parse("2024-05-01T10:00:00.123Z");

    protected final ManualClock clock = new ManualClock(START);
    protected RunStore runs;

    /** Opens a store on this test's history, empty when the test starts; every call opens another on the same one. */
    protected abstract RunStore openStore(Clock clock);

    @BeforeEach
    void openFirstStore() {
        runs = openStore(clock);
    }

    @AfterEach
    void closeStore() {
        runs.close();
    }

    // ---- recording runs

    @Test
    void recordsARunThatStartsAtOnceWithItsRequestTimesAndOwner() {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("YEAR", "2025");
        arguments.put("COUNTRY", "DE");
        RunRequest request = RunRequest.job("daily_revenue")
                .definitionFile("jobs/daily_revenue.yaml")
                .arguments(arguments)
                .output("file:/lake/out/daily_revenue")
                .outputTable("analytics.daily_revenue")
                .build();

        Run run = runs.startNow(request);

        assertThat(run.id()).matches("jr_[0-9a-f]{32}");
        assertThat(run.request()).isEqualTo(request);
        assertThat(run.state()).isEqualTo(RunState.RUNNING);
        assertThat(run.createdOn()).isEqualTo(START_MILLIS);
        assertThat(run.startedOn()).contains(START_MILLIS);
        assertThat(run.completedOn()).isEmpty();
        assertThat(run.owner()).hasValueSatisfying(owner -> assertThat(owner).contains("@"));
        assertThat(runs.get(run.id())).contains(run);
        assertThat(runs.get(run.id()).orElseThrow().request().arguments().keySet())
                .as("arguments keep their order")
                .containsExactly("YEAR", "COUNTRY");
        assertThat(run.request().trigger()).isEqualTo(RunRequest.MANUAL);
        assertThat(run.attempt()).isZero();
    }

    @Test
    void givesEveryRunItsOwnIdWithThePrefixOfItsKind() {
        Run job = runs.startNow(RunRequest.job("a").build());
        Run again = runs.startNow(RunRequest.job("a").build());
        Run crawl = runs.enqueue(RunRequest.builder(RunKind.CRAWLER, "lake").build());
        Run workflow =
                runs.enqueue(RunRequest.builder(RunKind.WORKFLOW, "nightly").build());

        assertThat(List.of(job.id(), again.id(), crawl.id(), workflow.id())).doesNotHaveDuplicates();
        assertThat(crawl.id()).startsWith("cr_");
        assertThat(workflow.id()).startsWith("wr_");
    }

    @Test
    void keepsRetriesAndWorkflowRunsWithTheirRequest() {
        Run workflow = runs.enqueue(RunRequest.builder(RunKind.WORKFLOW, "nightly")
                .trigger("every_night")
                .build());
        Run first = runs.startNow(RunRequest.job("load")
                .trigger("after_crawl")
                .workflowRunId(workflow.id())
                .build());
        runs.finish(first.id(), RunOutcome.failed("disk full", Map.of()));

        Run retry = runs.enqueue(first.request().retryOf(first.id()));

        assertThat(runs.get(retry.id()).orElseThrow().request())
                .isEqualTo(RunRequest.job("load")
                        .trigger("after_crawl")
                        .workflowRunId(workflow.id())
                        .attempt(1, first.id())
                        .build());
    }

    // ---- state changes

    @Test
    void aWaitingRunStartsAndSucceedsWithItsCounters() {
        Run waiting = runs.enqueue(RunRequest.job("daily").build());
        assertThat(waiting.state()).isEqualTo(RunState.WAITING);
        assertThat(waiting.startedOn()).isEmpty();
        assertThat(waiting.owner()).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        Run running = runs.start(waiting.id());
        clock.advance(Duration.ofSeconds(2));
        runs.progress(running.id(), Map.of(RunCounters.ROWS_READ, 10L));
        clock.advance(Duration.ofSeconds(40));
        Run done = runs.finish(
                running.id(), RunOutcome.succeeded(Map.of(RunCounters.ROWS_READ, 1000L, RunCounters.ROWS_WRITTEN, 7L)));

        assertThat(running.state()).isEqualTo(RunState.RUNNING);
        assertThat(running.startedOn()).contains(START_MILLIS.plusSeconds(5));
        assertThat(running.owner()).isPresent();
        assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(done.createdOn()).isEqualTo(START_MILLIS);
        assertThat(done.completedOn()).contains(START_MILLIS.plusSeconds(47));
        assertThat(done.modifiedOn()).isEqualTo(START_MILLIS.plusSeconds(47));
        assertThat(done.executionTime(Instant.MAX)).contains(Duration.ofSeconds(42));
        assertThat(done.counter(RunCounters.ROWS_WRITTEN)).isEqualTo(7);
        assertThat(done.counter(RunCounters.BAD_RECORDS)).isZero();
        assertThat(done.errorMessage()).isEmpty();
        assertThat(runs.get(done.id())).contains(done);
    }

    @Test
    void aFailedRunKeepsItsErrorAndTheCountersOfItsLastProgress() {
        Run run = runs.startNow(RunRequest.job("daily").build());
        clock.advance(Duration.ofMillis(1500));
        Run progressed = runs.progress(run.id(), Map.of(RunCounters.ROWS_READ, 12L, "hadoop.SPILLED_RECORDS", 3L));
        clock.advance(Duration.ofMillis(500));

        Run failed = runs.finish(run.id(), RunOutcome.failed("task failed: disk full", Map.of()));

        assertThat(progressed.counters()).containsEntry(RunCounters.ROWS_READ, 12L);
        assertThat(progressed.modifiedOn()).isEqualTo(START_MILLIS.plusMillis(1500));
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(failed.errorMessage()).contains("task failed: disk full");
        assertThat(failed.counters()).isEqualTo(Map.of(RunCounters.ROWS_READ, 12L, "hadoop.SPILLED_RECORDS", 3L));
        assertThat(failed.executionTime(Instant.MAX)).contains(Duration.ofSeconds(2));
        assertThat(runs.get(run.id())).contains(failed);
    }

    @Test
    void aRunningRunMayTimeOutOrBeStopped() {
        Run slow = runs.startNow(RunRequest.job("slow").build());
        Run stopped = runs.startNow(RunRequest.job("stopped").build());

        assertThat(runs.finish(slow.id(), RunOutcome.timedOut("ran longer than 30m", Map.of()))
                        .state())
                .isEqualTo(RunState.TIMEOUT);
        assertThat(runs.finish(stopped.id(), RunOutcome.stopped("stopped by the user", Map.of()))
                        .state())
                .isEqualTo(RunState.STOPPED);
    }

    @Test
    void aWaitingRunMayBeStoppedWithoutEverStarting() {
        Run waiting = runs.enqueue(RunRequest.job("daily").build());
        clock.advance(Duration.ofMinutes(1));

        Run stopped = runs.finish(waiting.id(), RunOutcome.stopped("the scheduler shut down", Map.of()));

        assertThat(stopped.state()).isEqualTo(RunState.STOPPED);
        assertThat(stopped.startedOn()).isEmpty();
        assertThat(stopped.completedOn()).contains(START_MILLIS.plusSeconds(60));
        assertThat(stopped.executionTime(Instant.MAX)).isEmpty();
    }

    @Test
    void aRunningRunHasAnExecutionTimeSoFar() {
        Run run = runs.startNow(RunRequest.job("daily").build());

        assertThat(run.executionTime(START_MILLIS.plusSeconds(3))).contains(Duration.ofSeconds(3));
    }

    @Test
    void refusesChangesItsStateDoesNotAllowAndChangesNothing() {
        Run done = runs.finish(runs.startNow(RunRequest.job("daily").build()).id(), RunOutcome.succeeded(Map.of()));
        Run running = runs.startNow(RunRequest.job("other").build());
        Run waiting = runs.enqueue(RunRequest.job("queued").build());

        assertConflict(() -> runs.finish(done.id(), RunOutcome.failed("late", Map.of())), "is SUCCEEDED");
        assertConflict(() -> runs.start(done.id()), "is SUCCEEDED: it cannot become RUNNING");
        assertConflict(() -> runs.progress(done.id(), Map.of("rows.read", 1L)), "is SUCCEEDED");
        assertConflict(() -> runs.start(running.id()), "is RUNNING: it cannot become RUNNING");
        assertConflict(() -> runs.finish(waiting.id(), RunOutcome.succeeded(Map.of())), "is WAITING");
        assertConflict(() -> runs.finish(waiting.id(), RunOutcome.timedOut("t", Map.of())), "is WAITING");
        assertConflict(() -> runs.progress(waiting.id(), Map.of("rows.read", 1L)), "is WAITING");

        assertThat(runs.get(done.id())).contains(done);
        assertThat(runs.get(running.id())).contains(running);
        assertThat(runs.get(waiting.id())).contains(waiting);
    }

    @Test
    void unknownRunsAreNotFound() {
        assertThat(runs.get("jr_0123")).isEmpty();
        assertThatThrownBy(() -> runs.start("jr_0123"))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("run jr_0123 does not exist");
        assertThatThrownBy(() -> runs.finish("jr_0123", RunOutcome.succeeded(Map.of())))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void ofTwoStoresFinishingOneRunExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Run run = runs.startNow(RunRequest.job("raced").build());
            List<Callable<Optional<RunState>>> racers = new ArrayList<>();
            for (RunOutcome outcome : List.of(
                    RunOutcome.succeeded(Map.of()),
                    RunOutcome.failed("the scheduler restarted", Map.of()),
                    RunOutcome.stopped("stop", Map.of()))) {
                racers.add(() -> {
                    try (RunStore other = openStore(clock)) {
                        return Optional.of(other.finish(run.id(), outcome).state());
                    } catch (SluiceException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION);
                        return Optional.empty();
                    }
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(racers.size());
            List<RunState> winners = new ArrayList<>();
            try {
                for (Future<Optional<RunState>> result : pool.invokeAll(racers)) {
                    result.get().ifPresent(winners::add);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(winners).hasSize(1);
            assertThat(runs.get(run.id()).orElseThrow().state()).isEqualTo(winners.get(0));
        }
    }

    // ---- listing

    @Test
    void listsNewestFirstWithTiesInTheOrderOfRecording() {
        Run first = runs.startNow(RunRequest.job("a").build());
        Run second = runs.startNow(RunRequest.job("b").build());
        clock.advance(Duration.ofSeconds(1));
        Run third = runs.enqueue(RunRequest.job("a").build());

        assertThat(runs.list(RunFilter.all())).extracting(Run::id).containsExactly(third.id(), second.id(), first.id());
        assertThat(runs.list(RunFilter.all().fromOldest()))
                .extracting(Run::id)
                .containsExactly(first.id(), second.id(), third.id());
        assertThat(runs.list(RunFilter.all().limit(2))).extracting(Run::id).containsExactly(third.id(), second.id());
    }

    @Test
    void filtersByKindNameStatesAndWorkflowRun() {
        Run workflow =
                runs.enqueue(RunRequest.builder(RunKind.WORKFLOW, "nightly").build());
        Run crawl = runs.startNow(RunRequest.builder(RunKind.CRAWLER, "daily").build());
        Run ok = runs.finish(
                runs.startNow(RunRequest.job("daily")
                                .workflowRunId(workflow.id())
                                .build())
                        .id(),
                RunOutcome.succeeded(Map.of()));
        Run failed =
                runs.finish(runs.startNow(RunRequest.job("daily").build()).id(), RunOutcome.failed("boom", Map.of()));
        Run queued = runs.enqueue(RunRequest.job("other").build());

        assertThat(runs.list(RunFilter.all().of(RunKind.JOB, "daily")))
                .extracting(Run::id)
                .containsExactly(failed.id(), ok.id());
        assertThat(runs.list(RunFilter.all().name("daily")))
                .extracting(Run::id)
                .containsExactly(failed.id(), ok.id(), crawl.id());
        assertThat(runs.list(RunFilter.all().kind(RunKind.JOB)))
                .extracting(Run::id)
                .containsExactly(queued.id(), failed.id(), ok.id());
        assertThat(runs.list(RunFilter.all().states(RunState.FAILED)))
                .extracting(Run::id)
                .containsExactly(failed.id());
        assertThat(runs.list(RunFilter.all().states(RunState.WAITING, RunState.RUNNING)))
                .extracting(Run::id)
                .containsExactly(queued.id(), crawl.id(), workflow.id());
        assertThat(runs.list(RunFilter.all().workflowRunId(workflow.id())))
                .extracting(Run::id)
                .containsExactly(ok.id());
        assertThat(runs.list(
                        RunFilter.all().name("daily").states(RunState.SUCCEEDED).limit(5)))
                .extracting(Run::id)
                .containsExactly(ok.id());
        assertThat(runs.list(RunFilter.all().name("nobody"))).isEmpty();
        assertThat(runs.list(RunFilter.all().limit(0))).isEmpty();
    }

    @Test
    void anotherStoreSeesEveryChange() {
        Run run = runs.startNow(RunRequest.job("daily").build());
        try (RunStore other = openStore(clock)) {
            other.finish(run.id(), RunOutcome.failed("boom", Map.of(RunCounters.BAD_RECORDS, 2L)));
        }

        assertThat(runs.get(run.id()).orElseThrow().errorMessage()).contains("boom");
        assertThat(runs.list(RunFilter.all().states(RunState.FAILED))).hasSize(1);
    }

    private static void assertConflict(ThrowingCallable change, String message) {
        assertThatThrownBy(change)
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION))
                .hasMessageContaining(message);
    }
}
