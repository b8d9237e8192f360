package io.sluice.scheduler;

import io.sluice.catalog.sqlite.SqliteRunStore;
import io.sluice.catalog.sqlite.SqliteSchedulerStore;
import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A scheduler over a real catalog database in a temporary folder, with a clock, processes and files of the test's:
 * {@link #restart} makes a new scheduler over the same database, as a scheduler process started again would.
 */
final class Harness implements AutoCloseable {
    final MutableClock clock;
    final Path catalogDir;
    final RunStore history;
    final SchedulerStore store;
    final FakeLauncher launcher;
    final FakeFiles files = new FakeFiles();
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    Definitions definitions;
    int maxRunning = 10;
    Scheduler scheduler;

    Harness(Path catalogDir, Instant start, Definitions definitions) {
        this.clock = new MutableClock(start);
        this.catalogDir = catalogDir;
        this.history = SqliteRunStore.open(catalogDir, clock);
        this.store = SqliteSchedulerStore.open(catalogDir, clock);
        this.launcher = new FakeLauncher(history);
        this.definitions = definitions;
    }

    static Definitions jobs(Map<String, String> jobs) {
        return DefinitionLoader.parse(jobs, Map.of());
    }

    /** A new scheduler over the same state (the store given, such as one that fails on purpose). */
    Scheduler start(SchedulerStore over) {
        scheduler = new Scheduler(
                definitions, over, launcher, files, clock, new SplittableRandom(42), maxRunning, log::add);
        scheduler.recover();
        return scheduler;
    }

    Scheduler start() {
        return start(store);
    }

    Scheduler restart() {
        return start();
    }

    void tick() {
        scheduler.tick();
    }

    /** Ticks, lets every running process end, ticks again. */
    void cycle() {
        tick();
        launcher.finishAll();
        tick();
    }

    /** Advances the clock a step at a time, running processes to their end each step, for {@code total}. */
    void runFor(Duration total, Duration step) {
        Instant end = clock.instant().plus(total);
        while (clock.instant().isBefore(end)) {
            cycle();
            clock.advance(step);
        }
        cycle();
    }

    List<Run> runsOf(String name) {
        List<Run> runs = new ArrayList<>(history.list(RunFilter.all().name(name).fromOldest()));
        runs.removeIf(r -> r.kind() == RunKind.WORKFLOW);
        return runs;
    }

    List<Run> workflowRuns() {
        return history.list(RunFilter.all().kind(RunKind.WORKFLOW).fromOldest());
    }

    long fireRequest(String trigger) {
        return store.request(Scheduler.FIRE_REQUEST, trigger);
    }

    @Override
    public void close() {
        store.close();
        history.close();
    }
}
