package io.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.TableUpdate.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Catalog} must have, as its Javadoc states it. An implementation's test extends this class
 * and says how to open a catalog on a fresh store.
 */
public abstract class CatalogContractTest {
    protected static final Instant START = Instant.parse("2024-05-01T10:00:00.123456789Z");
    protected static final TableId ORDERS = TableId.of("sales", "orders");
    protected static final TableId EVENTS = TableId.of("sales", "events");

    protected final ManualClock clock = new ManualClock(START);
    protected Catalog catalog;

    /**
     * Opens a catalog on this test's store, which is empty when the test starts. Every call opens another catalog on
     * the same store, as another thread or process would.
     */
    protected abstract Catalog openCatalog(Clock clock);

    @BeforeEach
    void openFirstCatalog() {
        catalog = openCatalog(clock);
    }

    @AfterEach
    void closeCatalog() {
        catalog.close();
    }

    // ---- databases

    @Test
    void createsDatabaseInLowerCaseWithCreateTime() {
        catalog.createDatabase(Database.of("Sales")
                .withDescription("what we sold")
                .withLocationUri("hdfs:///warehouse/sales.db")
                .withParameters(Map.of("owner", "finance", "Team", "B")));

        assertThat(catalog.getDatabase("SALES"))
                .contains(Database.of("sales")
                        .withDescription("what we sold")
                        .withLocationUri("hdfs:///warehouse/sales.db")
                        .withParameters(Map.of("owner", "finance", "Team", "B"))
                        .withCreateTime(millis(START)));
        assertThat(catalog.getDatabase("web")).isEmpty();
    }

    @Test
    void listsDatabasesByName() {
        catalog.createDatabase(Database.of("web"));
        catalog.createDatabase(Database.of("Analytics"));
        catalog.createDatabase(Database.of("sales"));

        assertThat(catalog.listDatabases()).extracting(Database::name).containsExactly("analytics", "sales", "web");
    }

    @Test
    void refusesToCreateDatabaseTwice() {
        catalog.createDatabase(Database.of("sales").withDescription("first"));

        assertError(
                () -> catalog.createDatabase(Database.of("SALES").withDescription("second")),
                ErrorCode.ALREADY_EXISTS,
                "database sales already exists");
        assertThat(catalog.getDatabase("sales").orElseThrow().description()).contains("first");
    }

    @Test
    void dropsDatabase() {
        catalog.createDatabase(Database.of("sales"));
        catalog.createDatabase(Database.of("web"));

        catalog.dropDatabase("Sales", false);

        assertThat(catalog.getDatabase("sales")).isEmpty();
        assertThat(catalog.listDatabases()).extracting(Database::name).containsExactly("web");
        assertError(() -> catalog.dropDatabase("sales", true), ErrorCode.NOT_FOUND, "database sales does not exist");
    }

    @Test
    void refusesToDropNonEmptyDatabaseWithoutCascade() {
        createOrders();

        assertError(
                () -> catalog.dropDatabase("sales", false),
                ErrorCode.INVALID_ARGUMENT,
                "database sales is not empty: it has 1 table(s); drop them first or drop it with cascade");
        assertThat(catalog.getTable(ORDERS)).isPresent();
    }

    @Test
    void dropDatabaseWithCascadeDropsTablesPartitionsAndVersions() {
        createOrders();
        catalog.updateTable(orders().toBuilder().description("v2").build());
        catalog.addPartitions(ORDERS, List.of(partition("2024", "01")));
        catalog.createDatabase(Database.of("web"));

        catalog.dropDatabase("sales", true);

        assertThat(catalog.getDatabase("sales")).isEmpty();
        assertThat(catalog.getTable(ORDERS)).isEmpty();
        assertThat(catalog.listDatabases()).extracting(Database::name).containsExactly("web");
        createOrders();
        assertThat(catalog.listTableVersions(ORDERS))
                .extracting(Table::versionId)
                .containsExactly(1L);
        assertThat(catalog.listPartitions(ORDERS)).isEmpty();
    }

    // ---- tables

