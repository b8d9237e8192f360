package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void runningIsNotAvailableYetAndSaysSo() {
        CliRun run = sluice("submit", "jobs/daily_revenue.yaml");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("is valid, but running jobs is not available yet")
                .contains("--explain");
    }
}
