package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs writing CSV and JSON lines through {@code sluice submit}: the files, the table registered for them, and reading
 * them back through the catalog and after a crawl.
 */
class SubmitTextOutputTest {
    @TempDir
    Path catalogDir;

    @TempDir
    Path dir;

    private CliRun sluice(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--catalog";
        all[1] = catalogDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @BeforeEach
    void crawl() {
        CliRun crawl = sluice(
                "crawl",
                "--crawler",
                "crawler/lake.yaml",
                Path.of("testdata").toAbsolutePath().toString());
        assertThat(crawl.exitCode()).as(crawl.err()).isZero();
    }

    private Path job(String name, String source, String stages, String output) throws IOException {
        return Files.writeString(
                dir.resolve(name + ".yaml"),
                "name: " + name + "\nsource: " + source + "\n" + stages + "output: " + output + "\n");
    }

    private List<String> sortedRows(String table) {
        CliRun cat = sluice("cat", table, "--format", "json");
        assertThat(cat.exitCode()).as(cat.err()).isZero();
        return cat.out().lines().sorted().toList();
    }

    @Test
    void aCsvOutputIsGzippedCsvPerPartitionAndReadsBackLikeParquet() throws IOException {
        String stages =
                """
                stages:
                  - map:
                      select: { order_id: order_id, order_ts: order_ts, country: country, product: product,
                                revenue: "qty * price", note: "concat(product, ', \\"', country, '\\"')" }
                """;
        Path csvOut = dir.resolve("out/sales_csv");
        Path parquetOut = dir.resolve("out/sales_parquet");
        Path csv = job(
                "sales_csv",
                "lake.sales",
                stages,
                "{ path: \"" + csvOut + "\", format: csv, compression: gzip, partition_by: [country],"
                        + " table: out.sales_csv }");
        Path parquet = job(
                "sales_parquet",
                "lake.sales",
                stages,
                "{ path: \"" + parquetOut + "\", partition_by: [country], table: out.sales_parquet }");

        CliRun run = sluice("submit", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sluice("submit", parquet.toString()).exitCode()).isZero();

        List<Path> files = files(csvOut);
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.toString())
                .matches(".*/country=[A-Z]{2}/part-m-\\d{5}\\.csv\\.gz"));
        List<String> rows = sortedRows("out.sales_csv");
        assertThat(rows).hasSize(36).isEqualTo(sortedRows("out.sales_parquet"));
        assertThat(rows).anyMatch(r -> r.contains("\"note\":\"gizmo, \\\"JP\\\"\""));

        CliRun show = sluice("catalog", "show", "out.sales_csv", "--json");
        assertThat(show.out())
                .contains("\"classification\" : \"csv\"")
                .contains("\"skip.header.line.count\" : \"1\"")
                .contains("\"compressionType\" : \"gzip\"")
                .contains("org.apache.hadoop.hive.serde2.OpenCSVSerde")
                .contains("\"separatorChar\" : \",\"");

        CliRun crawl = sluice("crawl", csvOut.toString(), "--database", "again");
        assertThat(crawl.exitCode()).as(crawl.err()).isZero();
        CliRun again = sluice("cat", "again.sales_csv", "--format", "json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out().lines()).hasSize(36).anyMatch(r -> r.contains("gizmo, \\\"JP\\\""));
    }

    @Test
    void aJsonOutputKeepsNestedValuesAndReadsBackAsTheSource() throws IOException {
        Path out = dir.resolve("out/events_json");
        Path job = job("events_json", "lake.events", "", "{ path: \"" + out + "\", format: json, table: out.events }");

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(files(out)).isNotEmpty().allSatisfy(f -> assertThat(f.toString())
                .matches(".*/part-m-\\d{5}\\.json"));
        String first = Files.readAllLines(files(out).get(0)).get(0);
        assertThat(first).matches("\\{\"event_id\":\"e-.*\",\"user\":\\{\"id\":\\d+,\"country\":\"[A-Z]{2}\"\\}.*");
        assertThat(sortedRows("out.events")).isEqualTo(sortedRows("lake.events"));
        assertThat(sluice("catalog", "show", "out.events", "--json").out())
                .contains("\"classification\" : \"json\"")
                .contains("org.openx.data.jsonserde.JsonSerDe");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("_"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