    @Test
    void createsTableAsVersionOneWithEveryField() {
        catalog.createDatabase(Database.of("sales"));

        Table created = catalog.createTable(orders());

        Table expected = orders().toBuilder()
                .versionId(1)
                .createTime(millis(START))
                .updateTime(millis(START))
                .build();
        assertThat(created).isEqualTo(expected);
        assertThat(catalog.getTable(ORDERS)).contains(expected);
    }

    @Test
    void createTableIgnoresVersionAndTimesItIsGiven() {
        catalog.createDatabase(Database.of("sales"));

        Table created = catalog.createTable(orders().toBuilder()
                .versionId(7)
                .createTime(Instant.EPOCH)
                .updateTime(Instant.EPOCH)
                .build());

        assertThat(created.versionId()).isEqualTo(1);
        assertThat(created.createTime()).contains(millis(START));
        assertThat(created.updateTime()).contains(millis(START));
    }

    @Test
    void findsTablesWhateverTheCase() {
        createOrders();

        assertThat(catalog.getTable(TableId.of("SALES", "Orders")))
                .map(Table::id)
                .contains(ORDERS);
        assertThat(catalog.listTables("Sales")).extracting(Table::id).containsExactly(ORDERS);
        assertThat(catalog.getTable(TableId.of("sales", "customers"))).isEmpty();
        assertThat(catalog.getTable(TableId.of("web", "orders"))).isEmpty();
    }

    @Test
    void createTableNeedsItsDatabase() {
        assertError(() -> catalog.createTable(orders()), ErrorCode.NOT_FOUND, "database sales does not exist");
    }

    @Test
    void refusesToCreateTableTwice() {
        createOrders();

        assertError(
                () -> catalog.createTable(
                        orders().toBuilder().description("other").build()),
                ErrorCode.ALREADY_EXISTS,
                "table sales.orders already exists");
        assertThat(catalog.getTable(ORDERS).orElseThrow().description()).contains("orders by day");
    }

    @Test
    void listsTablesOfOneDatabaseByName() {
        catalog.createDatabase(Database.of("sales"));
        catalog.createDatabase(Database.of("web"));
        for (TableId id : List.of(
                TableId.of("sales", "b"), TableId.of("web", "a"), TableId.of("sales", "C"), TableId.of("sales", "a"))) {
            catalog.createTable(unpartitioned(id));
        }

        assertThat(catalog.listTables("sales"))
                .extracting(Table::id)
                .containsExactly(TableId.of("sales", "a"), TableId.of("sales", "b"), TableId.of("sales", "c"));
        assertError(() -> catalog.listTables("shop"), ErrorCode.NOT_FOUND, "database shop does not exist");
    }

    @Test
    void identicalDefinitionChangesNothing() {
        Table created = createOrders();
        clock.advance(Duration.ofMinutes(5));

        TableUpdate update = catalog.updateTable(
                orders().toBuilder().versionId(9).updateTime(Instant.EPOCH).build());

        assertThat(update).isEqualTo(new TableUpdate(Outcome.UNCHANGED, created));
        assertThat(catalog.getTable(ORDERS)).contains(created);
        assertThat(catalog.listTableVersions(ORDERS)).containsExactly(created);
    }

    @Test
    void statisticsOnlyChangeUpdatesInPlace() {
        Table created = createOrders();
        Instant later = clock.advance(Duration.ofMinutes(5));

        TableUpdate update = catalog.updateTable(orders().toBuilder()
                .parameter("numRows", "99")
                .parameter("recordCount", "99")
                .build());

        Table expected = created.toBuilder()
                .parameter("numRows", "99")
                .parameter("recordCount", "99")
                .updateTime(millis(later))
                .build();
        assertThat(update).isEqualTo(new TableUpdate(Outcome.STATISTICS_UPDATED, expected));
        assertThat(catalog.getTable(ORDERS)).contains(expected);
        assertThat(catalog.listTableVersions(ORDERS)).containsExactly(expected);
    }

