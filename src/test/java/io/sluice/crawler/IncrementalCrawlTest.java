package io.sluice.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Partition;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.catalog.sqlite.SqliteCatalog;
import io.sluice.classify.BuiltinClassifiers;
import io.sluice.cluster.HadoopConfigurations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recrawl: new-folders-only}: folders already catalogued are not read again; new ones are added. */
class IncrementalCrawlTest {
    private static final TableId SALES = TableId.of("lake", "sales");

    @TempDir
    Path lake;

    @TempDir
    Path catalogDir;

    private Catalog catalog;

    @BeforeEach
    void open() {
        catalog = SqliteCatalog.open(catalogDir);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private void write(String relative, String content) throws IOException {
        Path file = lake.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private CrawlResult crawl() {
        CrawlerDefinition definition = CrawlerDefinitions.parse(
                "incremental.yaml",
                """
                name: incremental
                database: lake
                targets: [%s]
                recrawl: new-folders-only
                """
                        .formatted(lake.toUri()));
        return new Crawler(catalog, HadoopConfigurations.local(), Clock.systemUTC())
                .crawl(definition, BuiltinClassifiers.chain(List.of()), false);
    }

    @Test
    void onlyNewFoldersAreReadAndAdded() throws IOException {
        write("sales/year=2024/a.csv", "id,amount\n1,2.50\n2,3.75\n");
        write("sales/year=2025/a.csv", "id,amount\n3,4.50\n");
        CrawlResult first = crawl();
        assertThat(first.filesSampled()).isEqualTo(2);
        assertThat(catalog.getTable(SALES).orElseThrow().parameters()).containsEntry("recordCount", "3");

        write("sales/year=2024/a.csv", "id,amount,note\n1,2.50,changed but not read\n");
        write("sales/year=2026/a.csv", "id,amount,coupon\n4,1.25,SPRING\n5,2.00,\n");
        CrawlResult second = crawl();

        assertThat(second.filesSampled()).as("only the new folder is read").isEqualTo(1);
        TableChange change = second.plan().changes().get(0);
        assertThat(change.added()).extracting(Partition::values).containsExactly(List.of("2026"));
        assertThat(change.unchanged()).isEqualTo(2);
        Table sales = catalog.getTable(SALES).orElseThrow();
        assertThat(sales.storageDescriptor().columns())
                .extracting(c -> c.name() + " " + c.type())
                .containsExactly("id int", "amount decimal(3,2)", "coupon string");
        assertThat(sales.parameters()).containsEntry("recordCount", "5").containsEntry("objectCount", "3");
        assertThat(catalog.listPartitions(SALES)).hasSize(3);
    }

    @Test
    void nothingNewChangesNothingAndVanishedFoldersAreNoticed() throws IOException {
        write("sales/year=2024/a.csv", "id,amount\n1,2.50\n");
        write("sales/year=2025/a.csv", "id,amount\n3,4.50\n");
        crawl();

        CrawlResult again = crawl();
        assertThat(again.filesSampled()).isZero();
        assertThat(again.plan().changes()).singleElement().satisfies(c -> assertThat(c.kind())
                .isEqualTo(TableChange.Kind.UNCHANGED));

        Files.delete(lake.resolve("sales/year=2025/a.csv"));
        CrawlResult afterDelete = crawl();
        assertThat(afterDelete.plan().changes().get(0).vanished())
                .extracting(Partition::values)
                .containsExactly(List.of("2025"));
        assertThat(catalog.listPartitions(SALES)).extracting(Partition::values).containsExactly(List.of("2024"));
        assertThat(catalog.getTable(SALES).orElseThrow().parameters()).containsEntry("recordCount", "1");
    }
}
