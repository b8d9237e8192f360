package io.sluice.catalog.sqlite;

import io.sluice.catalog.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code databases} table. */
final class DatabaseRows {
    private static final String COLUMNS = "name, description, location_uri, parameters, create_time";

    private DatabaseRows() {}

    static Optional<Database> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM databases WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(database(rs)) : Optional.empty();
            }
        }
    }

    static List<Database> list(Connection connection) throws SQLException {
        try (PreparedStatement select =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM databases ORDER BY name");
                ResultSet rs = select.executeQuery()) {
            List<Database> databases = new ArrayList<>();
            while (rs.next()) {
                databases.add(database(rs));
            }
            return List.copyOf(databases);
        }
    }

    static void insert(Connection connection, Database database) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO databases (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, database.name());
            insert.setString(2, database.description().orElse(null));
            insert.setString(3, database.locationUri().orElse(null));
            insert.setString(4, CatalogJson.writeParameters(database.parameters()));
            insert.setLong(5, database.createTime().orElseThrow().toEpochMilli());
            insert.executeUpdate();
        }
    }

    static void delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM databases WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
    }

    private static Database database(ResultSet rs) throws SQLException {
        return new Database(
                rs.getString("name"),
                Optional.ofNullable(rs.getString("description")),
                Optional.ofNullable(rs.getString("location_uri")),
                CatalogJson.readParameters(rs.getString("parameters")),
                Optional.of(Instant.ofEpochMilli(rs.getLong("create_time"))));
    }
}
