package io.sluice.catalog.sqlite;

import io.sluice.catalog.Partition;
import io.sluice.catalog.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The {@code partitions} table. Changes of many partitions go through one prepared statement as a batch. */
final class PartitionRows {
    private PartitionRows() {}

    /**
     * Inserts partitions that do not exist yet.
     *
     * @return per partition, in order: 1 if inserted, 0 if it existed
     */
    static int[] insertMissing(Connection connection, long tableRowId, List<Partition> partitions) throws SQLException {
        ColumnsJson columns = new ColumnsJson();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO partitions (table_id, part_values, columns, definition, create_time)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_id, part_values) DO NOTHING")) {
            for (Partition partition : partitions) {
                insert.setLong(1, tableRowId);
                insert.setString(2, CatalogJson.writeValues(partition.values()));
                insert.setString(3, columns.write(partition.storageDescriptor().columns()));
                insert.setString(4, CatalogJson.writePartition(partition));
                insert.setLong(5, partition.createTime().orElseThrow().toEpochMilli());
                insert.addBatch();
            }
            return partitions.isEmpty() ? new int[0] : insert.executeBatch();
        }
    }

    /** Replaces partitions that exist. */
    static void replace(Connection connection, long tableRowId, List<Partition> partitions) throws SQLException {
        if (partitions.isEmpty()) {
            return;
        }
        ColumnsJson columns = new ColumnsJson();
        try (PreparedStatement update = connection.prepareStatement("UPDATE partitions"
                + " SET columns = ?, definition = ?, create_time = ? WHERE table_id = ? AND part_values = ?")) {
            for (Partition partition : partitions) {
                update.setString(1, columns.write(partition.storageDescriptor().columns()));
                update.setString(2, CatalogJson.writePartition(partition));
                update.setLong(3, partition.createTime().orElseThrow().toEpochMilli());
                update.setLong(4, tableRowId);
                update.setString(5, CatalogJson.writeValues(partition.values()));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Deletes partitions.
     *
     * @return per partition, in order: 1 if deleted, 0 if it did not exist
     */
    static int[] delete(Connection connection, long tableRowId, List<List<String>> values) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM partitions WHERE table_id = ? AND part_values = ?")) {
            for (List<String> partitionValues : values) {
                delete.setLong(1, tableRowId);
                delete.setString(2, CatalogJson.writeValues(partitionValues));
                delete.addBatch();
            }
            return values.isEmpty() ? new int[0] : delete.executeBatch();
        }
    }

    /** Looks up partitions by their values; the result has one element per value list, in order. */
    static List<Optional<Partition>> find(
            Connection connection, TableId table, long tableRowId, List<List<String>> values) throws SQLException {
        List<Optional<Partition>> found = new ArrayList<>(values.size());
        ColumnsJson columns = new ColumnsJson();
        try (PreparedStatement select = connection.prepareStatement("SELECT columns, definition, create_time"
                + " FROM partitions WHERE table_id = ? AND part_values = ?")) {
            for (List<String> partitionValues : values) {
                select.setLong(1, tableRowId);
                select.setString(2, CatalogJson.writeValues(partitionValues));
                try (ResultSet rs = select.executeQuery()) {
                    found.add(
                            rs.next() ? Optional.of(partition(table, partitionValues, columns, rs)) : Optional.empty());
                }
            }
        }
        return found;
    }

    /** The partitions whose values pass a filter, in no particular order; the rest are not decoded. */
    static List<Partition> list(Connection connection, TableId table, long tableRowId, Predicate<List<String>> filter)
            throws SQLException {
        ColumnsJson columns = new ColumnsJson();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT part_values, columns, definition, create_time FROM partitions WHERE table_id = ?")) {
            select.setLong(1, tableRowId);
            try (ResultSet rs = select.executeQuery()) {
                List<Partition> partitions = new ArrayList<>();
                while (rs.next()) {
                    List<String> values = CatalogJson.readValues(rs.getString("part_values"));
                    if (filter.test(values)) {
                        partitions.add(partition(table, values, columns, rs));
                    }
                }
                return partitions;
            }
        }
    }

    static long count(Connection connection, long tableRowId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT count(*) FROM partitions WHERE table_id = ?")) {
            select.setLong(1, tableRowId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Partition partition(TableId table, List<String> values, ColumnsJson columns, ResultSet rs)
            throws SQLException {
        return CatalogJson.readPartition(
                table,
                values,
                columns.read(rs.getString("columns")),
                rs.getString("definition"),
                Instant.ofEpochMilli(rs.getLong("create_time")));
    }
}