    @Test
    void definitionChangeArchivesNewVersion() {
        Table created = createOrders();
        Instant later = clock.advance(Duration.ofMinutes(5));
        Table changed = orders().toBuilder()
                .storageDescriptor(orders().storageDescriptor().withColumns(List.of(Column.of("id", "bigint"))))
                .build();

        TableUpdate update = catalog.updateTable(changed);

        Table expected = changed.toBuilder()
                .versionId(2)
                .createTime(millis(START))
                .updateTime(millis(later))
                .build();
        assertThat(update).isEqualTo(new TableUpdate(Outcome.NEW_VERSION, expected));
        assertThat(catalog.getTable(ORDERS)).contains(expected);
        assertThat(catalog.listTableVersions(ORDERS)).containsExactly(expected, created);
        assertThat(catalog.getTableVersion(ORDERS, 1)).contains(created);
        assertThat(catalog.getTableVersion(ORDERS, 2)).contains(expected);
        assertThat(catalog.getTableVersion(ORDERS, 3)).isEmpty();
    }

    @Test
    void versionsRecordOnlyRealChanges() {
        createOrders();
        List<Outcome> outcomes = new ArrayList<>();
        Table v1 = orders().toBuilder().parameter("numRows", "1").build();
        Table v2 = v1.toBuilder().description("second").build();
        Table v3 = v2.toBuilder().parameter("numRows", "2").build();
        Table v4 = v3.toBuilder().parameter("owner", "finance").build();
        for (Table table : List.of(orders(), v1, v1, v2, v2, v3, v4, v4)) {
            clock.advance(Duration.ofSeconds(1));
            outcomes.add(catalog.updateTable(table).outcome());
        }

        assertThat(outcomes)
                .containsExactly(
                        Outcome.UNCHANGED,
                        Outcome.STATISTICS_UPDATED,
                        Outcome.UNCHANGED,
                        Outcome.NEW_VERSION,
                        Outcome.UNCHANGED,
                        Outcome.STATISTICS_UPDATED,
                        Outcome.NEW_VERSION,
                        Outcome.UNCHANGED);
        List<Table> versions = catalog.listTableVersions(ORDERS);
        assertThat(versions).extracting(Table::versionId).containsExactly(3L, 2L, 1L);
        assertThat(versions).extracting(Table::definition).containsExactly(v4, v3, v1);
        assertThat(versions)
                .extracting(table -> table.updateTime().orElseThrow())
                .containsExactly(
                        millis(START.plusSeconds(7)), millis(START.plusSeconds(6)), millis(START.plusSeconds(2)));
        assertThat(versions)
                .extracting(table -> table.createTime().orElseThrow())
                .containsOnly(millis(START));
    }

    @Test
    void updateNeedsAnExistingTable() {
        catalog.createDatabase(Database.of("sales"));

        assertError(() -> catalog.updateTable(orders()), ErrorCode.NOT_FOUND, "table sales.orders does not exist");
        assertThat(catalog.getTable(ORDERS)).isEmpty();
    }

    @Test
    void numberOfPartitionKeysCannotChangeUnderPartitions() {
        createOrders();
        Table yearOnly = orders().toBuilder()
                .partitionKeys(List.of(Column.of("year", "string")))
                .build();
        catalog.addPartitions(ORDERS, List.of(partition("2024", "01")));

        assertError(
                () -> catalog.updateTable(yearOnly),
                ErrorCode.INVALID_ARGUMENT,
                "cannot change the partition keys of sales.orders from (year, month) to (year): it has 1"
                        + " partition(s) with 2 value(s) each; drop them first");
        assertThat(catalog.getTable(ORDERS).orElseThrow().partitionKeyNames()).containsExactly("year", "month");

        catalog.dropPartitions(ORDERS, List.of(List.of("2024", "01")));
        assertThat(catalog.updateTable(yearOnly).table().partitionKeyNames()).containsExactly("year");
    }

