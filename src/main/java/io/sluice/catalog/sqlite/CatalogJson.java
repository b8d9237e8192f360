package io.sluice.catalog.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.catalog.Column;
import io.sluice.catalog.Partition;
import io.sluice.catalog.SerDeInfo;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.types.DataType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON text the SQLite catalog stores for the structured parts of the model. Written by hand rather than by data
 * binding so that the stored form is stable when the Java records change; types are stored as their Hive spelling.
 */
final class CatalogJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogJson() {}

    static String writeValues(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return write(array);
    }

    static List<String> readValues(String json) {
        List<String> values = new ArrayList<>();
        read(json).forEach(value -> values.add(value.textValue()));
        return values;
    }

    static String writeParameters(Map<String, String> parameters) {
        return write(parameters(parameters));
    }

    static Map<String, String> readParameters(String json) {
        return parameters(read(json));
    }

    /** A table's definition: everything but its name, version and times, which have columns of their own. */
    static String writeTable(Table table) {
        ObjectNode node = MAPPER.createObjectNode();
        table.description().ifPresent(description -> node.put("description", description));
        node.put("tableType", table.tableType());
        node.set("storageDescriptor", storageDescriptor(table.storageDescriptor()));
        node.set("partitionKeys", columns(table.partitionKeys()));
        node.set("parameters", parameters(table.parameters()));
        return write(node);
    }

    static Table.Builder readTable(TableId id, String json) {
        JsonNode node = read(json);
        return Table.builder(id)
                .description(optionalText(node, "description").orElse(null))
                .tableType(node.required("tableType").textValue())
                .storageDescriptor(storageDescriptor(node.required("storageDescriptor")))
                .partitionKeys(columns(node.required("partitionKeys")))
                .parameters(parameters(node.required("parameters")));
    }

    /**
     * A partition's definition but for its columns, which are stored on their own since the partitions of a table
     * nearly always share them (see {@link ColumnsJson}), and its table, values and time, which have columns of their
     * own too.
     */
    static String writePartition(Partition partition) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("storageDescriptor", storageDescriptorWithoutColumns(partition.storageDescriptor()));
        node.set("parameters", parameters(partition.parameters()));
        return write(node);
    }

    static Partition readPartition(
            TableId table, List<String> values, List<Column> columns, String json, Instant createTime) {
        JsonNode node = read(json);
        return new Partition(
                table,
                values,
                storageDescriptor(columns, node.required("storageDescriptor")),
                parameters(node.required("parameters")),
                Optional.of(createTime));
    }

    static String writeColumns(List<Column> columns) {
        return write(columns(columns));
    }

    static List<Column> readColumns(String json) {
        return List.copyOf(columns(read(json)));
    }

    private static ObjectNode storageDescriptor(StorageDescriptor descriptor) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("columns", columns(descriptor.columns()));
        node.setAll(storageDescriptorWithoutColumns(descriptor));
        return node;
    }

    private static ObjectNode storageDescriptorWithoutColumns(StorageDescriptor descriptor) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("location", descriptor.location());
        node.put("inputFormat", descriptor.inputFormat());
        node.put("outputFormat", descriptor.outputFormat());
        node.set("serdeInfo", serdeInfo(descriptor.serdeInfo()));
        node.put("compressed", descriptor.compressed());
        node.set("parameters", parameters(descriptor.parameters()));
        return node;
    }

    private static StorageDescriptor storageDescriptor(JsonNode node) {
        return storageDescriptor(columns(node.required("columns")), node);
    }

    private static StorageDescriptor storageDescriptor(List<Column> columns, JsonNode node) {
        return new StorageDescriptor(
                columns,
                node.required("location").textValue(),
                node.required("inputFormat").textValue(),
                node.required("outputFormat").textValue(),
                serdeInfo(node.required("serdeInfo")),
                node.required("compressed").booleanValue(),
                parameters(node.required("parameters")));
    }

    private static ObjectNode serdeInfo(SerDeInfo serde) {
        ObjectNode node = MAPPER.createObjectNode();
        serde.name().ifPresent(name -> node.put("name", name));
        node.put("serializationLibrary", serde.serializationLibrary());
        node.set("parameters", parameters(serde.parameters()));
        return node;
    }

    private static SerDeInfo serdeInfo(JsonNode node) {
        return new SerDeInfo(
                optionalText(node, "name"),
                node.required("serializationLibrary").textValue(),
                parameters(node.required("parameters")));
    }

    private static ArrayNode columns(List<Column> columns) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Column column : columns) {
            ObjectNode node = array.addObject();
            node.put("name", column.name());
            node.put("type", column.type().toString());
            column.comment().ifPresent(comment -> node.put("comment", comment));
        }
        return array;
    }

    private static List<Column> columns(JsonNode array) {
        List<Column> columns = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            columns.add(new Column(
                    node.required("name").textValue(),
                    DataType.parse(node.required("type").textValue()),
                    optionalText(node, "comment")));
        }
        return columns;
    }

    private static ObjectNode parameters(Map<String, String> parameters) {
        ObjectNode node = MAPPER.createObjectNode();
        parameters.forEach(node::put);
        return node;
    }

    private static Map<String, String> parameters(JsonNode node) {
        Map<String, String> parameters = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            parameters.put(entry.getKey(), entry.getValue().textValue());
        }
        return parameters;
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.textValue());
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write catalog JSON", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt catalog JSON: " + json, e);
        }
    }
}
