package io.sluice.catalog.sqlite;

import static java.util.Objects.requireNonNull;

import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunRequest;
import io.sluice.runs.RunState;
import io.sluice.scheduler.SchedulerStatus;
import io.sluice.scheduler.SchedulerStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The scheduler's state in the catalog's SQLite database (tables {@code scheduler_runs}, {@code trigger_fires}, {@code
 * trigger_state}, {@code scheduler_requests}, {@code scheduler_status}), beside the run history it shares a connection
 * and transactions with: a firing and the runs it queues, or a run's end and its retry, are committed together.
 */
public final class SqliteSchedulerStore implements SchedulerStore {
    private final SqliteStore store;
    private final SqliteRunStore runs;
    private final Clock clock;

    private SqliteSchedulerStore(SqliteStore store, Clock clock) {
        this.store = store;
        this.runs = SqliteRunStore.on(store, clock);
        this.clock = clock;
    }

    public static SqliteSchedulerStore open(Path catalogDir) {
        return open(catalogDir, Clock.systemUTC());
    }

    public static SqliteSchedulerStore open(Path catalogDir, Clock clock) {
        requireNonNull(clock, "clock is null");
        return new SqliteSchedulerStore(SqliteCatalog.openStore(catalogDir, clock), clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public TriggerState watch(String trigger, Instant since) {
        return store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO trigger_state (trigger_name, since) VALUES (?, ?)")) {
                insert.setString(1, trigger);
                insert.setLong(2, since.toEpochMilli());
                insert.executeUpdate();
            }
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT since, watermark FROM trigger_state WHERE trigger_name = ?")) {
                select.setString(1, trigger);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    Instant watchedSince = Instant.ofEpochMilli(rs.getLong(1));
                    long watermark = rs.getLong(2);
                    return new TriggerState(
                            watchedSince,
                            rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(watermark)));
                }
            }
        });
    }

    @Override
    public Optional<Fired> fire(Firing firing) {
        requireNonNull(firing, "firing is null");
        return store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO trigger_fires (trigger_name, fire_key, fired_on) VALUES (?, ?, ?)")) {
                insert.setString(1, firing.trigger());
                insert.setString(2, firing.key());
                insert.setLong(3, now().toEpochMilli());
                if (insert.executeUpdate() == 0) {
                    return Optional.<Fired>empty();
                }
            }
            if (firing.watermark().isPresent()) {
                advance(connection, firing.trigger(), firing.watermark().get());
            }
            Optional<Run> workflow = Optional.empty();
            if (firing.workflow().isPresent()) {
                Run run = newRun(firing.workflow().get(), RunState.RUNNING);
                RunRows.insert(connection, run);
                workflow = Optional.of(run);
            }
            List<Run> nodes = new ArrayList<>();
            for (RunRequest request : firing.nodes()) {
                RunRequest inWorkflow =
                        workflow.map(w -> withWorkflow(request, w.id())).orElse(request);
                nodes.add(queue(connection, inWorkflow, firing.notBefore()));
            }
            String firstRun = workflow.map(Run::id)
                    .orElse(nodes.isEmpty() ? null : nodes.get(0).id());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE trigger_fires SET run_id = ? WHERE trigger_name = ? AND fire_key = ?")) {
                update.setString(1, firstRun);
                update.setString(2, firing.trigger());
                update.setString(3, firing.key());
                update.executeUpdate();
            }
            if (firing.request().isPresent()) {
                handled(connection, firing.request().getAsLong(), "fired: run " + firstRun);
            }
            return Optional.of(new Fired(workflow, nodes));
        });
    }

    private static RunRequest withWorkflow(RunRequest request, String workflowRunId) {
        return new RunRequest(
                request.kind(),
                request.name(),
                request.definitionFile(),
                request.arguments(),
                request.trigger(),
                request.attempt(),
                request.previousRunId(),
                Optional.of(workflowRunId),
                request.output(),
                request.outputTable());
    }

    private Run newRun(RunRequest request, RunState state) {
        Instant now = now();
        boolean running = state == RunState.RUNNING;
        return new Run(
                request.kind().newId(),
                request,
                state,
                now,
                now,
                running ? Optional.of(now) : Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Optional.empty());
    }

    private Run queue(Connection connection, RunRequest request, Instant notBefore) throws SQLException {
        Run run = newRun(request, RunState.WAITING);
        RunRows.insert(connection, run);
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO scheduler_runs (run_id, not_before) VALUES (?, ?)")) {
            insert.setString(1, run.id());
            insert.setLong(2, notBefore.toEpochMilli());
            insert.executeUpdate();
        }
        return run;
    }

    @Override
    public void advance(String trigger, Instant watermark) {
        store.write(connection -> {
            advance(connection, trigger, watermark);
            return null;
        });
    }

    private static void advance(Connection connection, String trigger, Instant watermark) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE trigger_state SET watermark = ? WHERE trigger_name = ?")) {
            update.setLong(1, watermark.toEpochMilli());
            update.setString(2, trigger);
            update.executeUpdate();
        }
    }

    @Override
    public Optional<Instant> lastFired(String trigger) {
        return store.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT max(fired_on) FROM trigger_fires WHERE trigger_name = ?")) {
                select.setString(1, trigger);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    long fired = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(fired));
                }
            }
        });
    }

    @Override
    public Run enqueue(RunRequest request, Instant notBefore) {
        return store.write(connection -> queue(connection, request, notBefore));
    }

    @Override
    public List<ScheduledRun> open() {
        return store.read(connection -> {
            List<ScheduledRun> open = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT s.run_id, s.not_before, s.pid, s.exit_code, s.settled FROM scheduler_runs s"
                            + " JOIN runs r ON r.id = s.run_id WHERE s.settled = 0 ORDER BY r.seq")) {
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Run run = RunRows.find(connection, rs.getString(1)).orElseThrow();
                        Instant notBefore = Instant.ofEpochMilli(rs.getLong(2));
                        long pid = rs.getLong(3);
                        OptionalLong pidValue = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(pid);
                        int exit = rs.getInt(4);
                        OptionalInt exitValue = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(exit);
                        open.add(new ScheduledRun(run, notBefore, pidValue, exitValue, rs.getInt(5) != 0));
                    }
                }
            }
            return open;
        });
    }

    @Override
    public Run start(String runId) {
        return runs.start(runId);
    }

    @Override
    public void launched(String runId, long pid) {
        updateRun(runId, "pid", pid);
    }

    @Override
    public void exited(String runId, int exitCode) {
        updateRun(runId, "exit_code", exitCode);
    }

    private void updateRun(String runId, String column, long value) {
        store.write(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE scheduler_runs SET " + column + " = ? WHERE run_id = ?")) {
                update.setLong(1, value);
                update.setString(2, runId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Run finish(String runId, RunOutcome outcome) {
        return runs.finish(runId, outcome);
    }

    @Override
    public Optional<Run> settle(String runId, Optional<RunRequest> retry, Instant notBefore) {
        return store.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE scheduler_runs SET settled = 1 WHERE run_id = ? AND settled = 0")) {
                update.setString(1, runId);
                if (update.executeUpdate() == 0) {
                    return Optional.<Run>empty();
                }
            }
            if (retry.isEmpty()) {
                return Optional.<Run>empty();
            }
            return Optional.of(queue(connection, retry.get(), notBefore));
        });
    }

    @Override
    public boolean settled(String runId) {
        return store.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT settled FROM scheduler_runs WHERE run_id = ?")) {
                select.setString(1, runId);
                try (ResultSet rs = select.executeQuery()) {
                    return !rs.next() || rs.getInt(1) != 0;
                }
            }
        });
    }

    @Override
    public Optional<Run> get(String runId) {
        return runs.get(runId);
    }

    @Override
    public List<Run> list(RunFilter filter) {
        return runs.list(filter);
    }

    @Override
    public long request(String kind, String target) {
        return store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO scheduler_requests (kind, target, requested_on) VALUES (?, ?, ?)")) {
                insert.setString(1, kind);
                insert.setString(2, target);
                insert.setLong(3, now().toEpochMilli());
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT last_insert_rowid()");
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<Request> pendingRequests() {
        return store.read(connection -> {
            List<Request> requests = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, kind, target, requested_on"
                            + " FROM scheduler_requests WHERE handled_on IS NULL ORDER BY seq");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    requests.add(new Request(
                            rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return requests;
        });
    }

    @Override
    public void handled(long seq, String outcome) {
        store.write(connection -> {
            handled(connection, seq, outcome);
            return null;
        });
    }

    private void handled(Connection connection, long seq, String outcome) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE scheduler_requests SET handled_on = ?, outcome = ? WHERE seq = ? AND handled_on IS NULL")) {
            update.setLong(1, now().toEpochMilli());
            update.setString(2, outcome);
            update.setLong(3, seq);
            update.executeUpdate();
        }
    }

    @Override
    public Optional<String> outcome(long seq) {
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT outcome FROM scheduler_requests WHERE seq = ? AND handled_on IS NOT NULL")) {
                select.setLong(1, seq);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void heartbeat(String owner, Instant startedOn, String definitions) {
        store.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO scheduler_status"
                    + " (id, owner, started_on, heartbeat_on, stopped_on, definitions) VALUES (1, ?, ?, ?, NULL, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, started_on = excluded.started_on,"
                    + " heartbeat_on = excluded.heartbeat_on, stopped_on = NULL, definitions = excluded.definitions")) {
                upsert.setString(1, owner);
                upsert.setLong(2, startedOn.toEpochMilli());
                upsert.setLong(3, now().toEpochMilli());
                upsert.setString(4, definitions);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void stopped(String owner) {
        store.write(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE scheduler_status SET stopped_on = ? WHERE owner = ?")) {
                update.setLong(1, now().toEpochMilli());
                update.setString(2, owner);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<SchedulerStatus> status() {
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT owner, started_on, heartbeat_on, stopped_on, definitions FROM scheduler_status");
                    ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<SchedulerStatus>empty();
                }
                long stopped = rs.getLong(4);
                Optional<Instant> stoppedOn =
                        rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(stopped));
                return Optional.of(new SchedulerStatus(
                        rs.getString(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        stoppedOn,
                        rs.getString(5)));
            }
        });
    }

    @Override
    public void close() {
        runs.close();
    }
}
