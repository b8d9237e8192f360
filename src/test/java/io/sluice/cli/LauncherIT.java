package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        return sluice(Map.of(), args);
    }

    private Result sluice(Map<String, String> environment, String... args) throws IOException, InterruptedException {
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
        builder.environment().putAll(environment);
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
    void aHeapSizedInJavaOptsIsTheOneUsed() throws Exception {
        Result result = sluice(Map.of("JAVA_OPTS", "-Xmx256m"), "--version");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("sluice");
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        Result result = sluice("catalog", "show", "no.such_table");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: database 'no' does not exist");
    }

    @Test
    void demoCrawlsTheSampleLakeRunsEveryExampleJobAndIsRepeatable() throws Exception {
        Result first = sluice("demo");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("created database lake")
                .contains("+ lake.sales  csv, 7 columns, partitioned by year, month (3 new partitions)  created")
                .contains("+ lake.events  json, 6 columns, partitioned by partition_0, partition_1, partition_2")
                .doesNotContain("lake.testdata")
                .contains("out/daily_revenue (parquet, by country, table analytics.daily_revenue)")
                .contains("out/events_flat (orc, by kind, table analytics.events_flat)")
                .contains("out/primary_contacts (json)")
                .contains("out/sales_by_product (csv)")
                .contains("$ sluice cat analytics.daily_revenue --limit 3")
                .contains("day,orders,revenue,biggest_order,country")
                .contains("contact_id,account_id,full_name,account_name,credit_limit");
        List<String> jobs = exampleJobs();
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(5);
        for (String job : jobs) {
            assertThat(first.out()).containsPattern("(?m)^" + job + " +SUCCEEDED +[1-9]");
        }
        assertThat(first.out()).doesNotContain("FAILED");
        assertThat(first.out().lines().count()).as("a short summary").isLessThan(60);
        assertThat(first.err()).as("progress goes to stderr").contains("job 1/1  map 100%");
        assertThat(workDir.resolve("out/big_orders/_SUCCESS")).exists();
        assertThat(workDir.resolve("out/primary_contacts/part-r-00001.json")).exists();
        assertThat(workDir.resolve("out/sales_by_product/part-r-00000.csv")).exists();
        JsonNode runs =
                new ObjectMapper().readTree(sluice("runs", "--json").out()).get("JobRuns");
        assertThat(runs).hasSize(jobs.size());
        assertThat(runs)
                .allSatisfy(run -> assertThat(run.get("JobRunState").asText()).isEqualTo("SUCCEEDED"));

        Result second = sluice("demo");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out())
                .doesNotContain("created database")
                .doesNotContain("+ lake.")
                .contains(
                        "= lake.sales  csv, 7 columns, partitioned by year, month (0 new, 3 unchanged partitions)  unchanged");
        for (String job : jobs) {
            assertThat(second.out()).containsPattern("(?m)^" + job + " +SUCCEEDED +[1-9]");
        }
    }

    private static List<String> exampleJobs() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("jobs"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }
}