    @Test
    void dropTableDropsItsPartitionsAndVersions() {
        createOrders();
        catalog.updateTable(orders().toBuilder().description("v2").build());
        catalog.addPartitions(ORDERS, List.of(partition("2024", "01"), partition("2024", "02")));
        catalog.createTable(unpartitioned(TableId.of("sales", "customers")));

        catalog.dropTable(TableId.of("Sales", "ORDERS"));

        assertThat(catalog.getTable(ORDERS)).isEmpty();
        assertThat(catalog.getTableVersion(ORDERS, 1)).isEmpty();
        assertThat(catalog.listTables("sales")).extracting(Table::id).containsExactly(TableId.of("sales", "customers"));
        catalog.createTable(orders());
        assertThat(catalog.listTableVersions(ORDERS))
                .extracting(Table::versionId)
                .containsExactly(1L);
        assertThat(catalog.listPartitions(ORDERS)).isEmpty();
        assertThat(catalog.getPartition(ORDERS, List.of("2024", "01"))).isEmpty();
    }

    @Test
    void dropOrListVersionsOfMissingTableFails() {
        catalog.createDatabase(Database.of("sales"));

        assertError(() -> catalog.dropTable(ORDERS), ErrorCode.NOT_FOUND, "table sales.orders does not exist");
        assertError(() -> catalog.listTableVersions(ORDERS), ErrorCode.NOT_FOUND, "table sales.orders does not exist");
        assertThat(catalog.getTableVersion(ORDERS, 1)).isEmpty();
    }

    // ---- partitions

    @Test
    void listsPartitionsSortedValueByValue() {
        createOrders();
        List<List<String>> values = List.of(
                List.of("2024", "10"),
                List.of("a-", "a"),
                List.of("2024", "02"),
                List.of("a", "z"),
                List.of("2023", "12"),
                List.of("a b", "x"),
                List.of("2024", "1"),
                List.of("a", "y"));

        catalog.addPartitions(
                ORDERS, values.stream().map(v -> partition(v.get(0), v.get(1))).toList());

        assertThat(catalog.listPartitions(ORDERS))
                .extracting(Partition::values)
                .containsExactly(
                        List.of("2023", "12"),
                        List.of("2024", "02"),
                        List.of("2024", "1"),
                        List.of("2024", "10"),
                        List.of("a", "y"),
                        List.of("a", "z"),
                        List.of("a b", "x"),
                        List.of("a-", "a"));
    }

    @Test
    void storesEveryFieldOfAPartition() {
        createOrders();
        Partition partition = partition("2024", "01").withParameters(Map.of("numRows", "12", "source", "crawler"));
        Partition older = Partition.of(
                ORDERS,
                List.of("2023", "12"),
                new StorageDescriptor(
                        List.of(Column.of("id", "int").withComment("before bigint")),
                        "s3a://archive/orders/2023/12",
                        StorageFormat.CSV.inputFormat(),
                        StorageFormat.CSV.outputFormat(),
                        SerDeInfo.of(StorageFormat.CSV.serde(), Map.of("separatorChar", ";")),
                        false,
                        Map.of()));

        catalog.addPartitions(ORDERS, List.of(partition, older));

        Partition expected = partition.withCreateTime(millis(START));
        assertThat(catalog.getPartition(ORDERS, List.of("2024", "01"))).contains(expected);
        assertThat(catalog.getPartition(TableId.of("SALES", "orders"), List.of("2024", "01")))
                .contains(expected);
        assertThat(catalog.listPartitions(ORDERS)).containsExactly(older.withCreateTime(millis(START)), expected);
        assertThat(catalog.getPartition(ORDERS, List.of("2024", "02"))).isEmpty();
        assertThat(catalog.getPartition(EVENTS, List.of("2024", "01"))).isEmpty();
    }

    @Test
    void partitionsNeedAnExistingTable() {
        catalog.createDatabase(Database.of("sales"));
        String message = "table sales.orders does not exist";

        assertError(
                () -> catalog.addPartitions(ORDERS, List.of(partition("2024", "01"))), ErrorCode.NOT_FOUND, message);
        assertError(
                () -> catalog.putPartitions(ORDERS, List.of(partition("2024", "01"))), ErrorCode.NOT_FOUND, message);
        assertError(() -> catalog.listPartitions(ORDERS), ErrorCode.NOT_FOUND, message);
        assertError(
                () -> catalog.listPartitions(ORDERS, PartitionFilter.parse("year = '2024'", orders().partitionKeys())),
                ErrorCode.NOT_FOUND,
                message);
        assertError(() -> catalog.dropPartitions(ORDERS, List.of(List.of("2024", "01"))), ErrorCode.NOT_FOUND, message);
    }

