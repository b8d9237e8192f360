package io.sluice.catalog.sqlite;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunRequest;
import io.sluice.runs.RunState;
import io.sluice.runs.RunStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run history kept in the catalog's SQLite database ({@code <catalog dir>/catalog.db}, table {@code runs}), with
 * the same guarantees as {@link SqliteCatalog}: each change is one transaction that holds the write lock from its
 * start, so a state is read and changed without another process changing it in between.
 */
public final class SqliteRunStore implements RunStore {
    private final SqliteStore store;
    private final Clock clock;
    private final String owner;

    private SqliteRunStore(SqliteStore store, Clock clock, String owner) {
        this.store = store;
        this.clock = clock;
        this.owner = owner;
    }

    /** Opens the run history of the catalog in a directory, creating the directory and the database if needed. */
    public static SqliteRunStore open(Path catalogDir) {
        return open(catalogDir, Clock.systemUTC());
    }

    /** The run history on a store opened already (shared with the scheduler's state); closing it closes the store. */
    static SqliteRunStore on(SqliteStore store, Clock clock) {
        return new SqliteRunStore(
                store, clock, ManagementFactory.getRuntimeMXBean().getName());
    }

    /** Opens the run history, taking the times it records from {@code clock}. */
    public static SqliteRunStore open(Path catalogDir, Clock clock) {
        requireNonNull(clock, "clock is null");
        // "pid@host" on the JVMs Sluice runs on.
        return new SqliteRunStore(
                SqliteCatalog.openStore(catalogDir, clock),
                clock,
                ManagementFactory.getRuntimeMXBean().getName());
    }

    @Override
    public Run enqueue(RunRequest request) {
        requireNonNull(request, "request is null");
        Instant now = now();
        return insert(new Run(
                request.kind().newId(),
                request,
                RunState.WAITING,
                now,
                now,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Optional.empty()));
    }

    @Override
    public Run startNow(RunRequest request) {
        requireNonNull(request, "request is null");
        Instant now = now();
        return insert(new Run(
                request.kind().newId(),
                request,
                RunState.RUNNING,
                now,
                now,
                Optional.of(now),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Optional.of(owner)));
    }

    private Run insert(Run run) {
        return store.write(connection -> {
            RunRows.insert(connection, run);
            return run;
        });
    }

    @Override
    public Run start(String id) {
        return change(
                id,
                RunState.RUNNING,
                (run, now) -> new Run(
                        run.id(),
                        run.request(),
                        RunState.RUNNING,
                        run.createdOn(),
                        now,
                        Optional.of(now),
                        Optional.empty(),
                        Optional.empty(),
                        run.counters(),
                        Optional.of(owner)));
    }

    @Override
    public Run progress(String id, Map<String, Long> counters) {
        requireNonNull(counters, "counters is null");
        return store.write(connection -> {
            Run run = require(connection, id);
            if (run.state() != RunState.RUNNING) {
                throw conflict(run, "it has no progress to record");
            }
            Run updated = new Run(
                    run.id(),
                    run.request(),
                    run.state(),
                    run.createdOn(),
                    now(),
                    run.startedOn(),
                    run.completedOn(),
                    run.errorMessage(),
                    counters,
                    run.owner());
            RunRows.update(connection, updated);
            return updated;
        });
    }

    @Override
    public Run finish(String id, RunOutcome outcome) {
        requireNonNull(outcome, "outcome is null");
        return change(
                id,
                outcome.state(),
                (run, now) -> new Run(
                        run.id(),
                        run.request(),
                        outcome.state(),
                        run.createdOn(),
                        now,
                        run.startedOn(),
                        Optional.of(now),
                        outcome.errorMessage(),
                        outcome.counters().isEmpty() ? run.counters() : outcome.counters(),
                        run.owner()));
    }

    /** Moves a run to another state in one transaction, refusing a change its current state does not allow. */
    private Run change(String id, RunState next, Transition transition) {
        return store.write(connection -> {
            Run run = require(connection, id);
            if (!run.state().canBecome(next)) {
                throw conflict(run, "it cannot become " + next);
            }
            Run changed = transition.apply(run, now());
            RunRows.update(connection, changed);
            return changed;
        });
    }

    @Override
    public Optional<Run> get(String id) {
        requireNonNull(id, "id is null");
        return store.read(connection -> RunRows.find(connection, id));
    }

    @Override
    public List<Run> list(RunFilter filter) {
        requireNonNull(filter, "filter is null");
        return store.read(connection -> RunRows.list(connection, filter));
    }

    @Override
    public void close() {
        store.close();
    }

    private static Run require(Connection connection, String id) throws SQLException {
        requireNonNull(id, "id is null");
        return RunRows.find(connection, id)
                .orElseThrow(() -> SluiceException.notFound("run %s does not exist (see 'sluice runs')", id));
    }

    private static SluiceException conflict(Run run, String what) {
        return new SluiceException(
                ErrorCode.CONCURRENT_MODIFICATION,
                String.format("run %s of %s is %s: %s", run.id(), run.name(), run.state(), what));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The run as it is after a change made at {@code now}. */
    @FunctionalInterface
    private interface Transition {
        Run apply(Run run, Instant now);
    }
}
