package io.sluice.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContractTest;
import io.sluice.catalog.Column;
import io.sluice.catalog.Database;
import io.sluice.catalog.Partition;
import io.sluice.catalog.PartitionChanges;
import io.sluice.catalog.PartitionFilter;
import io.sluice.catalog.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCatalogTest extends CatalogContractTest {
    @TempDir
    Path dir;

    @Override
    protected Catalog openCatalog(Clock clock) {
        return SqliteCatalog.open(catalogDir(), clock);
    }

    private Path catalogDir() {
        return dir.resolve("catalog");
    }

    @Test
    void createsDirectoryAndDatabaseFile() {
        Path nested = dir.resolve("a/b/c");

        try (SqliteCatalog other = SqliteCatalog.open(nested)) {
            assertThat(other.databaseFile()).isEqualTo(nested.resolve("catalog.db"));
            assertThat(nested.resolve("catalog.db")).isRegularFile();
            assertThat(other.listDatabases()).isEmpty();
        }
    }

    @Test
    void keepsEverythingAcrossReopen() {
        Table created = createOrders();
        Table second = catalog.updateTable(
                        orders().toBuilder().description("second").build())
                .table();
        catalog.addPartitions(ORDERS, List.of(partition("2024", "01"), partition("2024", "02")));
        List<Partition> partitions = catalog.listPartitions(ORDERS);
        List<Database> databases = catalog.listDatabases();
        catalog.close();

        catalog = openCatalog(clock);

        assertThat(catalog.listDatabases()).isEqualTo(databases);
        assertThat(catalog.getTable(ORDERS)).contains(second);
        assertThat(catalog.listTableVersions(ORDERS)).containsExactly(second, created);
        assertThat(catalog.listPartitions(ORDERS)).isEqualTo(partitions).hasSize(2);
    }

    @Test
    void refusesUseAfterClose() {
        catalog.close();

        assertThatThrownBy(() -> catalog.listDatabases())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("catalog " + catalogDir().resolve("catalog.db") + " is closed");
    }

    @Test
    void recordsSchemaVersionAndUsesWriteAheadLog() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs =
                    statement.executeQuery("SELECT version, description FROM schema_version ORDER BY version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("version")).isEqualTo(1);
                assertThat(rs.getString("description")).isEqualTo("catalog");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("version")).isEqualTo(2);
                assertThat(rs.getString("description")).isEqualTo("runs");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("version")).isEqualTo(3);
                assertThat(rs.getString("description")).isEqualTo("scheduler");
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
        }
    }

    @Test
    void appliesLaterMigrationsOnceAndRefusesSchemaNewerThanItKnows() {
        List<String> scripts = new ArrayList<>(SchemaMigrations.CATALOG_SCRIPTS);
        scripts.add("V4__probe.sql");
        SchemaMigrations withNext = SchemaMigrations.of(scripts);
        Path file = catalogDir().resolve(SqliteCatalog.DATABASE_FILE);
        catalog.close();

        for (int i = 0; i < 2; i++) {
            try (SqliteStore store = SqliteStore.open(file)) {
                withNext.apply(store, clock);
                int version = store.read(SchemaMigrations::currentVersion);
                int probes = store.read(connection -> count(connection, "probe"));
                assertThat(version).isEqualTo(4);
                assertThat(probes).isEqualTo(1);
            }
        }

        assertThatThrownBy(() -> SqliteCatalog.open(catalogDir()))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_FAILURE))
                .hasMessage("catalog " + file + " has schema version 4, but this Sluice knows versions up to 3:"
                        + " open it with a newer Sluice");
    }

    @Test
    void migrationScriptsAreNumberedInOrder() {
        assertThatThrownBy(() -> SchemaMigrations.of(List.of("V1__catalog.sql", "V4__probe.sql")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("migration 2 must be named V2__<description>.sql: V4__probe.sql");
    }

    @Test
    void handlesTenThousandPartitionsInOneCall() {
        catalog.createDatabase(Database.of("sales"));
        catalog.createTable(events());
        List<Partition> partitions = new ArrayList<>();
        for (int day = 0; day < 100; day++) {
            for (int hour = 0; hour < 100; hour++) {
                partitions.add(eventPartition(String.format("d%03d", day), String.valueOf(hour)));
            }
        }
        Collections.shuffle(partitions, new Random(7));

        long added = System.nanoTime();
        catalog.addPartitions(EVENTS, partitions);
        long listed = System.nanoTime();
        List<Partition> stored = catalog.listPartitions(EVENTS);
        long done = System.nanoTime();
        System.out.printf(
                "10,000 partitions: added in %d ms, listed in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(listed - added), TimeUnit.NANOSECONDS.toMillis(done - listed));

        List<Partition> expected = new ArrayList<>(partitions);
        expected.sort(Comparator.comparing((Partition p) -> p.values().get(0))
                .thenComparing(p -> p.values().get(1)));
        assertThat(stored).hasSize(10_000);
        assertThat(stored).extracting(Partition::definition).isEqualTo(expected);
        assertThat(stored.get(2).values()).containsExactly("d000", "10");
        assertThat(stored.get(9_999).storageDescriptor().location()).endsWith("dt=d099/hour=99");
        assertThat(catalog.listPartitions(EVENTS, PartitionFilter.parse("dt = 'd042' AND hour < 10", keys())))
                .extracting(partition -> partition.values().get(1))
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(catalog.putPartitions(EVENTS, partitions)).isEqualTo(new PartitionChanges(0, 0, 10_000));
        catalog.dropPartitions(
                EVENTS,
                partitions.subList(0, 4_000).stream().map(Partition::values).toList());
        assertThat(catalog.listPartitions(EVENTS)).hasSize(6_000);
    }

    @Test
    void anotherProcessWritesTheSameCatalogAtTheSameTime() throws Exception {
        int rounds = 40;
        catalog.createDatabase(Database.of("sales"));
        Table shared = catalog.createTable(CatalogWriterMain.shared());
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CatalogWriterMain.class.getName(),
                        catalogDir().toString(),
                        "child",
                        String.valueOf(rounds))
                .redirectErrorStream(true)
                .start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> readLines(child, output));
        try {
            awaitLine(output, "ready", child);
            try (Writer go = child.outputWriter(StandardCharsets.UTF_8)) {
                go.write("go\n");
            }
            CatalogWriterMain.write(catalog, "parent", rounds);

            assertThat(child.waitFor(120, TimeUnit.SECONDS))
                    .as("child finished")
                    .isTrue();
            reader.get(10, TimeUnit.SECONDS);
            assertThat(child.exitValue()).as(String.join("\n", output)).isZero();
            assertThat(output).contains("done");
        } finally {
            child.destroyForcibly();
        }

        Set<String> tables = new HashSet<>();
        catalog.listTables("sales").forEach(table -> tables.add(table.id().name()));
        assertThat(tables).hasSize(2 * rounds + 1).contains("shared", "child_0", "child_39", "parent_0", "parent_39");
        List<List<String>> written = new ArrayList<>();
        for (String writer : List.of("child", "parent")) {
            for (int i = 0; i < rounds; i++) {
                written.add(List.of(writer, String.valueOf(i)));
            }
        }
        assertThat(catalog.listPartitions(CatalogWriterMain.SHARED))
                .extracting(Partition::values)
                .containsExactlyInAnyOrderElementsOf(written);
        List<Table> versions = catalog.listTableVersions(CatalogWriterMain.SHARED);
        assertThat(versions).hasSize(2 * rounds + 1).last().isEqualTo(shared);
        Set<String> descriptions = new HashSet<>();
        versions.forEach(version -> descriptions.add(version.description().orElse("created")));
        assertThat(descriptions).hasSize(2 * rounds + 1).contains("child 0", "child 39", "parent 0", "parent 39");
    }

    private static void readLines(Process process, List<String> output) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("cannot read output: " + e);
        }
    }

    private static void awaitLine(List<String> output, String line, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!output.contains(line)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no '" + line + "' from the other process:\n" + String.join("\n", output));
            }
            Thread.sleep(20);
        }
    }

    private List<Column> keys() {
        return catalog.getTable(EVENTS).orElseThrow().partitionKeys();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + catalogDir().resolve(SqliteCatalog.DATABASE_FILE));
    }

    private static int count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
