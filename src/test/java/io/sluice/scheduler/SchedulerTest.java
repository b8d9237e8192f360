package io.sluice.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runs.Run;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's decisions, tick by tick on a clock of the test's, over a real catalog database. */
class SchedulerTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:30Z");

    @TempDir
    Path catalogDir;

    private Harness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private Harness harness(Map<String, String> jobs, Map<String, String> crawlers) {
        harness = new Harness(catalogDir, START, DefinitionLoader.parse(jobs, crawlers));
        harness.start();
        return harness;
    }

    private Harness harness(Map<String, String> jobs) {
        return harness(jobs, Map.of());
    }

    private static Map<String, String> files(String... nameAndYaml) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndYaml.length; i += 2) {
            files.put(nameAndYaml[i], nameAndYaml[i + 1]);
        }
        return files;
    }

    private static List<RunState> states(List<Run> runs) {
        return runs.stream().map(Run::state).toList();
    }

    /** A crawl, then job a after it, then job b after a: a workflow. */
    private Harness lakeWorkflow(String aExtra) {
        return harness(
                files(
                        "jobs/a.yaml",
                        "name: a\n" + aExtra + "triggers:\n  - after: {all: {lake: SUCCEEDED}}\n",
                        "jobs/b.yaml",
                        "name: b\narguments: {DAY: x}\ntriggers:\n  - after: {all: {a: SUCCEEDED}}\n"),
                files(
                        "crawler/lake.yaml",
                        "name: lake\ntriggers:\n  - name: refresh\n    on_demand: true\n    arguments: {DAY: '2024-05-01',"
                                + " OTHER: y}\n"));
    }

    @Test
    void aFiredTriggerStartsAWorkflowRunWhoseNodesFollowEachOther() {
        Harness h = lakeWorkflow("");
        h.fireRequest("refresh");

        h.runFor(Duration.ofSeconds(5), Duration.ofSeconds(1));

        Run lake = h.runsOf("lake").get(0);
        Run a = h.runsOf("a").get(0);
        Run b = h.runsOf("b").get(0);
        assertThat(List.of(lake.state(), a.state(), b.state())).containsOnly(RunState.SUCCEEDED);
        assertThat(h.workflowRuns()).singleElement().satisfies(w -> {
            assertThat(w.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(w.name()).isEqualTo("refresh");
            assertThat(List.of(lake, a, b))
                    .allSatisfy(r -> assertThat(r.request().workflowRunId()).contains(w.id()));
        });
        assertThat(lake.kind()).isEqualTo(RunKind.CRAWLER);
        assertThat(lake.request().trigger()).isEqualTo("refresh");
        assertThat(a.request().trigger()).isEqualTo("a-after");
        // Run properties go to the jobs that take them: b uses ${DAY}, a takes nothing.
        assertThat(b.request().arguments()).isEqualTo(Map.of("DAY", "2024-05-01"));
        assertThat(a.request().arguments()).isEmpty();
        assertThat(h.launcher.launched()).extracting(Run::name).containsExactly("lake", "a", "b");
        assertThat(h.log).anySatisfy(line -> assertThat(line)
                .startsWith("trigger a-after fired: ALL of its conditions hold in workflow run "
                        + lake.request().workflowRunId().orElseThrow()));
    }

    @Test
    void allWaitsForEveryConditionAndAnyFiresOnOne() {
        Harness h = harness(files(
                "jobs/x.yaml", "name: x\ntriggers:\n  - on_demand: true\n",
                "jobs/y.yaml", "name: y\ntriggers:\n  - after: {all: {x: SUCCEEDED}}\n",
                "jobs/z.yaml", "name: z\ntriggers:\n  - after: {all: {x: SUCCEEDED}}\n",
                "jobs/both.yaml", "name: both\ntriggers:\n  - after: {all: {y: SUCCEEDED, z: SUCCEEDED}}\n",
                "jobs/alarm.yaml", "name: alarm\ntriggers:\n  - after: {any: {y: FAILED, z: FAILED}}\n"));
        h.launcher.script("z", FakeLauncher.Script.fail());
        h.fireRequest("x-on-demand");
        h.cycle(); // x ran; y and z start
        h.tick();
        FakeLauncher.FakeProcess y = h.launcher.alive().stream()
                .filter(p -> p.run.name().equals("y"))
                .findFirst()
                .orElseThrow();
        h.launcher.finish(y);
        h.tick();

        assertThat(h.runsOf("both")).isEmpty(); // z still runs
        assertThat(h.runsOf("alarm")).isEmpty();

        h.runFor(Duration.ofSeconds(3), Duration.ofSeconds(1));

        assertThat(states(h.runsOf("z"))).containsExactly(RunState.FAILED);
        assertThat(h.runsOf("both")).isEmpty();
        assertThat(states(h.runsOf("alarm"))).containsExactly(RunState.SUCCEEDED);
        assertThat(h.workflowRuns()).singleElement().satisfies(w -> {
            assertThat(w.state()).isEqualTo(RunState.FAILED);
            assertThat(w.errorMessage().orElseThrow()).startsWith("job z FAILED; resume with: sluice workflow resume");
        });

        // Both succeed the second time: ALL fires once, ANY not at all.
        h.fireRequest("x-on-demand");
        h.runFor(Duration.ofSeconds(5), Duration.ofSeconds(1));
        h.restart();
        h.runFor(Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThat(states(h.runsOf("both"))).containsExactly(RunState.SUCCEEDED);
        assertThat(h.runsOf("alarm")).hasSize(1);
        assertThat(states(h.workflowRuns())).containsExactly(RunState.FAILED, RunState.SUCCEEDED);
    }

    @Test
    void aFailedRunIsRetriedAfterABackoffThatDoublesWithJitter() {
        Harness h = harness(
                files("jobs/a.yaml", "name: a\nretries: 2\nretry_delay: 10s\ntriggers:\n  - on_demand: true\n"));
        h.launcher.script("a", FakeLauncher.Script.fail(), FakeLauncher.Script.fail());
        h.fireRequest("a-on-demand");
        h.tick();
        h.launcher.finishAll();
        Instant failedAt = h.clock.instant();
        h.tick();

        Run retry = h.runsOf("a").get(1);
        Instant notBefore = notBefore(h, retry.id());
        assertThat(retry.state()).isEqualTo(RunState.WAITING);
        assertThat(retry.attempt()).isEqualTo(1);
        assertThat(retry.request().previousRunId())
                .contains(h.runsOf("a").get(0).id());
        assertThat(Duration.between(failedAt, notBefore)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));

        h.clock.set(notBefore.minusMillis(1));
        h.tick();
        assertThat(h.runsOf("a").get(1).state()).isEqualTo(RunState.WAITING);
        h.clock.set(notBefore);
        h.tick();
        assertThat(h.runsOf("a").get(1).state()).isEqualTo(RunState.RUNNING);

        h.launcher.finishAll();
        Instant secondFailure = h.clock.instant();
        h.tick();
        Run third = h.runsOf("a").get(2);
        assertThat(Duration.between(secondFailure, notBefore(h, third.id())))
                .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));

        h.runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(states(h.runsOf("a"))).containsExactly(RunState.FAILED, RunState.FAILED, RunState.SUCCEEDED);
        assertThat(h.runsOf("a")).extracting(Run::attempt).containsExactly(0, 1, 2);
        assertThat(states(h.workflowRuns())).containsExactly(RunState.SUCCEEDED); // its retries are its runs
        assertThat(h.log).anySatisfy(line -> assertThat(line)
                .contains("retry 2 of 2 is run " + third.id())
                .contains("backoff 20s"));
    }

    private static Instant notBefore(Harness h, String runId) {
        return h.store.open().stream()
                .filter(o -> o.run().id().equals(runId))
                .findFirst()
                .orElseThrow()
                .notBefore();
    }

    @Test
    void anInvalidDefinitionATimeoutAndUsedUpRetriesAreNotRetried() {
        Harness h = harness(files(
                "jobs/bad.yaml", "name: bad\nretries: 3\nretry_delay: 0s\ntriggers:\n  - on_demand: true\n",
                "jobs/slow.yaml", "name: slow\nretries: 3\ntimeout: 1m\ntriggers:\n  - on_demand: true\n",
                "jobs/flaky.yaml", "name: flaky\nretries: 1\nretry_delay: 0s\ntriggers:\n  - on_demand: true\n"));
        h.launcher.script("bad", FakeLauncher.Script.invalid());
        h.launcher.script("flaky", FakeLauncher.Script.fail(), FakeLauncher.Script.fail());
        h.fireRequest("bad-on-demand");
        h.fireRequest("slow-on-demand");
        h.fireRequest("flaky-on-demand");
        h.tick();
        FakeLauncher.FakeProcess slow = h.launcher.alive().stream()
                .filter(p -> p.run.name().equals("slow"))
                .findFirst()
                .orElseThrow();
        h.launcher.alive().stream().filter(p -> p != slow).forEach(h.launcher::finish);
        h.tick();
        h.tick();
        h.launcher.alive().stream().filter(p -> p != slow).forEach(h.launcher::finish);
        h.clock.advance(Duration.ofSeconds(61));
        h.tick();

        assertThat(slow.stopped).isTrue();
        h.launcher.finish(slow);
        h.tick();
        h.tick();

        assertThat(states(h.runsOf("bad"))).containsExactly(RunState.FAILED);
        assertThat(states(h.runsOf("slow"))).containsExactly(RunState.TIMEOUT);
        assertThat(h.runsOf("slow").get(0).errorMessage())
                .contains("job slow ran longer than its timeout of 1m and was" + " stopped");
        assertThat(states(h.runsOf("flaky"))).containsExactly(RunState.FAILED, RunState.FAILED);
        assertThat(h.log)
                .anySatisfy(l -> assertThat(l).contains("not retried: its definition or arguments are at fault"));
        assertThat(h.log).anySatisfy(l -> assertThat(l).contains("not retried: its 1 retries are used up"));
    }

    @Test
    void runsOverTheConcurrencyLimitsWaitInsteadOfFailing() {
        Harness h = harness(files(
                "jobs/a.yaml", "name: a\ntriggers:\n  - on_demand: true\n",
                "jobs/two.yaml", "name: two\nmax_concurrent_runs: 2\ntriggers:\n  - on_demand: true\n"));
        h.fireRequest("a-on-demand");
        h.fireRequest("a-on-demand");
        h.fireRequest("two-on-demand");
        h.fireRequest("two-on-demand");
        h.fireRequest("two-on-demand");
        h.tick();

        assertThat(states(h.runsOf("a"))).containsExactly(RunState.RUNNING, RunState.WAITING);
        assertThat(states(h.runsOf("two"))).containsExactly(RunState.RUNNING, RunState.RUNNING, RunState.WAITING);
        assertThat(h.log).anySatisfy(l -> assertThat(l)
                .endsWith("WAITING: job a has 1 run(s) RUNNING, its" + " max_concurrent_runs"));

        h.launcher.finishAll();
        h.tick();
        assertThat(states(h.runsOf("a"))).containsExactly(RunState.SUCCEEDED, RunState.RUNNING);
        assertThat(states(h.runsOf("two"))).containsExactly(RunState.SUCCEEDED, RunState.SUCCEEDED, RunState.RUNNING);
    }

    @Test
    void theGlobalLimitQueuesRunsOfAnyJobOldestFirst() {
        harness = new Harness(
                catalogDir,
                START,
                DefinitionLoader.parse(
                        files(
                                "jobs/a.yaml", "name: a\ntriggers:\n  - on_demand: true\n",
                                "jobs/b.yaml", "name: b\ntriggers:\n  - on_demand: true\n"),
                        Map.of()));
        harness.maxRunning = 1;
        harness.start();
        harness.fireRequest("b-on-demand");
        harness.fireRequest("a-on-demand");
        harness.tick();

        assertThat(states(harness.runsOf("b"))).containsExactly(RunState.RUNNING);
        assertThat(states(harness.runsOf("a"))).containsExactly(RunState.WAITING);
        assertThat(harness.log)
                .anySatisfy(l -> assertThat(l).endsWith("WAITING: 1 runs are RUNNING, the scheduler's" + " limit"));
        harness.cycle();
        assertThat(states(harness.runsOf("a"))).containsExactly(RunState.RUNNING);
    }

    private Harness hourly(String catchup) {
        return harness(files("jobs/h.yaml", "name: h\ntriggers:\n  - schedule: \"0 * * * *\"\n" + catchup));
    }

    @Test
    void aScheduleFiresAtItsTimesOnlyOnceEach() {
        Harness h = hourly("");
        h.clock.set(Instant.parse("2024-05-01T10:59:59Z"));
        h.cycle();
        assertThat(h.runsOf("h")).isEmpty();

        h.clock.set(Instant.parse("2024-05-01T11:00:00Z"));
        h.cycle();
        h.restart();
        h.cycle();
        h.clock.set(Instant.parse("2024-05-01T11:30:00Z"));
        h.cycle();

        assertThat(h.runsOf("h"))
                .singleElement()
                .satisfies(run -> assertThat(run.request().trigger()).isEqualTo("h-schedule"));
    }

    @Test
    void afterDowntimeCatchupLastRunsTheLatestMissedTimeOnce() {
        Harness h = hourly("");
        h.clock.set(Instant.parse("2024-05-01T15:30:00Z")); // down from 10:00:30 to 15:30
        h.restart();
        h.cycle();

        assertThat(h.runsOf("h")).hasSize(1);
        assertThat(h.log).anySatisfy(l -> assertThat(l)
                .contains("was due at 2024-05-01T15:00:00Z (catchup: last; 4" + " earlier times skipped)"));
    }

    @Test
    void afterDowntimeCatchupAllRunsEveryMissedTime() {
        Harness h = hourly("    catchup: all\n");
        h.clock.set(Instant.parse("2024-05-01T15:30:00Z"));
        h.restart();
        h.runFor(Duration.ofSeconds(10), Duration.ofSeconds(1));

        assertThat(h.runsOf("h")).hasSize(5);
        assertThat(h.workflowRuns()).hasSize(5);
    }

    @Test
    void afterDowntimeCatchupNoneSkipsMissedTimesAndKeepsTheNext() {
        Harness h = hourly("    catchup: none\n");
        h.clock.set(Instant.parse("2024-05-01T15:30:00Z"));
        h.restart();
        h.cycle();
        assertThat(h.runsOf("h")).isEmpty();
        assertThat(h.log)
                .anySatisfy(l -> assertThat(l).contains("skipped 5 missed time(s) up to 2024-05-01T15:00:00Z"));

        h.clock.set(Instant.parse("2024-05-01T16:00:20Z"));
        h.cycle();
        assertThat(h.runsOf("h")).hasSize(1);
    }

    @Test
    void aDoneFlagFiresOncePerFlag() {
        Harness h =
                harness(files("jobs/d.yaml", "name: d\ntriggers:\n  - data: {path: /lake/in, done_flag: _SUCCESS}\n"));
        h.files.put("/lake/in/part-0.csv", START.plusSeconds(1));
        h.clock.advance(Duration.ofSeconds(10));
        h.cycle();
        assertThat(h.runsOf("d")).isEmpty();

        h.files.put("/lake/in/_SUCCESS", h.clock.instant());
        h.cycle();
        h.cycle();
        assertThat(h.runsOf("d")).hasSize(1);

        h.clock.advance(Duration.ofMinutes(1));
        h.files.put("/lake/in/_SUCCESS", h.clock.instant());
        h.cycle();
        assertThat(h.runsOf("d")).hasSize(2);
    }

    @Test
    void newFilesFireInBatchesOfNOrAfterAQuietWindow() {
        Harness h = harness(files(
                "jobs/d.yaml", "name: d\ntriggers:\n  - data: {path: /lake/in, min_files: 3, quiet_window: 10m}\n"));
        h.files.put("/lake/in/old.csv", START.minusSeconds(60)); // there before: not new
        h.clock.advance(Duration.ofSeconds(10));
        h.files.put("/lake/in/1.csv", h.clock.instant());
        h.files.put("/lake/in/2.csv", h.clock.instant());
        h.cycle();
        assertThat(h.runsOf("d")).isEmpty();
        assertThat(h.log).anySatisfy(l -> assertThat(l).contains("waits: 2 new file(s) under /lake/in, fires at 3"));

        h.files.put("/lake/in/3.csv", h.clock.instant());
        h.cycle();
        assertThat(h.runsOf("d")).hasSize(1);

        h.clock.advance(Duration.ofMinutes(1));
        h.files.put("/lake/in/4.csv", h.clock.instant());
        h.cycle();
        h.clock.advance(Duration.ofMinutes(9));
        h.cycle();
        assertThat(h.runsOf("d")).hasSize(1);
        h.clock.advance(Duration.ofMinutes(1));
        h.cycle();
        assertThat(h.runsOf("d")).hasSize(2);
        assertThat(h.log).anySatisfy(l -> assertThat(l).contains("1 new file(s) under /lake/in, none for 10m"));
    }

    @Test
    void aFailedWorkflowRunResumesFromItsFailedNodes() {
        Harness h = lakeWorkflow("");
        h.launcher.script("a", FakeLauncher.Script.fail());
        h.fireRequest("refresh");
        h.runFor(Duration.ofSeconds(5), Duration.ofSeconds(1));
        Run failed = h.workflowRuns().get(0);
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(h.runsOf("b")).isEmpty();

        long request = h.store.request(Scheduler.RESUME_REQUEST, failed.id());
        h.runFor(Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThat(h.store.outcome(request))
                .hasValueSatisfying(o -> assertThat(o).startsWith("fired: run wr_"));
        assertThat(states(h.runsOf("lake"))).containsExactly(RunState.SUCCEEDED); // not run again
        assertThat(states(h.runsOf("a"))).containsExactly(RunState.FAILED, RunState.SUCCEEDED);
        assertThat(states(h.runsOf("b"))).containsExactly(RunState.SUCCEEDED);
        Run resumed = h.workflowRuns().get(1);
        assertThat(resumed.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(resumed.request().previousRunId()).contains(failed.id());
        assertThat(h.runsOf("b").get(0).request().workflowRunId()).contains(resumed.id());
        assertThat(h.runsOf("b").get(0).request().arguments()).containsEntry("DAY", "2024-05-01");

        long again = h.store.request(Scheduler.RESUME_REQUEST, failed.id());
        h.cycle();
        assertThat(h.store.outcome(again)).hasValueSatisfying(o -> assertThat(o).contains("resumed already"));
    }

    @Test
    void aConditionTriggerSeesRunsThatEndedBeforeARestart() {
        Harness h = lakeWorkflow("");
        h.fireRequest("refresh");
        h.tick(); // lake RUNNING
        h.launcher.finishAll(); // lake SUCCEEDED while no scheduler watches
        h.restart();
        h.runFor(Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThat(states(h.runsOf("a"))).containsExactly(RunState.SUCCEEDED);
        assertThat(states(h.runsOf("b"))).containsExactly(RunState.SUCCEEDED);
    }

    @Test
    void aRunningRunWhoseProcessDiedWithTheSchedulerIsFailedAndRetried() {
        Harness h = lakeWorkflow("retries: 1\nretry_delay: 0s\n");
        h.fireRequest("refresh");
        h.cycle();
        h.tick(); // a RUNNING
        FakeLauncher.FakeProcess a = h.launcher.alive().get(0);
        h.launcher.kill(a, 137); // gone with the scheduler (kill -9 of the process group)
        h.restart();
        h.runFor(Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThat(states(h.runsOf("a"))).containsExactly(RunState.FAILED, RunState.SUCCEEDED);
        assertThat(h.runsOf("a").get(0).errorMessage().orElseThrow())
                .isEqualTo("the scheduler stopped while it ran, and its process " + a.pid + " is gone");
        assertThat(states(h.runsOf("b"))).containsExactly(RunState.SUCCEEDED);
    }

    @Test
    void aRunStillRunningAfterARestartIsWatchedAgain() {
        Harness h = lakeWorkflow("");
        h.fireRequest("refresh");
        h.tick();
        h.restart();
        assertThat(h.log).anySatisfy(l -> assertThat(l).contains("is still RUNNING in process"));
        h.runFor(Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThat(states(h.runsOf("lake"))).containsExactly(RunState.SUCCEEDED);
        assertThat(states(h.runsOf("b"))).containsExactly(RunState.SUCCEEDED);
    }

    @Test
    void aShutdownStopsRunningRunsAndKeepsWaitingOnesQueued() {
        Harness h = harness(files("jobs/a.yaml", "name: a\nretries: 2\ntriggers:\n  - on_demand: true\n"));
        h.fireRequest("a-on-demand");
        h.fireRequest("a-on-demand");
        h.tick();
        h.scheduler.shutdown();

        assertThat(states(h.runsOf("a"))).containsExactly(RunState.STOPPED, RunState.WAITING);
        assertThat(h.launcher.launched()).hasSize(1);
        assertThat(h.launcher.alive().get(0).stopped).isTrue();
        h.launcher.finishAll();
        h.restart();
        h.cycle();
        assertThat(states(h.runsOf("a"))).containsExactly(RunState.STOPPED, RunState.SUCCEEDED);
        assertThat(Optional.of(h.runsOf("a").size())).contains(2); // a stopped run is not retried
    }
}