    @Test
    void partitionNeedsOneValuePerKey() {
        createOrders();
        List<Partition> batch = List.of(partition("2024", "01"), Partition.of(ORDERS, List.of("2024"), storage("x")));
        String message = "partition [2024] of sales.orders has 1 value(s), but the table has 2 partition key(s)"
                + " (year, month)";

        assertError(() -> catalog.addPartitions(ORDERS, batch), ErrorCode.INVALID_ARGUMENT, message);
        assertError(() -> catalog.putPartitions(ORDERS, batch), ErrorCode.INVALID_ARGUMENT, message);
        assertError(() -> catalog.getPartition(ORDERS, List.of("2024")), ErrorCode.INVALID_ARGUMENT, message);
        assertError(
                () -> catalog.dropPartitions(ORDERS, List.of(List.of("2024"))), ErrorCode.INVALID_ARGUMENT, message);
        assertThat(catalog.listPartitions(ORDERS)).isEmpty();
    }

    @Test
    void unpartitionedTableHasNoPartitions() {
        catalog.createDatabase(Database.of("sales"));
        TableId customers = TableId.of("sales", "customers");
        catalog.createTable(unpartitioned(customers));

        assertError(
                () -> catalog.addPartitions(customers, List.of(Partition.of(customers, List.of("x"), storage("x")))),
                ErrorCode.INVALID_ARGUMENT,
                "table sales.customers is not partitioned");
        assertThat(catalog.listPartitions(customers)).isEmpty();
    }

    @Test
    void partitionMustBelongToTheTable() {
        createOrders();

        assertError(
                () -> catalog.addPartitions(ORDERS, List.of(Partition.of(EVENTS, List.of("2024", "01"), storage("x")))),
                ErrorCode.INVALID_ARGUMENT,
                "partition [2024, 01] belongs to table sales.events, not to sales.orders");
    }

    @Test
    void addPartitionsIsAllOrNothing() {
        createOrders();
        Partition existing = partition("2024", "02");
        catalog.addPartitions(ORDERS, List.of(existing));
        clock.advance(Duration.ofMinutes(1));

        assertError(
                () -> catalog.addPartitions(
                        ORDERS,
                        List.of(
                                partition("2024", "01"),
                                partition("2024", "02").withParameters(Map.of("changed", "yes")),
                                partition("2024", "03"))),
                ErrorCode.ALREADY_EXISTS,
                "partition year=2024/month=02 of sales.orders already exists");
        assertThat(catalog.listPartitions(ORDERS)).containsExactly(existing.withCreateTime(millis(START)));
    }

    @Test
    void addPartitionsRefusesTheSamePartitionTwice() {
        createOrders();

        assertError(
                () -> catalog.addPartitions(ORDERS, List.of(partition("2024", "01"), partition("2024", "01"))),
                ErrorCode.INVALID_ARGUMENT,
                "partition year=2024/month=01 of sales.orders is given twice");
        assertThat(catalog.listPartitions(ORDERS)).isEmpty();
    }

    @Test
    void putPartitionsAddsReplacesAndKeepsUnchanged() {
        createOrders();
        catalog.addPartitions(ORDERS, List.of(partition("2024", "01"), partition("2024", "02")));
        Instant later = clock.advance(Duration.ofHours(1));
        Partition moved = Partition.of(
                        ORDERS,
                        List.of("2024", "02"),
                        storage("moved").withColumns(List.of(Column.of("id", "bigint"), Column.of("note", "string"))))
                .withParameters(Map.of("numRows", "5"));

        PartitionChanges changes =
                catalog.putPartitions(ORDERS, List.of(partition("2024", "03"), moved, partition("2024", "01")));

        assertThat(changes).isEqualTo(new PartitionChanges(1, 1, 1));
        assertThat(catalog.listPartitions(ORDERS))
                .containsExactly(
                        partition("2024", "01").withCreateTime(millis(START)),
                        moved.withCreateTime(millis(START)),
                        partition("2024", "03").withCreateTime(millis(later)));
        assertThat(catalog.putPartitions(ORDERS, List.of(moved, partition("2024", "03"))))
                .isEqualTo(new PartitionChanges(0, 0, 2));
    }

