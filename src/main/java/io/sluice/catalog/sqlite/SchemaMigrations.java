package io.sluice.catalog.sqlite;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema of the catalog database as an ordered list of SQL scripts, each applied once, in its own transaction, and
 * recorded in {@code schema_version}. To change the schema, add a script at the end of the list; never edit one that
 * has been released, since databases that already applied it will not run it again.
 */
final class SchemaMigrations {
    /** Resources next to this class named {@code V<version>__<description>.sql}, versions 1, 2, 3... in order. */
    static final List<String> CATALOG_SCRIPTS = List.of("V1__catalog.sql", "V2__runs.sql", "V3__scheduler.sql");

    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private final List<Migration> migrations;

    private SchemaMigrations(List<Migration> migrations) {
        this.migrations = migrations;
    }

    static SchemaMigrations of(List<String> scripts) {
        List<Migration> migrations = new ArrayList<>();
        for (String script : scripts) {
            Matcher name = SCRIPT_NAME.matcher(script);
            if (!name.matches() || Integer.parseInt(name.group(1)) != migrations.size() + 1) {
                throw new IllegalArgumentException("migration " + (migrations.size() + 1) + " must be named V"
                        + (migrations.size() + 1) + "__<description>.sql: " + script);
            }
            migrations.add(new Migration(migrations.size() + 1, name.group(2).replace('_', ' '), script));
        }
        return new SchemaMigrations(List.copyOf(migrations));
    }

    int latestVersion() {
        return migrations.size();
    }

    /** Brings the database up to the latest version; fails if it is newer than this code knows. */
    void apply(SqliteStore store, Clock clock) {
        int current = store.read(SchemaMigrations::currentVersion);
        checkKnown(store, current);
        for (Migration migration : migrations.subList(current, migrations.size())) {
            store.write(connection -> applyOnce(store, connection, migration, clock));
        }
    }

    /** Applies a migration unless another process did so since this one looked. */
    private Void applyOnce(SqliteStore store, Connection connection, Migration migration, Clock clock)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, "
                    + "description TEXT NOT NULL, "
                    + "applied_time INTEGER NOT NULL)");
        }
        int current = currentVersion(connection);
        checkKnown(store, current);
        if (current >= migration.version()) {
            return null;
        }
        try (Statement statement = connection.createStatement()) {
            // sqlite-jdbc runs every statement of a multi-statement string given to executeUpdate.
            statement.executeUpdate(migration.sql());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_time) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.description());
            insert.setLong(3, clock.millis());
            insert.executeUpdate();
        }
        return null;
    }

    /** The latest version applied, 0 for a new database. */
    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
                if (!rs.next()) {
                    return 0;
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void checkKnown(SqliteStore store, int version) {
        if (version > latestVersion()) {
            throw new SluiceException(
                    ErrorCode.EXTERNAL_FAILURE,
                    String.format(
                            "catalog %s has schema version %d, but this Sluice knows versions up to %d:"
                                    + " open it with a newer Sluice",
                            store.file(), version, latestVersion()));
        }
    }

    /** One script of the schema. */
    record Migration(int version, String description, String resource) {
        String sql() {
            try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing migration script " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration script " + resource, e);
            }
        }
    }
}
