package io.sluice.catalog.sqlite;

import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code tables} table (the current version of each table) and {@code table_versions} (the ones before). */
final class TableRows {
    private static final String COLUMNS = "version_id, definition, create_time, update_time";

    private TableRows() {}

    /** A table as stored, with the row id its partitions and versions refer to. */
    record StoredTable(long rowId, Table table) {}

    static Optional<StoredTable> find(Connection connection, TableId id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id, " + COLUMNS + " FROM tables WHERE db_name = ? AND name = ?")) {
            select.setString(1, id.database());
            select.setString(2, id.name());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new StoredTable(rs.getLong("id"), table(id, rs))) : Optional.empty();
            }
        }
    }

    static List<Table> list(Connection connection, String database) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, " + COLUMNS + " FROM tables WHERE db_name = ? ORDER BY name")) {
            select.setString(1, database);
            try (ResultSet rs = select.executeQuery()) {
                List<Table> tables = new ArrayList<>();
                while (rs.next()) {
                    tables.add(table(TableId.of(database, rs.getString("name")), rs));
                }
                return List.copyOf(tables);
            }
        }
    }

    static int count(Connection connection, String database) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM tables WHERE db_name = ?")) {
            select.setString(1, database);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static void insert(Connection connection, Table table) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tables (db_name, name, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, table.id().database());
            insert.setString(2, table.id().name());
            setVersion(insert, 3, table);
            insert.executeUpdate();
        }
    }

    /** Replaces the current version of a table. */
    static void update(Connection connection, long rowId, Table table) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE tables SET version_id = ?, definition = ?, create_time = ?, update_time = ? WHERE id = ?")) {
            setVersion(update, 1, table);
            update.setLong(5, rowId);
            update.executeUpdate();
        }
    }

    /** Keeps a version that is about to be replaced. */
    static void archive(Connection connection, long rowId, Table table) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO table_versions (table_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, rowId);
            setVersion(insert, 2, table);
            insert.executeUpdate();
        }
    }

    /** The archived versions of a table, newest first. */
    static List<Table> archived(Connection connection, StoredTable table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM table_versions WHERE table_id = ? ORDER BY version_id DESC")) {
            select.setLong(1, table.rowId());
            try (ResultSet rs = select.executeQuery()) {
                List<Table> versions = new ArrayList<>();
                while (rs.next()) {
                    versions.add(table(table.table().id(), rs));
                }
                return List.copyOf(versions);
            }
        }
    }

    static Optional<Table> archived(Connection connection, StoredTable table, long versionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM table_versions WHERE table_id = ? AND version_id = ?")) {
            select.setLong(1, table.rowId());
            select.setLong(2, versionId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(table(table.table().id(), rs)) : Optional.empty();
            }
        }
    }

    /** Deletes a table; its partitions and versions go with it (foreign keys cascade). */
    static void delete(Connection connection, long rowId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tables WHERE id = ?")) {
            delete.setLong(1, rowId);
            delete.executeUpdate();
        }
    }

    /** Deletes every table of a database, with their partitions and versions. */
    static void deleteAll(Connection connection, String database) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tables WHERE db_name = ?")) {
            delete.setString(1, database);
            delete.executeUpdate();
        }
    }

    private static void setVersion(PreparedStatement statement, int first, Table table) throws SQLException {
        statement.setLong(first, table.versionId());
        statement.setString(first + 1, CatalogJson.writeTable(table));
        statement.setLong(first + 2, table.createTime().orElseThrow().toEpochMilli());
        statement.setLong(first + 3, table.updateTime().orElseThrow().toEpochMilli());
    }

    private static Table table(TableId id, ResultSet rs) throws SQLException {
        return CatalogJson.readTable(id, rs.getString("definition"))
                .versionId(rs.getLong("version_id"))
                .createTime(Instant.ofEpochMilli(rs.getLong("create_time")))
                .updateTime(Instant.ofEpochMilli(rs.getLong("update_time")))
                .build();
    }
}
