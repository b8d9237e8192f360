package io.sluice.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runs.Run;
import io.sluice.runs.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduler killed between any two of its state changes and started again finishes the workflow as if nothing
 * happened: no trigger fires twice, no run is lost or left WAITING or RUNNING, the run cut off is ended FAILED and
 * retried, and the workflow run ends SUCCEEDED. Each crash point is tried on a database of its own.
 */
class SchedulerCrashTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    private static Definitions definitions() {
        return DefinitionLoader.parse(
                Map.of(
                        "jobs/a.yaml",
                        "name: a\nretries: 3\nretry_delay: 0s\ntriggers:\n  - after: {all: {lake: SUCCEEDED}}\n",
                        "jobs/b.yaml",
                        "name: b\nretries: 3\nretry_delay: 0s\ntriggers:\n  - after: {all: {a: SUCCEEDED}}\n"),
                Map.of(
                        "crawler/lake.yaml",
                        "name: lake\nretries: 3\nretry_delay: 0s\ntriggers:\n  - {name: go, on_demand: true}\n"));
    }

    /** Runs the workflow with a crash before change {@code crashAt}; returns how many changes the first scheduler made. */
    private int runWithCrashAt(int crashAt, Path catalogDir) throws Exception {
        try (Harness h = new Harness(catalogDir, START, definitions())) {
            h.launcher.script("a", FakeLauncher.Script.fail()); // a fails once anyway
            h.fireRequest("go");
            CrashingStore crashing = new CrashingStore(h.store, crashAt);
            boolean crashed = false;
            try {
                h.start(crashing);
                h.runFor(Duration.ofSeconds(20), Duration.ofSeconds(1));
            } catch (CrashingStore.Crash e) {
                crashed = true;
            }
            // Started again: the runs its processes ended meanwhile are in the history; the rest goes on.
            h.clock.advance(Duration.ofSeconds(1));
            h.restart();
            h.runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));

            String story = String.join("\n", h.log);
            List<Run> workflows = h.workflowRuns();
            assertThat(workflows).as(story).singleElement().satisfies(w -> assertThat(w.state())
                    .as(story)
                    .isEqualTo(RunState.SUCCEEDED));
            for (String node : List.of("lake", "a", "b")) {
                List<Run> runs = h.runsOf(node);
                assertThat(runs)
                        .as(node + " crash at " + crashAt + "\n" + story)
                        .allSatisfy(r -> assertThat(r.state().isTerminal()).isTrue());
                assertThat(runs.stream().filter(r -> r.state() == RunState.SUCCEEDED))
                        .as(node + " succeeded once, crash at " + crashAt)
                        .hasSize(1);
                assertThat(runs.stream().filter(r -> r.attempt() == 0))
                        .as(node + " fired once, crash at " + crashAt + "\n" + story)
                        .hasSize(1);
                assertThat(runs).allSatisfy(r -> assertThat(r.request().workflowRunId())
                        .contains(workflows.get(0).id()));
            }
            assertThat(h.runsOf("a").get(0).state()).isEqualTo(RunState.FAILED);
            assertThat(h.store.open())
                    .as("runs not dealt with, crash at " + crashAt)
                    .isEmpty();
            return crashed ? crashAt : crashing.changes();
        }
    }

    @Test
    void aRunWhoseProcessStartedBeforeItsPidWasRecordedIsFoundAgainNotRunTwice() throws Exception {
        try (Harness h = new Harness(dir, START, definitions())) {
            h.fireRequest("go");
            assertThatThrownBy(() -> {
                        h.start(CrashingStore.atFirstLaunch(h.store));
                        h.runFor(Duration.ofSeconds(5), Duration.ofSeconds(1));
                    })
                    .isInstanceOf(CrashingStore.Crash.class);
            assertThat(h.launcher.alive()).hasSize(1);

            h.clock.advance(Duration.ofSeconds(1));
            h.restart();
            h.runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));

            String story = String.join("\n", h.log);
            assertThat(story).contains("is still RUNNING in process");
            assertThat(states(h.runsOf("lake"))).as(story).containsExactly(RunState.SUCCEEDED);
            assertThat(h.launcher.launched().stream().filter(r -> r.name().equals("lake")))
                    .as("lake's process started once")
                    .hasSize(1);
            assertThat(states(h.runsOf("b"))).as(story).containsExactly(RunState.SUCCEEDED);
        }
    }

    private static List<RunState> states(List<Run> runs) {
        return runs.stream().map(Run::state).toList();
    }

    @Test
    void aCrashBetweenAnyTwoStateChangesLosesAndRepeatsNothing() throws Exception {
        int changes = runWithCrashAt(Integer.MAX_VALUE, Files.createDirectory(dir.resolve("no-crash")));
        assertThat(changes).isGreaterThan(10);
        for (int crashAt = 1; crashAt <= changes; crashAt++) {
            runWithCrashAt(crashAt, Files.createDirectory(dir.resolve("crash-" + crashAt)));
        }
    }
}
