package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code bin/sluice} launcher, as a user would, from a directory outside the checkout. */
class LauncherIT {
    private static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    Path workDir;

    record Result(int exitCode, String out, String err) {}

    private Result sluice(String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(
                        Stream.of(HOME.resolve("bin/sluice").toString()), Stream.of(args))
                .toList();
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("SLUICE_CATALOG", workDir.resolve("catalog").toString());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("sluice finished").isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpAndEmptyCatalogFromAnotherDirectory() throws Exception {
        Result help = sluice("--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: sluice");

        Result databases = sluice("catalog", "databases", "--json");
        assertThat(databases.exitCode()).as(databases.err()).isZero();
        assertThat(new ObjectMapper().readTree(databases.out()).get("DatabaseList"))
                .isEmpty();
        assertThat(workDir.resolve("catalog/catalog.db")).exists();
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        Result result = sluice("catalog", "show", "no.such_table");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: database 'no' does not exist");
    }

    @Test
    void demoCrawlsTheSampleLakeAndIsRepeatable() throws Exception {
        Result first = sluice("demo");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("created database lake")
                .contains("+ lake.sales  csv, 7 columns, partitioned by year, month (3 new partitions)  created")
                .contains("+ lake.events  json, 6 columns, partitioned by partition_0, partition_1, partition_2")
                .contains("$ sluice catalog partitions lake.sales --where \"year = '2025'\"")
                .contains("CREATE EXTERNAL TABLE `lake`.`events`")
                .contains("ALTER TABLE `lake`.`events` ADD IF NOT EXISTS")
                .contains("$ sluice cat lake.sales --where \"year = '2025'\" --limit 3")
                .contains("order_id,order_ts,country,product,qty,price,discount,year,month")
                .contains(
                        "= lake.sales  csv, 7 columns, partitioned by year, month (0 new, 3 unchanged partitions)  unchanged")
                .doesNotContain("lake.testdata")
                .contains("job daily_revenue: 1 MapReduce job")
                .contains("job daily_revenue succeeded: 24 rows read, 24 written, 0 bad records")
                .contains("day,orders,revenue,biggest_order,country")
                .contains("job big_orders succeeded: 36 rows read, 15 written, 0 bad records")
                .contains("order_id,ordered_on,product,revenue,country")
                .contains("$ sluice runs --limit 2")
                .containsPattern("jr_[0-9a-f]{32}  big_orders     SUCCEEDED  ")
                .containsPattern("jr_[0-9a-f]{32}  daily_revenue  SUCCEEDED  ");
        assertThat(first.err()).as("progress goes to stderr").contains("job 1/1  map 100%");
        assertThat(workDir.resolve("out/big_orders/_SUCCESS")).exists();
        assertThat(first.out().lines().filter(l -> l.startsWith("version ")))
                .containsExactly(first.out()
                        .lines()
                        .filter(l -> l.startsWith("version 1 "))
                        .findFirst()
                        .orElseThrow());

        Result second = sluice("demo");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain("created database").doesNotContain("+ lake.");
    }
}
