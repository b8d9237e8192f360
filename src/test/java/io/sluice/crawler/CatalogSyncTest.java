package io.sluice.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.Partition;
import io.sluice.catalog.StorageFormat;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.catalog.sqlite.SqliteCatalog;
import io.sluice.classify.Classification;
import io.sluice.classify.InferredColumn;
import io.sluice.crawler.CrawlerDefinition.DeleteBehavior;
import io.sluice.crawler.CrawlerDefinition.UpdateBehavior;
import io.sluice.types.DataType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSyncTest {
    private static final org.apache.hadoop.fs.Path TARGET = new org.apache.hadoop.fs.Path("file:/lake");
    private static final TableId SALES = TableId.of("lake", "sales");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path catalogDir;

    private Catalog catalog;
    private CrawlerDefinition definition = CrawlerDefinition.defaults("lake", List.of(TARGET.toString()));
    private final List<FileVerdict> files = new ArrayList<>();

    @BeforeEach
    void open() {
        catalog = SqliteCatalog.open(catalogDir, CLOCK);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private void csv(String relativePath, long size, long records, String... columns) {
        List<String> parts = Arrays.asList(relativePath.split("/"));
        FileStatus status = new FileStatus(size, false, 1, 1, 0, new org.apache.hadoop.fs.Path(TARGET, relativePath));
        List<InferredColumn> inferred = Arrays.stream(columns)
                .map(c -> c.split(" "))
                .map(c -> new InferredColumn(c[0], DataType.parse(c[1]), "test"))
                .toList();
        Classification classification = Classification.builder("csv", "csv")
                .format(StorageFormat.DELIMITED)
                .serdeParameter("field.delim", ",")
                .parameter("delimiter", ",")
                .columns(inferred)
                .recordCount(records)
                .build();
        files.add(FileVerdict.classified(
                DataFile.of(status, parts.subList(0, parts.size() - 1)), classification, Optional.empty()));
    }

    private CrawlPlan crawl() {
        return crawl(false);
    }

    private CrawlPlan crawl(boolean dryRun) {
        List<TableCandidate> tables =
                new TablePlanner(OptionalInt.empty(), "").plan(TARGET, files).tables();
        CatalogSync sync = new CatalogSync(catalog, definition, CLOCK);
        CrawlPlan plan = sync.plan(tables, List.of(TARGET.toString()));
        if (!dryRun) {
            sync.apply(plan);
        }
        return plan;
    }

    private void twoMonths() {
        csv("sales/year=2024/month=01/a.csv", 1000, 10, "id int", "price decimal(5,2)");
        csv("sales/year=2024/month=02/a.csv", 2000, 20, "id int", "price decimal(5,2)");
    }

    @Test
    void createsDatabaseTableAndPartitionsWithGlueParameters() {
        twoMonths();

        CrawlPlan plan = crawl();

        assertThat(plan.createDatabase()).isTrue();
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(TableChange.Kind.CREATE);
            assertThat(c.added()).hasSize(2);
        });
        Table sales = catalog.getTable(SALES).orElseThrow();
        assertThat(sales.storageDescriptor().location()).isEqualTo("file:/lake/sales");
        assertThat(sales.storageDescriptor().serdeInfo().parameters()).containsEntry("field.delim", ",");
        assertThat(sales.partitionKeyNames()).containsExactly("year", "month");
        assertThat(sales.parameters())
                .containsEntry("classification", "csv")
                .containsEntry("compressionType", "none")
                .containsEntry("delimiter", ",")
                .containsEntry("objectCount", "2")
                .containsEntry("sizeKey", "3000")
                .containsEntry("recordCount", "30")
                .containsEntry("averageRecordSize", "100")
                .containsEntry("UPDATED_BY_CRAWLER", "crawl-lake");
        List<Partition> partitions = catalog.listPartitions(SALES);
        assertThat(partitions)
                .extracting(Partition::values)
                .containsExactly(List.of("2024", "01"), List.of("2024", "02"));
        assertThat(partitions.get(1).storageDescriptor().location()).isEqualTo("file:/lake/sales/year=2024/month=02");
        assertThat(partitions.get(1).parameters())
                .containsEntry("recordCount", "20")
                .containsEntry("sizeKey", "2000");
    }

    @Test
    void recrawlingUnchangedDataChangesNothing() {
        twoMonths();
        crawl();

        CrawlPlan again = crawl();

        assertThat(again.createDatabase()).isFalse();
        assertThat(again.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(TableChange.Kind.UNCHANGED);
            assertThat(c.added()).isEmpty();
            assertThat(c.unchanged()).isEqualTo(2);
        });
        assertThat(catalog.listTableVersions(SALES)).hasSize(1);
    }

    @Test
    void newPartitionWithMoreRowsRefreshesStatisticsWithoutANewVersion() {
        twoMonths();
        crawl();
        csv("sales/year=2024/month=03/a.csv", 500, 5, "id int", "price decimal(5,2)");

        CrawlPlan plan = crawl();

        assertThat(plan.changes().get(0).kind()).isEqualTo(TableChange.Kind.REFRESH_STATISTICS);
        assertThat(plan.changes().get(0).added()).extracting(Partition::values).containsExactly(List.of("2024", "03"));
        assertThat(catalog.listTableVersions(SALES)).hasSize(1);
        assertThat(catalog.getTable(SALES).orElseThrow().parameters()).containsEntry("recordCount", "35");
        assertThat(catalog.listPartitions(SALES)).hasSize(3);
    }

    @Test
    void schemaDriftArchivesANewVersion() {
        twoMonths();
        crawl();
        csv("sales/year=2025/month=01/a.csv", 500, 5, "id bigint", "price decimal(5,2)", "discount decimal(3,2)");

        CrawlPlan plan = crawl();

        assertThat(plan.changes().get(0).kind()).isEqualTo(TableChange.Kind.UPDATE);
        assertThat(catalog.listTableVersions(SALES)).hasSize(2);
        Table sales = catalog.getTable(SALES).orElseThrow();
        assertThat(sales.storageDescriptor().columns())
                .extracting(c -> c.name() + " " + c.type())
                .containsExactly("id bigint", "price decimal(5,2)", "discount decimal(3,2)");
    }

    @Test
    void logPolicyReportsASchemaChangeButKeepsTheTable() {
        twoMonths();
        crawl();
        definition = withPolicies(UpdateBehavior.LOG, DeleteBehavior.DEPRECATE);
        csv("sales/year=2025/month=01/a.csv", 500, 5, "id int", "price decimal(5,2)", "discount decimal(3,2)");

        CrawlPlan plan = crawl();

        assertThat(plan.changes().get(0).kind()).isEqualTo(TableChange.Kind.SCHEMA_CHANGE_LOGGED);
        assertThat(catalog.getTable(SALES).orElseThrow().storageDescriptor().columns())
                .hasSize(2);
        assertThat(catalog.listPartitions(SALES)).hasSize(3);
    }

    @Test
    void vanishedPartitionsAndTablesFollowTheDeletePolicy() {
        twoMonths();
        csv("other/x.csv", 10, 1, "name string", "email string");
        crawl();
        files.clear();
        csv("sales/year=2024/month=02/a.csv", 2000, 20, "id int", "price decimal(5,2)");

        CrawlPlan plan = crawl();

        assertThat(plan.changes().get(0).vanished())
                .extracting(Partition::values)
                .containsExactly(List.of("2024", "01"));
        assertThat(catalog.listPartitions(SALES)).extracting(Partition::values).containsExactly(List.of("2024", "02"));
        assertThat(plan.vanished()).singleElement().satisfies(v -> {
            assertThat(v.table().id()).isEqualTo(TableId.of("lake", "other"));
            assertThat(v.action()).isEqualTo(DeleteBehavior.DEPRECATE);
        });
        assertThat(catalog.getTable(TableId.of("lake", "other")).orElseThrow().parameters())
                .containsEntry("DEPRECATED_BY_CRAWLER", "2026-01-02T03:04:05Z");
        assertThat(crawl().vanished()).as("deprecated once, not again").isEmpty();

        definition = withPolicies(UpdateBehavior.UPDATE, DeleteBehavior.DELETE);
        crawl();
        assertThat(catalog.getTable(TableId.of("lake", "other"))).isEmpty();
    }

    @Test
    void logDeletePolicyKeepsVanishedPartitions() {
        twoMonths();
        crawl();
        definition = withPolicies(UpdateBehavior.UPDATE, DeleteBehavior.LOG);
        files.remove(0);

        CrawlPlan plan = crawl();

        assertThat(plan.changes().get(0).vanished()).hasSize(1);
        assertThat(catalog.listPartitions(SALES)).hasSize(2);
    }

    @Test
    void dryRunWritesNothing() {
        twoMonths();

        CrawlPlan plan = crawl(true);

        assertThat(plan.changes()).hasSize(1);
        assertThat(catalog.listDatabases()).isEmpty();
    }

    @Test
    void refusesToCreateMoreTablesThanTheThreshold() {
        for (int i = 0; i < 4; i++) {
            csv("t" + i + "/x.csv", 10, 1, "c" + i + " int");
        }
        definition = new CrawlerDefinition(
                "lake",
                "lake",
                definition.targets(),
                List.of(),
                1024,
                OptionalInt.empty(),
                OptionalInt.empty(),
                3,
                "",
                UpdateBehavior.UPDATE,
                DeleteBehavior.DEPRECATE,
                CrawlerDefinition.RecrawlBehavior.EVERYTHING,
                List.of(),
                java.util.Map.of());

        assertThatThrownBy(this::crawl)
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.JOB_FAILED))
                .hasMessageContaining("would create 4 tables, more than the table threshold of 3");
        assertThat(catalog.listDatabases()).isEmpty();
    }

    private CrawlerDefinition withPolicies(UpdateBehavior update, DeleteBehavior delete) {
        return new CrawlerDefinition(
                definition.name(),
                "lake",
                definition.targets(),
                List.of(),
                1024,
                OptionalInt.empty(),
                OptionalInt.empty(),
                100,
                "",
                update,
                delete,
                CrawlerDefinition.RecrawlBehavior.EVERYTHING,
                List.of(),
                java.util.Map.of());
    }
}
