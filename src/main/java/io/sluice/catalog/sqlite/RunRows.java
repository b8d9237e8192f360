package io.sluice.catalog.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunRequest;
import io.sluice.runs.RunState;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code runs} table: one row per run, updated in place as its state changes. */
final class RunRows {
    /** Arguments and counters are stored as flat JSON objects, written and read with Jackson's streaming API. */
    private static final JsonFactory JSON = new JsonFactory();

    private static final String COLUMNS = "id, kind, name, definition_file, arguments, trigger_name, attempt,"
            + " previous_run_id, workflow_run_id, output, output_table, state, created_on, modified_on, started_on,"
            + " completed_on, error_message, counters, owner";

    private RunRows() {}

    static void insert(Connection connection, Run run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO runs (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            RunRequest request = run.request();
            insert.setString(1, run.id());
            insert.setString(2, request.kind().name());
            insert.setString(3, request.name());
            insert.setString(4, request.definitionFile().orElse(null));
            insert.setString(5, writeArguments(request.arguments()));
            insert.setString(6, request.trigger());
            insert.setInt(7, request.attempt());
            insert.setString(8, request.previousRunId().orElse(null));
            insert.setString(9, request.workflowRunId().orElse(null));
            insert.setString(10, request.output().orElse(null));
            insert.setString(11, request.outputTable().orElse(null));
            setState(insert, 12, run);
            insert.executeUpdate();
        }
    }

    /** Writes a run's state, times, error, counters and owner: what changes over its life. */
    static void update(Connection connection, Run run) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET state = ?, created_on = ?,"
                + " modified_on = ?, started_on = ?, completed_on = ?, error_message = ?, counters = ?, owner = ?"
                + " WHERE id = ?")) {
            setState(update, 1, run);
            update.setString(9, run.id());
            update.executeUpdate();
        }
    }

    private static void setState(PreparedStatement statement, int first, Run run) throws SQLException {
        statement.setString(first, run.state().name());
        statement.setLong(first + 1, run.createdOn().toEpochMilli());
        statement.setLong(first + 2, run.modifiedOn().toEpochMilli());
        setTime(statement, first + 3, run.startedOn());
        setTime(statement, first + 4, run.completedOn());
        statement.setString(first + 5, run.errorMessage().orElse(null));
        statement.setString(first + 6, writeCounters(run.counters()));
        statement.setString(first + 7, run.owner().orElse(null));
    }

    static Optional<Run> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(run(rs)) : Optional.empty();
            }
        }
    }

    static List<Run> list(Connection connection, RunFilter filter) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        filter.kind().ifPresent(kind -> condition(conditions, values, "kind = ?", kind.name()));
        filter.name().ifPresent(name -> condition(conditions, values, "name = ?", name));
        filter.workflowRunId().ifPresent(id -> condition(conditions, values, "workflow_run_id = ?", id));
        if (!filter.states().isEmpty()) {
            conditions.add("state IN ("
                    + String.join(", ", filter.states().stream().map(s -> "?").toList()) + ")");
            filter.states().stream().sorted().forEach(state -> values.add(state.name()));
        }
        String order = filter.oldestFirst() ? "ASC" : "DESC";
        String sql = "SELECT " + COLUMNS + " FROM runs"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY created_on " + order + ", seq " + order
                + (filter.limit().isPresent() ? " LIMIT " + filter.limit().getAsInt() : "");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                List<Run> runs = new ArrayList<>();
                while (rs.next()) {
                    runs.add(run(rs));
                }
                return List.copyOf(runs);
            }
        }
    }

    private static void condition(List<String> conditions, List<Object> values, String condition, Object value) {
        conditions.add(condition);
        values.add(value);
    }

    private static Run run(ResultSet rs) throws SQLException {
        RunRequest request = new RunRequest(
                RunKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                Optional.ofNullable(rs.getString("definition_file")),
                readArguments(rs.getString("arguments")),
                rs.getString("trigger_name"),
                rs.getInt("attempt"),
                Optional.ofNullable(rs.getString("previous_run_id")),
                Optional.ofNullable(rs.getString("workflow_run_id")),
                Optional.ofNullable(rs.getString("output")),
                Optional.ofNullable(rs.getString("output_table")));
        return new Run(
                rs.getString("id"),
                request,
                RunState.valueOf(rs.getString("state")),
                Instant.ofEpochMilli(rs.getLong("created_on")),
                Instant.ofEpochMilli(rs.getLong("modified_on")),
                time(rs, "started_on"),
                time(rs, "completed_on"),
                Optional.ofNullable(rs.getString("error_message")),
                readCounters(rs.getString("counters")),
                Optional.ofNullable(rs.getString("owner")));
    }

    private static void setTime(PreparedStatement statement, int index, Optional<Instant> time) throws SQLException {
        if (time.isPresent()) {
            statement.setLong(index, time.get().toEpochMilli());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    private static Optional<Instant> time(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static String writeArguments(Map<String, String> arguments) {
        return writeObject(arguments);
    }

    private static Map<String, String> readArguments(String json) {
        Map<String, String> arguments = new LinkedHashMap<>();
        readObject(json, (name, parser) -> arguments.put(name, parser.getValueAsString()));
        return arguments;
    }

    private static String writeCounters(Map<String, Long> counters) {
        return writeObject(counters);
    }

    private static Map<String, Long> readCounters(String json) {
        Map<String, Long> counters = new TreeMap<>();
        readObject(json, (name, parser) -> counters.put(name, parser.getValueAsLong()));
        return counters;
    }

    private static String writeObject(Map<String, ?> values) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                generator.writeFieldName(entry.getKey());
                if (entry.getValue() instanceof Long number) {
                    generator.writeNumber(number);
                } else {
                    generator.writeString((String) entry.getValue());
                }
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + values, e);
        }
        return out.toString();
    }

    /** What takes each field of a flat JSON object, the parser on its value. */
    private interface FieldReader {
        void read(String name, JsonParser parser) throws IOException;
    }

    private static void readObject(String json, FieldReader fields) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.read(name, parser);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the run history holds invalid JSON: " + json, e);
        }
    }
}
