package io.sluice.catalog.sqlite;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Database;
import io.sluice.catalog.Names;
import io.sluice.catalog.Partition;
import io.sluice.catalog.PartitionChanges;
import io.sluice.catalog.PartitionFilter;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.catalog.TableUpdate;
import io.sluice.catalog.TableUpdate.Outcome;
import io.sluice.catalog.sqlite.TableRows.StoredTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The embedded catalog: a SQLite database in {@code <catalog dir>/catalog.db}, created on first use.
 *
 * <p>One instance may be shared by threads (they take turns on its connection), and several instances, in this
 * process or others, may use the same file: every change is one transaction that takes the write lock when it
 * begins, and a writer waits up to {@link SqliteStore#BUSY_TIMEOUT} for another to finish. Times are kept to the
 * millisecond.
 */
public final class SqliteCatalog implements Catalog {
    /** The name of the database file inside the catalog directory. */
    public static final String DATABASE_FILE = "catalog.db";

    private static final Comparator<Partition> BY_VALUES = (a, b) -> compareValues(a.values(), b.values());

    private final SqliteStore store;
    private final Clock clock;

    private SqliteCatalog(SqliteStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Opens the catalog in a directory, creating the directory and the database if needed. */
    public static SqliteCatalog open(Path catalogDir) {
        return open(catalogDir, Clock.systemUTC());
    }

    /** Opens the catalog in a directory, taking the times it records from {@code clock}. */
    public static SqliteCatalog open(Path catalogDir, Clock clock) {
        return new SqliteCatalog(openStore(catalogDir, clock), clock);
    }

    /** Opens the database of a catalog directory at the latest schema version, creating both if needed. */
    static SqliteStore openStore(Path catalogDir, Clock clock) {
        requireNonNull(catalogDir, "catalogDir is null");
        requireNonNull(clock, "clock is null");
        try {
            Files.createDirectories(catalogDir);
        } catch (IOException e) {
            throw new SluiceException(
                    ErrorCode.EXTERNAL_FAILURE, "cannot create catalog directory " + catalogDir + ": " + e, e);
        }
        SqliteStore store = SqliteStore.open(catalogDir.resolve(DATABASE_FILE));
        try {
            SchemaMigrations.of(SchemaMigrations.CATALOG_SCRIPTS).apply(store, clock);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** The SQLite database file. */
    public Path databaseFile() {
        return store.file();
    }

    @Override
    public void createDatabase(Database database) {
        requireNonNull(database, "database is null");
        Database stored = database.withCreateTime(now());
        store.write(connection -> {
            if (DatabaseRows.find(connection, stored.name()).isPresent()) {
                throw SluiceException.alreadyExists("database %s already exists", stored.name());
            }
            DatabaseRows.insert(connection, stored);
            return null;
        });
    }

    @Override
    public Optional<Database> getDatabase(String name) {
        String database = Names.objectName("database", name);
        return store.read(connection -> DatabaseRows.find(connection, database));
    }

    @Override
    public List<Database> listDatabases() {
        return store.read(DatabaseRows::list);
    }

    @Override
    public void dropDatabase(String name, boolean cascade) {
        String database = Names.objectName("database", name);
        store.write(connection -> {
            requireDatabase(connection, database);
            int tables = TableRows.count(connection, database);
            if (tables > 0 && !cascade) {
                throw SluiceException.invalidArgument(
                        "database %s is not empty: it has %d table(s); drop them first or drop it with cascade",
                        database, tables);
            }
            TableRows.deleteAll(connection, database);
            DatabaseRows.delete(connection, database);
            return null;
        });
    }

    @Override
    public Table createTable(Table table) {
        requireNonNull(table, "table is null");
        Instant now = now();
        Table stored = table.definition().toBuilder()
                .versionId(1)
                .createTime(now)
                .updateTime(now)
                .build();
        return store.write(connection -> {
            requireDatabase(connection, table.id().database());
            if (TableRows.find(connection, table.id()).isPresent()) {
                throw SluiceException.alreadyExists("table %s already exists", table.id());
            }
            TableRows.insert(connection, stored);
            return stored;
        });
    }

    @Override
    public Optional<Table> getTable(TableId id) {
        requireNonNull(id, "id is null");
        return store.read(connection -> TableRows.find(connection, id).map(StoredTable::table));
    }

    @Override
    public List<Table> listTables(String database) {
        String name = Names.objectName("database", database);
        return store.read(connection -> {
            requireDatabase(connection, name);
            return TableRows.list(connection, name);
        });
    }

    @Override
    public TableUpdate updateTable(Table table) {
        requireNonNull(table, "table is null");
        return store.write(connection -> update(connection, requireTable(connection, table.id()), table));
    }

    private TableUpdate update(Connection connection, StoredTable current, Table table) throws SQLException {
        Table old = current.table();
        if (old.definition().equals(table.definition())) {
            return new TableUpdate(Outcome.UNCHANGED, old);
        }
        Table.Builder next = table.definition().toBuilder()
                .createTime(old.createTime().orElseThrow())
                .updateTime(now());
        if (old.definitionWithoutStatistics().equals(table.definitionWithoutStatistics())) {
            Table refreshed = next.versionId(old.versionId()).build();
            TableRows.update(connection, current.rowId(), refreshed);
            return new TableUpdate(Outcome.STATISTICS_UPDATED, refreshed);
        }
        checkPartitionKeyCount(connection, current, table);
        Table newVersion = next.versionId(old.versionId() + 1).build();
        TableRows.archive(connection, current.rowId(), old);
        TableRows.update(connection, current.rowId(), newVersion);
        return new TableUpdate(Outcome.NEW_VERSION, newVersion);
    }

    /** Stored partitions have one value per key: their number of keys cannot change under them. */
    private static void checkPartitionKeyCount(Connection connection, StoredTable current, Table table)
            throws SQLException {
        Table old = current.table();
        if (old.partitionKeys().size() == table.partitionKeys().size()) {
            return;
        }
        long partitions = PartitionRows.count(connection, current.rowId());
        if (partitions > 0) {
            throw SluiceException.invalidArgument(
                    "cannot change the partition keys of %s from (%s) to (%s): it has %d partition(s) with %d"
                            + " value(s) each; drop them first",
                    old.id(),
                    String.join(", ", old.partitionKeyNames()),
                    String.join(", ", table.partitionKeyNames()),
                    partitions,
                    old.partitionKeys().size());
        }
    }

    @Override
    public void dropTable(TableId id) {
        requireNonNull(id, "id is null");
        store.write(connection -> {
            TableRows.delete(connection, requireTable(connection, id).rowId());
            return null;
        });
    }

    @Override
    public List<Table> listTableVersions(TableId id) {
        requireNonNull(id, "id is null");
        return store.read(connection -> {
            StoredTable current = requireTable(connection, id);
            List<Table> versions = new ArrayList<>();
            versions.add(current.table());
            versions.addAll(TableRows.archived(connection, current));
            return List.copyOf(versions);
        });
    }

    @Override
    public Optional<Table> getTableVersion(TableId id, long versionId) {
        requireNonNull(id, "id is null");
        return store.read(connection -> {
            Optional<StoredTable> current = TableRows.find(connection, id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            if (current.get().table().versionId() == versionId) {
                return Optional.of(current.get().table());
            }
            return TableRows.archived(connection, current.get(), versionId);
        });
    }

    @Override
    public void addPartitions(TableId table, List<Partition> partitions) {
        requireNonNull(table, "table is null");
        List<Partition> stamped = withCreateTime(partitions, now());
        store.write(connection -> {
            StoredTable stored = requireTable(connection, table);
            PartitionChecks.checkPartitions(stored.table(), stamped);
            int[] inserted = PartitionRows.insertMissing(connection, stored.rowId(), stamped);
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] == 0) {
                    throw SluiceException.alreadyExists(
                            "partition %s of %s already exists",
                            PartitionChecks.name(stored.table(), stamped.get(i).values()), table);
                }
            }
            return null;
        });
    }

    @Override
    public PartitionChanges putPartitions(TableId table, List<Partition> partitions) {
        requireNonNull(table, "table is null");
        List<Partition> stamped = withCreateTime(partitions, now());
        return store.write(connection -> {
            StoredTable stored = requireTable(connection, table);
            PartitionChecks.checkPartitions(stored.table(), stamped);
            List<Optional<Partition>> existing = PartitionRows.find(
                    connection,
                    table,
                    stored.rowId(),
                    stamped.stream().map(Partition::values).toList());
            List<Partition> added = new ArrayList<>();
            List<Partition> replaced = new ArrayList<>();
            for (int i = 0; i < stamped.size(); i++) {
                Partition partition = stamped.get(i);
                Optional<Partition> old = existing.get(i);
                if (old.isEmpty()) {
                    added.add(partition);
                } else if (!old.get().definition().equals(partition.definition())) {
                    replaced.add(partition.withCreateTime(old.get().createTime().orElseThrow()));
                }
            }
            PartitionRows.insertMissing(connection, stored.rowId(), added);
            PartitionRows.replace(connection, stored.rowId(), replaced);
            return new PartitionChanges(added.size(), replaced.size(), stamped.size() - added.size() - replaced.size());
        });
    }

    @Override
    public Optional<Partition> getPartition(TableId table, List<String> values) {
        requireNonNull(table, "table is null");
        List<String> partitionValues = List.copyOf(requireNonNull(values, "values is null"));
        return store.read(connection -> {
            Optional<StoredTable> stored = TableRows.find(connection, table);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            PartitionChecks.checkValues(stored.get().table(), partitionValues);
            return PartitionRows.find(connection, table, stored.get().rowId(), List.of(partitionValues))
                    .get(0);
        });
    }

    @Override
    public List<Partition> listPartitions(TableId table) {
        requireNonNull(table, "table is null");
        return store.read(connection -> {
            StoredTable stored = requireTable(connection, table);
            return sorted(PartitionRows.list(connection, table, stored.rowId(), values -> true));
        });
    }

    @Override
    public List<Partition> listPartitions(TableId table, PartitionFilter filter) {
        requireNonNull(table, "table is null");
        requireNonNull(filter, "filter is null");
        return store.read(connection -> {
            StoredTable stored = requireTable(connection, table);
            PartitionFilter resolved = resolve(filter, stored.table());
            return sorted(PartitionRows.list(connection, table, stored.rowId(), resolved::matches));
        });
    }

    /** A filter parsed for other keys (an older version of the table, say) is read again for the table's keys. */
    private static PartitionFilter resolve(PartitionFilter filter, Table table) {
        if (filter.partitionKeys().equals(table.partitionKeys())) {
            return filter;
        }
        return PartitionFilter.parse(filter.expression(), table.partitionKeys());
    }

    @Override
    public void dropPartitions(TableId table, List<List<String>> values) {
        requireNonNull(table, "table is null");
        List<List<String>> partitionValues = requireNonNull(values, "values is null").stream()
                .map(List::copyOf)
                .toList();
        store.write(connection -> {
            StoredTable stored = requireTable(connection, table);
            PartitionChecks.checkDistinctValues(stored.table(), partitionValues);
            int[] deleted = PartitionRows.delete(connection, stored.rowId(), partitionValues);
            for (int i = 0; i < deleted.length; i++) {
                if (deleted[i] == 0) {
                    throw SluiceException.notFound(
                            "partition %s of %s does not exist",
                            PartitionChecks.name(stored.table(), partitionValues.get(i)), table);
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        store.close();
    }

    private static void requireDatabase(Connection connection, String name) throws SQLException {
        if (DatabaseRows.find(connection, name).isEmpty()) {
            throw SluiceException.notFound("database %s does not exist", name);
        }
    }

    private static StoredTable requireTable(Connection connection, TableId id) throws SQLException {
        return TableRows.find(connection, id)
                .orElseThrow(() -> SluiceException.notFound("table %s does not exist", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static List<Partition> withCreateTime(List<Partition> partitions, Instant now) {
        return requireNonNull(partitions, "partitions is null").stream()
                .map(partition -> partition.withCreateTime(now))
                .toList();
    }

    private static List<Partition> sorted(List<Partition> partitions) {
        partitions.sort(BY_VALUES);
        return List.copyOf(partitions);
    }

    /** Partitions sort by their values, compared one by one. */
    private static int compareValues(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byValue = a.get(i).compareTo(b.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
