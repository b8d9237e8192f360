package io.sluice.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A Hive-style metadata catalog: databases, tables with versions, and partitions.
 *
 * <p>Contract, checked by {@code CatalogContractTest} for every implementation:
 *
 * <ul>
 *   <li>Names are case-insensitive and stored lower case. Listings are sorted by name (partitions by their values).
 *   <li>Creating what exists fails with {@code ALREADY_EXISTS}; changing, dropping or listing the contents of what
 *       does not exist fails with {@code NOT_FOUND}; {@code get*} returns empty instead.
 *   <li>A partition has one value per partition key of its table; other counts fail with {@code INVALID_ARGUMENT}.
 *   <li>Every call that changes several rows is atomic: all of it happens or none.
 *   <li>Several catalogs (threads or processes) may use the same store at once; no update is lost.
 *   <li>{@link #updateTable} archives the previous version only when the definition really changed.
 * </ul>
 */
public interface Catalog extends AutoCloseable {

    void createDatabase(Database database);

    Optional<Database> getDatabase(String name);

    List<Database> listDatabases();

    /**
     * Drops a database; with {@code cascade} its tables and their partitions and versions too, else it must be empty
     * ({@code INVALID_ARGUMENT} otherwise).
     */
    void dropDatabase(String name, boolean cascade);

    /** Stores a new table as version 1 and returns it with its version and times set. */
    Table createTable(Table table);

    Optional<Table> getTable(TableId id);

    List<Table> listTables(String database);

    /**
     * Replaces a table's definition. Identical definitions change nothing; a change limited to statistics parameters
     * updates in place; any other change archives the current version and stores the new one as the next version.
     * The number of partition keys cannot change while the table has partitions ({@code INVALID_ARGUMENT}).
     */
    TableUpdate updateTable(Table table);

    /** Drops a table with its partitions and archived versions. */
    void dropTable(TableId id);

    /** Every version of a table, the current one included, newest first. */
    List<Table> listTableVersions(TableId id);

    Optional<Table> getTableVersion(TableId id, long versionId);

    /** Adds partitions in one transaction; fails with {@code ALREADY_EXISTS} naming the first that exists. */
    void addPartitions(TableId table, List<Partition> partitions);

    /**
     * Adds missing partitions and replaces changed ones in one transaction.
     *
     * @return how many were added, replaced and left as they were
     */
    PartitionChanges putPartitions(TableId table, List<Partition> partitions);

    Optional<Partition> getPartition(TableId table, List<String> values);

    /** All partitions of a table, sorted by their values. */
    List<Partition> listPartitions(TableId table);

    /**
     * The partitions matching a filter on partition keys, such as {@code year = '2024' AND month >= '02'}; see {@link
     * PartitionFilter} for the grammar.
     */
    List<Partition> listPartitions(TableId table, PartitionFilter filter);

    /** Drops partitions in one transaction; fails with {@code NOT_FOUND} naming the first that does not exist. */
    void dropPartitions(TableId table, List<List<String>> values);

    @Override
    void close();
}