    @Test
    void putPartitionsIsAllOrNothing() {
        createOrders();
        catalog.addPartitions(ORDERS, List.of(partition("2024", "01")));
        Partition stored = catalog.listPartitions(ORDERS).get(0);

        assertError(
                () -> catalog.putPartitions(
                        ORDERS,
                        List.of(
                                partition("2024", "02"),
                                partition("2024", "01").withParameters(Map.of("changed", "yes")),
                                Partition.of(ORDERS, List.of("2024", "03", "x"), storage("x")))),
                ErrorCode.INVALID_ARGUMENT,
                "partition [2024, 03, x] of sales.orders has 3 value(s)");
        assertThat(catalog.listPartitions(ORDERS)).containsExactly(stored);
    }

    @Test
    void dropPartitionsIsAllOrNothing() {
        createOrders();
        catalog.addPartitions(
                ORDERS, List.of(partition("2024", "01"), partition("2024", "02"), partition("2024", "03")));

        catalog.dropPartitions(ORDERS, List.of(List.of("2024", "03"), List.of("2024", "01")));

        assertThat(catalog.listPartitions(ORDERS)).extracting(Partition::values).containsExactly(List.of("2024", "02"));
        assertError(
                () -> catalog.dropPartitions(ORDERS, List.of(List.of("2024", "02"), List.of("2030", "01"))),
                ErrorCode.NOT_FOUND,
                "partition year=2030/month=01 of sales.orders does not exist");
        assertThat(catalog.listPartitions(ORDERS)).extracting(Partition::values).containsExactly(List.of("2024", "02"));
    }

    @Test
    void listsPartitionsMatchingFilter() {
        createOrders();
        catalog.addPartitions(
                ORDERS,
                List.of(
                        partition("2024", "10"),
                        partition("2023", "12"),
                        partition("2024", "02"),
                        partition("2024", "01"),
                        partition("2024", Partition.NULL_VALUE),
                        partition("2025", "01")));

        assertThat(filtered(ORDERS, "year = '2024' AND Month >= '02'")).containsExactly("2024/02", "2024/10");
        assertThat(filtered(ORDERS, "`YEAR` IN ('2023', '2025') OR month BETWEEN '02' AND '09'"))
                .containsExactly("2023/12", "2024/02", "2025/01");
        assertThat(filtered(ORDERS, "month IS NULL")).containsExactly("2024/" + Partition.NULL_VALUE);
        assertThat(filtered(ORDERS, "NOT month LIKE '1%'")).containsExactly("2024/01", "2024/02", "2025/01");
        assertThat(filtered(ORDERS, "year = '1999'")).isEmpty();
    }

    @Test
    void filtersNumericKeysByNumber() {
        catalog.createDatabase(Database.of("sales"));
        catalog.createTable(events());
        catalog.addPartitions(
                EVENTS,
                List.of(
                        eventPartition("2024-05-01", "9"),
                        eventPartition("2024-05-01", "10"),
                        eventPartition("2024-05-01", "11"),
                        eventPartition("2024-05-02", "08")));

        assertThat(filtered(EVENTS, "hour > 8")).containsExactly("2024-05-01/10", "2024-05-01/11", "2024-05-01/9");
        assertThat(filtered(EVENTS, "8 = hour")).containsExactly("2024-05-02/08");
        assertThat(filtered(EVENTS, "dt = '2024-05-01' AND hour IN (9, 11)"))
                .containsExactly("2024-05-01/11", "2024-05-01/9");
    }

