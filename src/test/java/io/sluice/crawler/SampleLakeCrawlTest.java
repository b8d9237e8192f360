package io.sluice.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.Column;
import io.sluice.catalog.Partition;
import io.sluice.catalog.Table;
import io.sluice.catalog.sqlite.SqliteCatalog;
import io.sluice.classify.BuiltinClassifiers;
import io.sluice.cluster.HadoopConfigurations;
import io.sluice.testing.GoldenFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls the sample lake in {@code testdata/} with {@code crawler/lake.yaml} and checks the exact catalog it
 * produces (golden file), the warnings, and that a second crawl changes nothing.
 */
class SampleLakeCrawlTest {
    private static final Path LAKE = Path.of("testdata").toAbsolutePath();

    @TempDir
    Path catalogDir;

    private CrawlResult crawl(Catalog catalog) {
        CrawlerDefinition definition =
                CrawlerDefinitions.read(Path.of("crawler/lake.yaml")).withTargets(List.of(LAKE.toString()));
        return new Crawler(catalog, HadoopConfigurations.local(), Clock.systemUTC())
                .crawl(definition, BuiltinClassifiers.chain(CustomClassifiers.of(definition)), false);
    }

    @Test
    void producesTheExpectedCatalog() {
        try (Catalog catalog = SqliteCatalog.open(catalogDir)) {
            CrawlResult result = crawl(catalog);

            assertThat(result.filesFound()).isEqualTo(20);
            assertThat(result.filesExcluded()).isZero();
            assertThat(result.warnings().stream().map(SampleLakeCrawlTest::relative))
                    .containsExactlyInAnyOrder(
                            "products/empty.psv: empty file",
                            "logs/app/app.log: no classifier recognised the format",
                            "broken/metrics.parquet: corrupt: broken/metrics.parquet: Parquet file does not end with"
                                    + " the magic PAR1 (found '-102'): truncated, or still being written");
            GoldenFile.assertMatches(getClass(), "lake.txt", describe(catalog));
        }
    }

    @Test
    void aSecondCrawlChangesNothing() {
        try (Catalog catalog = SqliteCatalog.open(catalogDir)) {
            crawl(catalog);
            CrawlResult again = crawl(catalog);

            assertThat(again.plan().createDatabase()).isFalse();
            assertThat(again.plan().changes()).allSatisfy(change -> {
                assertThat(change.kind()).as(change.proposed().id().toString()).isEqualTo(TableChange.Kind.UNCHANGED);
                assertThat(change.added()).isEmpty();
                assertThat(change.updated()).isEmpty();
            });
            assertThat(catalog.listTables("lake"))
                    .allSatisfy(t -> assertThat(t.versionId()).isEqualTo(1));
        }
    }

    @Test
    void aCustomGrokClassifierClaimsTheApplicationLog() {
        try (Catalog catalog = SqliteCatalog.open(catalogDir)) {
            CrawlerDefinition definition = CrawlerDefinitions.read(Path.of("crawler/applogs.yaml"))
                    .withTargets(List.of(LAKE.resolve("logs").toString()));
            CrawlResult result = new Crawler(catalog, HadoopConfigurations.local(), Clock.systemUTC())
                    .crawl(definition, BuiltinClassifiers.chain(CustomClassifiers.of(definition)), false);

            assertThat(result.warnings()).isEmpty();
            Table app = catalog.getTable(io.sluice.catalog.TableId.of("logs", "app"))
                    .orElseThrow();
            assertThat(app.parameters()).containsEntry("classification", "app_log");
            assertThat(app.storageDescriptor().columns())
                    .extracting(Column::name)
                    .containsExactly("ts", "level", "component", "message");
            assertThat(app.storageDescriptor().serdeInfo().parameters().get("input.grokCustomPatterns"))
                    .contains("LOGLEVEL");
        }
    }

    /** The catalog as text: per table its storage, columns, parameters and partitions, locations made relative. */
    private static String describe(Catalog catalog) {
        StringBuilder text = new StringBuilder();
        for (Table table : catalog.listTables("lake")) {
            text.append("table ").append(table.id()).append('\n');
            text.append("  location ")
                    .append(relative(table.storageDescriptor().location()))
                    .append('\n');
            text.append("  serde ")
                    .append(table.storageDescriptor().serdeInfo().serializationLibrary())
                    .append(' ')
                    .append(table.storageDescriptor().serdeInfo().parameters())
                    .append('\n');
            text.append("  input ")
                    .append(table.storageDescriptor().inputFormat())
                    .append('\n');
            for (Column column : table.storageDescriptor().columns()) {
                text.append("  column ")
                        .append(column.name())
                        .append(' ')
                        .append(column.type())
                        .append('\n');
            }
            for (Column key : table.partitionKeys()) {
                text.append("  partition key ")
                        .append(key.name())
                        .append(' ')
                        .append(key.type())
                        .append('\n');
            }
            parameters(text, "  parameter ", table.parameters());
            for (Partition partition : catalog.listPartitions(table.id())) {
                text.append("  partition ")
                        .append(partition.values())
                        .append(' ')
                        .append(relative(partition.storageDescriptor().location()))
                        .append(' ')
                        .append(partition.storageDescriptor().columns().stream()
                                .map(Column::name)
                                .collect(Collectors.joining(",")))
                        .append('\n');
                parameters(text, "    ", partition.parameters());
            }
        }
        return text.toString();
    }

    private static void parameters(StringBuilder text, String prefix, Map<String, String> parameters) {
        parameters.forEach((key, value) -> {
            if (!key.equals("avro.schema.literal")) {
                text.append(prefix)
                        .append(key)
                        .append('=')
                        .append(value.replace("\t", "\\t"))
                        .append('\n');
            }
        });
    }

    private static String relative(String location) {
        return location.replace("file:" + LAKE + "/", "").replace("file:" + LAKE, ".");
    }
}
