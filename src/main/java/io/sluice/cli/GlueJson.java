package io.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.catalog.Column;
import io.sluice.catalog.Database;
import io.sluice.catalog.Partition;
import io.sluice.catalog.SerDeInfo;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import io.sluice.runs.Run;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunRequest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog model and the run history in the JSON shapes and field names of the AWS Glue API ({@code GetDatabases},
 * {@code GetTables}, {@code GetTable}, {@code GetPartitions}, {@code GetTableVersions}, {@code GetJobRuns}, {@code
 * GetJobRun}), so tools that know Glue read it at once. Times
 * are ISO-8601 instants.
 */
final class GlueJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GlueJson() {}

    static String databaseList(List<Database> databases) {
        return write(list("DatabaseList", databases, GlueJson::database));
    }

    static String tableList(List<Table> tables) {
        return write(list("TableList", tables, GlueJson::table));
    }

    static String table(Table table, boolean wrapped) {
        ObjectNode node = table(table);
        if (!wrapped) {
            return write(node);
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.set("Table", node);
        return write(root);
    }

    static String partitions(List<Partition> partitions) {
        return write(list("Partitions", partitions, GlueJson::partition));
    }

    static String tableVersions(List<Table> versions) {
        return write(list("TableVersions", versions, version -> {
            ObjectNode node = MAPPER.createObjectNode();
            node.set("Table", table(version));
            node.put("VersionId", Long.toString(version.versionId()));
            return node;
        }));
    }

    static String jobRuns(List<Run> runs, Instant now) {
        return write(list("JobRuns", runs, run -> jobRunNode(run, now)));
    }

    static String jobRun(Run run, Instant now) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("JobRun", jobRunNode(run, now));
        return write(root);
    }

    /**
     * A run as Glue's {@code JobRun}; {@code ExecutionTime} is in whole seconds, so far for a run still running. What
     * Glue has no field for is under {@code Sluice}: the kind of run, its definition file, creation time, counters,
     * output and owner.
     */
    static ObjectNode jobRunNode(Run run, Instant now) {
        RunRequest request = run.request();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("Id", run.id());
        node.put("Attempt", run.attempt());
        request.previousRunId().ifPresent(id -> node.put("PreviousRunId", id));
        node.put("TriggerName", request.trigger());
        node.put("JobName", run.name());
        putTime(node, "StartedOn", run.startedOn());
        putTime(node, "LastModifiedOn", Optional.of(run.modifiedOn()));
        putTime(node, "CompletedOn", run.completedOn());
        node.put("JobRunState", run.state().name());
        node.set("Arguments", parameters(request.arguments()));
        run.errorMessage().ifPresent(error -> node.put("ErrorMessage", error));
        node.put(
                "ExecutionTime", run.executionTime(now).map(Duration::toSeconds).orElse(0L));
        node.set("Sluice", sluiceRunDetails(run));
        return node;
    }

    private static ObjectNode sluiceRunDetails(Run run) {
        RunRequest request = run.request();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("Kind", run.kind().name());
        request.definitionFile().ifPresent(file -> node.put("DefinitionFile", file));
        request.workflowRunId().ifPresent(id -> node.put("WorkflowRunId", id));
        putTime(node, "CreatedOn", Optional.of(run.createdOn()));
        node.put("RowsRead", run.counter(RunCounters.ROWS_READ));
        node.put("RowsWritten", run.counter(RunCounters.ROWS_WRITTEN));
        node.put("BadRecords", run.counter(RunCounters.BAD_RECORDS));
        request.output().ifPresent(output -> node.put("OutputLocation", output));
        if (run.counter(RunCounters.BAD_RECORDS) > 0) {
            run.errorsLocation().ifPresent(errors -> node.put("BadRecordsLocation", errors));
        }
        request.outputTable().ifPresent(table -> node.put("OutputTable", table));
        ObjectNode counters = node.putObject("Counters");
        run.counters().forEach(counters::put);
        run.owner().ifPresent(owner -> node.put("Process", owner));
        return node;
    }

    static ObjectNode database(Database database) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("Name", database.name());
        database.description().ifPresent(d -> node.put("Description", d));
        database.locationUri().ifPresent(l -> node.put("LocationUri", l));
        node.set("Parameters", parameters(database.parameters()));
        putTime(node, "CreateTime", database.createTime());
        return node;
    }

    static ObjectNode table(Table table) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("Name", table.id().name());
        node.put("DatabaseName", table.id().database());
        table.description().ifPresent(d -> node.put("Description", d));
        putTime(node, "CreateTime", table.createTime());
        putTime(node, "UpdateTime", table.updateTime());
        node.set("StorageDescriptor", storageDescriptor(table.storageDescriptor()));
        node.set("PartitionKeys", columns(table.partitionKeys()));
        node.put("TableType", table.tableType());
        node.set("Parameters", parameters(table.parameters()));
        node.put("VersionId", Long.toString(table.versionId()));
        return node;
    }

    static ObjectNode partition(Partition partition) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode values = node.putArray("Values");
        partition.values().forEach(values::add);
        node.put("DatabaseName", partition.table().database());
        node.put("TableName", partition.table().name());
        putTime(node, "CreationTime", partition.createTime());
        node.set("StorageDescriptor", storageDescriptor(partition.storageDescriptor()));
        node.set("Parameters", parameters(partition.parameters()));
        return node;
    }

    static ObjectNode storageDescriptor(StorageDescriptor sd) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("Columns", columns(sd.columns()));
        node.put("Location", sd.location());
        node.put("InputFormat", sd.inputFormat());
        node.put("OutputFormat", sd.outputFormat());
        node.put("Compressed", sd.compressed());
        node.set("SerdeInfo", serdeInfo(sd.serdeInfo()));
        node.set("Parameters", parameters(sd.parameters()));
        return node;
    }

    private static ObjectNode serdeInfo(SerDeInfo serde) {
        ObjectNode node = MAPPER.createObjectNode();
        serde.name().ifPresent(n -> node.put("Name", n));
        node.put("SerializationLibrary", serde.serializationLibrary());
        node.set("Parameters", parameters(serde.parameters()));
        return node;
    }

    private static ArrayNode columns(List<Column> columns) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Column column : columns) {
            ObjectNode node = array.addObject();
            node.put("Name", column.name());
            node.put("Type", column.type().toString());
            column.comment().ifPresent(c -> node.put("Comment", c));
        }
        return array;
    }

    private static ObjectNode parameters(Map<String, String> parameters) {
        ObjectNode node = MAPPER.createObjectNode();
        parameters.forEach(node::put);
        return node;
    }

    private static void putTime(ObjectNode node, String field, Optional<Instant> time) {
        time.ifPresent(t -> node.put(field, t.toString()));
    }

    private static <T> ObjectNode list(String field, List<T> items, Function<T, ObjectNode> toNode) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray(field);
        items.forEach(item -> array.add(toNode.apply(item)));
        return root;
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
