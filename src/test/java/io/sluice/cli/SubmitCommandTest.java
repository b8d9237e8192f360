package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice submit}: jobs checked against a crawled catalog and planned. */
class SubmitCommandTest {
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
        assertThat(sluice(
                                "crawl",
                                "--crawler",
                                "crawler/lake.yaml",
                                Path.of("testdata").toAbsolutePath().toString())
                        .exitCode())
                .isZero();
    }

    @Test
    void explainPrintsThePlanOfEveryExample() {
        CliRun daily = sluice("submit", "jobs/daily_revenue.yaml", "--explain", "--arg", "YEAR=2025");
        assertThat(daily.exitCode()).as(daily.err()).isZero();
        assertThat(daily.out())
                .contains("job daily_revenue: 1 MapReduce job")
                .contains("input: table lake.sales where year = '2025'")
                .contains("combiner pre-aggregates on the map side");
        for (String job : new String[] {"events_flat", "primary_contacts", "sales_by_product"}) {
            CliRun run = sluice("submit", "jobs/" + job + ".yaml", "--explain");
            assertThat(run.exitCode()).as(job + ": " + run.err()).isZero();
            assertThat(run.out()).startsWith("job " + job + ": ");
        }
        assertThat(sluice("submit", "jobs/sales_by_product.yaml", "--explain").out())
                .contains("(broadcast join with returns, line 9)");
    }

    @Test
    void anInvalidJobIsReportedWithItsLinesAndExitTwo() throws IOException {
        Path job = Files.writeString(
                dir.resolve("bad.yaml"),
                """
                name: bad
                source: { table: lake.sales }
                stages:
                  - map: { filter: "qty > 0 AND prise < 10" }
                  - reduce: { group_by: [contry], aggregate: { n: "count(*)" } }
                output: { path: out/bad }
                """);

        CliRun run = sluice("submit", job.toString(), "--explain");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.yaml:4").contains("'prise'").contains("price");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMapOnlyJobRunsWritesPartitionedParquetAndRegistersItsTable() throws IOException {
        Path out = dir.resolve("out/big_orders");
        Path job = Files.writeString(
                dir.resolve("big_orders.yaml"),
                """
                name: big_orders
                source: { table: lake.sales, where: "year = '${YEAR}'" }
                arguments: { YEAR: "2024" }
                stages:
                  - map:
                      filter: "qty >= 5"
                      select: { order_id: order_id, country: country, revenue: "qty * price" }
                output: { path: "%s", partition_by: [country], mode: overwrite, table: analytics.big_orders }
                """
                        .formatted(out));

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("job big_orders succeeded: 24 rows read, 6 written, 0 bad records");
        assertThat(out.resolve("_SUCCESS")).exists();
        assertThat(Files.list(dir.resolve("out")).map(p -> p.getFileName().toString()))
                .as("no staging folder left behind")
                .containsExactly("big_orders");
        CliRun table = sluice("cat", "analytics.big_orders", "--format", "json");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines()).hasSize(6).allSatisfy(line -> assertThat(line)
                .contains("\"country\":\""));
        assertThat(sluice("catalog", "partitions", "analytics.big_orders").out())
                .contains("DE", "JP");

        CliRun again = sluice("submit", job.toString(), "--arg", "YEAR=2025");
        assertThat(again.exitCode()).as(again.err()).isZero();
        List<String> germany = sluice("cat", "analytics.big_orders", "--where", "country = 'DE'")
                .out()
                .lines()
                .skip(1)
                .toList();
        assertThat(germany)
                .as("overwrite replaced the DE partition with the 2025 orders (ids from 1025)")
                .isNotEmpty()
                .allSatisfy(
                        line -> assertThat(Integer.parseInt(line.split(",")[0])).isGreaterThanOrEqualTo(1025));
    }

    @Test
    void modeErrorRefusesAnOutputWithData() throws IOException {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("old.txt"), "data");
        Path job = Files.writeString(
                dir.resolve("j.yaml"),
                """
                name: j
                source: { table: lake.customers }
                output: { path: "%s" }
                """
                        .formatted(out));

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("has data; the job's mode is error");
        assertThat(Files.readString(out.resolve("old.txt"))).isEqualTo("data");
    }

    @Test
    void aReduceJobAggregatesEachGroupOnceAcrossReducers() throws IOException {
        Path out = dir.resolve("out/by_country");
        Path job = Files.writeString(
                dir.resolve("by_country.yaml"),
                """
                name: by_country
                source: { table: lake.sales }
                stages:
                  - map: { select: { country: country, revenue: "qty * price", qty: qty } }
                  - reduce:
                      group_by: [country]
                      aggregate: { orders: "count(*)", items: "sum(qty)", revenue: "sum(revenue)" }
                output: { path: "%s", format: orc, table: analytics.by_country }
                """
                        .formatted(out));

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> expected = expectedByCountry();
        List<String> rows = sluice("cat", "analytics.by_country")
                .out()
                .lines()
                .skip(1)
                .sorted()
                .toList();
        assertThat(rows)
                .containsExactlyElementsOf(expected.entrySet().stream()
                        .map(e -> e.getKey() + "," + e.getValue())
                        .sorted()
                        .toList());
    }

    /** The same aggregation computed here, independently, from the sample CSV files. */
    private static Map<String, String> expectedByCountry() throws IOException {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        Map<String, java.math.BigDecimal> revenue = new java.util.TreeMap<>();
        try (var files = Files.walk(Path.of("testdata/sales"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                for (String line : Files.readAllLines(file)
                        .subList(1, Files.readAllLines(file).size())) {
                    String[] f = line.split(",");
                    int qty = Integer.parseInt(f[4]);
                    long[] c = counts.computeIfAbsent(f[2], k -> new long[2]);
                    c[0]++;
                    c[1] += qty;
                    revenue.merge(
                            f[2],
                            new java.math.BigDecimal(f[5]).multiply(java.math.BigDecimal.valueOf(qty)),
                            java.math.BigDecimal::add);
                }
            }
        }
        Map<String, String> expected = new java.util.TreeMap<>();
        counts.forEach((country, c) -> expected.put(country, c[0] + "," + c[1] + "," + revenue.get(country)));
        return expected;
    }

    @Test
    void aDistinctJobKeepsOneRowPerKey() throws IOException {
        Path job = Files.writeString(
                dir.resolve("tags.yaml"),
                """
                name: tags
                source: { table: lake.events, where: "partition_1 = '01'" }
                stages:
                  - map:
                      flatten: [user]
                      explode: { column: tags, as: tag, outer: true }
                      select: { event_id: event_id, tag: tag, ts: ts, user_country: user_country }
                  - distinct: { on: [event_id, tag], keep: last, order_by: [ts] }
                output: { path: "%s", format: orc, partition_by: [user_country], table: analytics.tags }
                """
                        .formatted(dir.resolve("out/tags")));

        CliRun run = sluice("submit", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows =
                sluice("cat", "analytics.tags").out().lines().skip(1).toList();
        // 30 January events; each gives one row per tag, or one row when it has none: 44 (event, tag) pairs.
        assertThat(rows).hasSize(44);
        assertThat(rows.stream()
                        .map(r -> r.split(",")[0] + "/" + r.split(",")[1])
                        .distinct())
                .hasSize(44);
    }
}
