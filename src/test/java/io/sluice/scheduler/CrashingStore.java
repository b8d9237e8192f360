package io.sluice.scheduler;

import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store whose process dies (a {@link Crash}) just before its {@code n}th change: the changes before were committed,
 * that one and all after never happen, as when a scheduler is killed with {@code kill -9} between two state changes.
 */
final class CrashingStore implements SchedulerStore {
    /** The scheduler's process died. */
    static final class Crash extends Error { // not caught as a failure of the work: the process is gone
        Crash(int change) {
            super("crash before change " + change);
        }
    }

    private final SchedulerStore store;
    private final int crashAt;
    private int changes;

    private final boolean crashAtLaunch;

    CrashingStore(SchedulerStore store, int crashAt) {
        this(store, crashAt, false);
    }

    private CrashingStore(SchedulerStore store, int crashAt, boolean crashAtLaunch) {
        this.store = store;
        this.crashAt = crashAt;
        this.crashAtLaunch = crashAtLaunch;
    }

    /** A store whose process dies after the first run's process started, before its pid is recorded. */
    static CrashingStore atFirstLaunch(SchedulerStore store) {
        return new CrashingStore(store, Integer.MAX_VALUE, true);
    }

    /** How many changes were made. */
    int changes() {
        return changes;
    }

    private void change() {
        if (++changes >= crashAt) {
            throw new Crash(changes);
        }
    }

    @Override
    public TriggerState watch(String trigger, Instant since) {
        change();
        return store.watch(trigger, since);
    }

    @Override
    public Optional<Fired> fire(Firing firing) {
        change();
        return store.fire(firing);
    }

    @Override
    public void advance(String trigger, Instant watermark) {
        change();
        store.advance(trigger, watermark);
    }

    @Override
    public Optional<Instant> lastFired(String trigger) {
        return store.lastFired(trigger);
    }

    @Override
    public Run enqueue(RunRequest request, Instant notBefore) {
        change();
        return store.enqueue(request, notBefore);
    }

    @Override
    public List<ScheduledRun> open() {
        return store.open();
    }

    @Override
    public Run start(String runId) {
        change();
        return store.start(runId);
    }

    @Override
    public void launched(String runId, long pid) {
        if (crashAtLaunch) {
            throw new Crash(changes + 1);
        }
        change();
        store.launched(runId, pid);
    }

    @Override
    public void exited(String runId, int exitCode) {
        change();
        store.exited(runId, exitCode);
    }

    @Override
    public Run finish(String runId, RunOutcome outcome) {
        change();
        return store.finish(runId, outcome);
    }

    @Override
    public Optional<Run> settle(String runId, Optional<RunRequest> retry, Instant notBefore) {
        change();
        return store.settle(runId, retry, notBefore);
    }

    @Override
    public boolean settled(String runId) {
        return store.settled(runId);
    }

    @Override
    public Optional<Run> get(String runId) {
        return store.get(runId);
    }

    @Override
    public List<Run> list(RunFilter filter) {
        return store.list(filter);
    }

    @Override
    public long request(String kind, String target) {
        change();
        return store.request(kind, target);
    }

    @Override
    public List<Request> pendingRequests() {
        return store.pendingRequests();
    }

    @Override
    public void handled(long seq, String outcome) {
        change();
        store.handled(seq, outcome);
    }

    @Override
    public Optional<String> outcome(long seq) {
        return store.outcome(seq);
    }

    @Override
    public void heartbeat(String owner, Instant startedOn, String definitions) {
        change();
        store.heartbeat(owner, startedOn, definitions);
    }

    @Override
    public void stopped(String owner) {
        change();
        store.stopped(owner);
    }

    @Override
    public Optional<SchedulerStatus> status() {
        return store.status();
    }

    @Override
    public void close() {}
}