    @Test
    void readsFilterAgainForTheTablesOwnKeys() {
        createOrders();
        catalog.addPartitions(ORDERS, List.of(partition("2023", "01"), partition("2024", "01")));
        PartitionFilter forYearOnly = PartitionFilter.parse("year = '2024'", List.of(Column.of("year", "string")));
        PartitionFilter forEvents = PartitionFilter.parse("hour = 1", events().partitionKeys());

        assertThat(catalog.listPartitions(ORDERS, forYearOnly))
                .extracting(Partition::values)
                .containsExactly(List.of("2024", "01"));
        assertError(
                () -> catalog.listPartitions(ORDERS, forEvents),
                ErrorCode.INVALID_ARGUMENT,
                "invalid partition filter \"hour = 1\": unknown partition key 'hour' (partition keys: year, month)");
    }

    // ---- several catalogs and threads

    @Test
    void concurrentCatalogsCreatingTablesLoseNothing() throws Exception {
        catalog.createDatabase(Database.of("sales"));
        int own = 30;
        int shared = 15;
        AtomicInteger refused = new AtomicInteger();

        List<Integer> created = inParallel(2, (worker, other) -> {
            int count = 0;
            for (int i = 0; i < own; i++) {
                other.createTable(unpartitioned(TableId.of("sales", "w" + worker + "_" + i)));
                count++;
                if (i < shared) {
                    try {
                        other.createTable(unpartitioned(TableId.of("sales", "shared_" + i)));
                        count++;
                    } catch (SluiceException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                        refused.incrementAndGet();
                    }
                }
            }
            return count;
        });

        assertThat(catalog.listTables("sales")).hasSize(2 * own + shared);
        assertThat(created.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2 * own + shared);
        assertThat(refused).hasValue(shared);
        Set<String> names = new HashSet<>();
        catalog.listTables("sales").forEach(table -> names.add(table.id().name()));
        assertThat(names).contains("w0_0", "w1_29", "shared_0", "shared_14");
    }

    @Test
    void concurrentUpdatesOfOneTableLoseNoVersion() throws Exception {
        createOrders();
        int updates = 15;

        inParallel(2, (worker, other) -> {
            for (int i = 0; i < updates; i++) {
                Table changed = orders().toBuilder()
                        .description("worker " + worker + " update " + i)
                        .build();
                assertThat(other.updateTable(changed).outcome()).isEqualTo(Outcome.NEW_VERSION);
            }
            return null;
        });

        List<Table> versions = catalog.listTableVersions(ORDERS);
        assertThat(versions)
                .extracting(Table::versionId)
                .containsExactlyElementsOf(IntStream.iterate(2 * updates + 1, v -> v - 1)
                        .limit(2 * updates + 1)
                        .mapToObj(v -> (long) v)
                        .toList());
        Set<String> descriptions = new HashSet<>();
        versions.forEach(table -> descriptions.add(table.description().orElseThrow()));
        assertThat(descriptions)
                .hasSize(2 * updates + 1)
                .contains("orders by day", "worker 0 update 14", "worker 1 update 0");
    }

    @Test
    void failedChangeLeavesStoreUsableForOthers() {
        createOrders();
        catalog.addPartitions(ORDERS, List.of(partition("2024", "01")));

        assertError(
                () -> catalog.addPartitions(ORDERS, List.of(partition("2024", "02"), partition("2024", "01"))),
                ErrorCode.ALREADY_EXISTS,
                "partition year=2024/month=01 of sales.orders already exists");
        try (Catalog other = openCatalog(clock)) {
            other.addPartitions(ORDERS, List.of(partition("2024", "03")));
        }
        catalog.addPartitions(ORDERS, List.of(partition("2024", "04")));

        assertThat(catalog.listPartitions(ORDERS))
                .extracting(partition -> partition.values().get(1))
                .containsExactly("01", "03", "04");
    }

