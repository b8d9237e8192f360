package io.sluice.catalog;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import io.sluice.SluiceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hive DDL for catalog tables, so that Hive, Spark, Trino or Athena can read what Sluice catalogued: pure functions
 * of the model, the same statements for the same table.
 *
 * <p>Every database, table, column and partition key name is backquoted; string literals escape quotes, backslashes
 * and control characters the way Hive reads them back ({@code '\001'}, {@code '\t'}). Statements end with {@code ;}
 * and no newline.
 */
public final class HiveDdl {
    private HiveDdl() {}

    /**
     * The {@code CREATE EXTERNAL TABLE} statement of a table: columns with comments, table comment, partition keys,
     * row format and file format (short forms such as {@code STORED AS PARQUET} or {@code ROW FORMAT DELIMITED} where
     * they say the same as the SerDe and format classes, the generic SerDe form otherwise), location and the table
     * parameters as sorted {@code TBLPROPERTIES}.
     *
     * <p>The statement is always EXTERNAL whatever the table type: Sluice describes data it does not own, and dropping
     * the table in Hive must leave the files alone.
     */
    public static String createTable(Table table) {
        requireNonNull(table, "table is null");
        StorageDescriptor storage = table.storageDescriptor();
        List<String> lines = new ArrayList<>();
        lines.add("CREATE EXTERNAL TABLE " + HiveSql.tableName(table.id()) + columnList(storage.columns()));
        table.description().ifPresent(description -> lines.add("COMMENT " + HiveSql.literal(description)));
        if (table.isPartitioned()) {
            lines.add("PARTITIONED BY" + columnList(table.partitionKeys()));
        }
        lines.addAll(HiveStorageClause.of(storage));
        if (!storage.location().isEmpty()) {
            lines.add("LOCATION " + HiveSql.literal(storage.location()));
        }
        if (!table.parameters().isEmpty()) {
            lines.add("TBLPROPERTIES " + HiveSql.properties(table.parameters(), Comparator.naturalOrder()));
        }
        return String.join("\n", lines) + ";";
    }

    /**
     * An {@code ALTER TABLE ... ADD IF NOT EXISTS} statement registering the partitions of a table, one
     * {@code PARTITION (...) LOCATION '...'} line each, or the empty string for no partitions. A value is written as a
     * number when its key is numeric and the value is a number of that type, as a string literal otherwise.
     *
     * @throws SluiceException if the table is not partitioned, or a partition belongs to another table or has not one
     *     value per partition key
     */
    public static String addPartitions(Table table, List<Partition> partitions) {
        requireNonNull(table, "table is null");
        requireNonNull(partitions, "partitions is null");
        if (partitions.isEmpty()) {
            return "";
        }
        if (!table.isPartitioned()) {
            throw SluiceException.invalidArgument(
                    "table %s is not partitioned: it has no partitions to add", table.id());
        }
        List<String> lines = new ArrayList<>();
        lines.add("ALTER TABLE " + HiveSql.tableName(table.id()) + " ADD IF NOT EXISTS");
        partitions.forEach(partition -> lines.add("  " + partitionClause(table, partition)));
        return String.join("\n", lines) + ";";
    }

    private static String columnList(List<Column> columns) {
        if (columns.isEmpty()) {
            // Avro tables may take their columns from the schema in their properties.
            return "";
        }
        return columns.stream().map(HiveDdl::columnDefinition).collect(joining(",\n", " (\n", "\n)"));
    }

    private static String columnDefinition(Column column) {
        String comment =
                column.comment().map(c -> " COMMENT " + HiveSql.literal(c)).orElse("");
        return "  " + HiveSql.identifier(column.name()) + " " + HiveSql.type(column.type()) + comment;
    }

    private static String partitionClause(Table table, Partition partition) {
        checkBelongsTo(table, partition);
        List<Column> keys = table.partitionKeys();
        List<String> spec = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Column key = keys.get(i);
            spec.add(HiveSql.identifier(key.name()) + "="
                    + PartitionValues.literal(key.type(), partition.values().get(i)));
        }
        String location = partition.storageDescriptor().location();
        String locationClause = location.isEmpty() ? "" : " LOCATION " + HiveSql.literal(location);
        return "PARTITION (" + String.join(", ", spec) + ")" + locationClause;
    }

    private static void checkBelongsTo(Table table, Partition partition) {
        if (!partition.table().equals(table.id())) {
            throw SluiceException.invalidArgument(
                    "partition %s belongs to table %s, not %s", partition.values(), partition.table(), table.id());
        }
        if (partition.values().size() != table.partitionKeys().size()) {
            throw SluiceException.invalidArgument(
                    "partition %s of %s has %d values but the table has %d partition keys %s",
                    partition.values(),
                    table.id(),
                    partition.values().size(),
                    table.partitionKeys().size(),
                    table.partitionKeyNames());
        }
    }
}