    @Test
    void oneCatalogCanBeSharedByThreads() throws Exception {
        createOrders();
        int threads = 4;
        int perThread = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String year = String.valueOf(2000 + t);
                futures.add(pool.submit(() -> {
                    for (int m = 0; m < perThread; m++) {
                        catalog.addPartitions(ORDERS, List.of(partition(year, String.format("%02d", m))));
                        assertThat(catalog.getPartition(ORDERS, List.of(year, String.format("%02d", m))))
                                .isPresent();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Partition> partitions = catalog.listPartitions(ORDERS);
        assertThat(partitions).hasSize(threads * perThread);
        assertThat(partitions.get(0).values()).containsExactly("2000", "00");
        assertThat(partitions.get(partitions.size() - 1).values()).containsExactly("2003", "19");
    }

    // ---- fixtures

    /** Work of one worker, given its number and a catalog of its own on the same store. */
    @FunctionalInterface
    protected interface Worker<T> {
        T run(int worker, Catalog catalog) throws Exception;
    }

    /** Runs workers at the same time, each with its own catalog, and returns their results in worker order. */
    protected <T> List<T> inParallel(int workers, Worker<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Catalog> catalogs = new ArrayList<>();
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Catalog own = openCatalog(clock);
                catalogs.add(own);
                int worker = w;
                Callable<T> task = () -> {
                    start.await();
                    return work.run(worker, own);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            catalogs.forEach(Catalog::close);
        }
    }

    protected static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    protected Table createOrders() {
        if (catalog.getDatabase("sales").isEmpty()) {
            catalog.createDatabase(Database.of("sales"));
        }
        return catalog.createTable(orders());
    }

    /** A table using every part of the model: nested types, comments, SerDe and storage parameters. */
    protected static Table orders() {
        StorageDescriptor storage = new StorageDescriptor(
                List.of(
                        Column.of("id", "bigint").withComment("order id"),
                        Column.of("Amount", "decimal(12,2)"),
                        Column.of("items", "array<struct<sku:string,qty:int>>"),
                        Column.of("attributes", "map<string,varchar(20)>"),
                        Column.of("placed", "timestamp")),
                "hdfs:///warehouse/sales/orders",
                StorageFormat.PARQUET.inputFormat(),
                StorageFormat.PARQUET.outputFormat(),
                SerDeInfo.of(StorageFormat.PARQUET.serde(), Map.of("serialization.format", "1")),
                true,
                Map.of("parquet.compression", "SNAPPY"));
        return Table.builder(ORDERS)
                .description("orders by day")
                .storageDescriptor(storage)
                .partitionKeys(List.of(Column.of("year", "string"), Column.of("month", "string")))
                .parameters(Map.of("classification", "parquet", "numRows", "10"))
                .build();
    }

    protected static Table events() {
        return Table.builder(EVENTS)
                .storageDescriptor(StorageDescriptor.of(
                        List.of(Column.of("payload", "string")), "s3a://bucket/events", StorageFormat.JSON))
                .partitionKeys(List.of(Column.of("dt", "string"), Column.of("hour", "int")))
                .build();
    }

    protected static Table unpartitioned(TableId id) {
        return Table.builder(id)
                .storageDescriptor(StorageDescriptor.of(
                        List.of(Column.of("id", "int")), "hdfs:///warehouse/" + id.name(), StorageFormat.CSV))
                .build();
    }

    protected static Partition partition(String year, String month) {
        return Partition.of(ORDERS, List.of(year, month), storage("year=" + year + "/month=" + month));
    }

    protected static Partition eventPartition(String dt, String hour) {
        return Partition.of(EVENTS, List.of(dt, hour), storage("dt=" + dt + "/hour=" + hour));
    }

    protected static StorageDescriptor storage(String path) {
        return orders().storageDescriptor().withLocation("hdfs:///warehouse/sales/orders/" + path);
    }

    /** The values of the partitions a filter selects, as {@code a/b}, in listing order. */
    protected List<String> filtered(TableId table, String filter) {
        Table stored = catalog.getTable(table).orElseThrow();
        return catalog.listPartitions(table, PartitionFilter.parse(filter, stored.partitionKeys())).stream()
                .map(partition -> String.join("/", partition.values()))
                .toList();
    }

    protected static void assertError(ThrowingCallable call, ErrorCode code, String messageStart) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        SluiceException.class,
                        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code))
                .hasMessageStartingWith(messageStart);
    }
}
