package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code sluice submit} is a run of the history: its progress, summary, outcome, counters and error. */
class SubmitRunHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Orders with more than 5 items overflow: 14 of the 36 sample orders. */
    private static final String OVERFLOW_SOME = "CASE WHEN qty > 5 THEN order_id * 2000000000 ELSE order_id END";

    @TempDir
    Path catalogDir;

    @TempDir
    Path dir;

    private CliRun sluice(String... args) {
        List<String> all = new ArrayList<>(List.of("--catalog", catalogDir.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
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

    private Path job(String name, String maxBadRecords, String big) throws IOException {
        return Files.writeString(
                dir.resolve(name + ".yaml"),
                """
                name: %s
                source: { table: lake.sales, where: "year >= '${FROM}'" }
                arguments: { FROM: "2024" }
                max_bad_records: %s
                stages:
                  - map: { select: { order_id: order_id, big: "%s" } }
                output: { path: "%s", mode: overwrite, table: analytics.%s }
                """
                        .formatted(name, maxBadRecords, big, dir.resolve("out/" + name), name));
    }

    @Test
    void aSuccessfulRunIsRecordedWithItsCountersAndWhereItsBadRecordsAre() throws Exception {
        Path job = job("some_bad", "100", OVERFLOW_SOME);

        CliRun submit = sluice("submit", job.toString(), "--arg", "FROM=2024");

        assertThat(submit.exitCode()).as(submit.err()).isZero();
        Path errors = dir.resolve("out/some_bad/_errors");
        assertThat(submit.out())
                .contains("job some_bad succeeded: 36 rows read, 22 written, 14 bad records (in file:" + errors
                        + "/); output at file:" + dir.resolve("out/some_bad") + ", table analytics.some_bad")
                .containsPattern("run (jr_[0-9a-f]{32}) SUCCEEDED in \\d+\\.\\ds; details: sluice runs show jr_");
        assertThat(submit.err()).contains("job 1/1  map 100%  rows in 36  out 22  bad 14");
        try (Stream<Path> files = Files.list(errors)) {
            assertThat(files.flatMap(SubmitRunHistoryTest::lines)).hasSize(14);
        }

        JsonNode run = onlyRun();
        assertThat(submit.out()).contains("run " + run.get("Id").asText() + " SUCCEEDED");
        assertThat(run.get("JobName").asText()).isEqualTo("some_bad");
        assertThat(run.get("JobRunState").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("TriggerName").asText()).isEqualTo("manual");
        assertThat(run.get("Attempt").asInt()).isZero();
        assertThat(run.get("Arguments").get("FROM").asText()).isEqualTo("2024");
        assertThat(run.has("CompletedOn")).isTrue();
        assertThat(run.has("ErrorMessage")).isFalse();
        JsonNode sluice = run.get("Sluice");
        assertThat(sluice.get("RowsRead").asLong()).isEqualTo(36);
        assertThat(sluice.get("RowsWritten").asLong()).isEqualTo(22);
        assertThat(sluice.get("BadRecords").asLong()).isEqualTo(14);
        assertThat(sluice.get("BadRecordsLocation").asText()).isEqualTo("file:" + errors + "/");
        assertThat(sluice.get("OutputTable").asText()).isEqualTo("analytics.some_bad");
        assertThat(sluice.get("DefinitionFile").asText()).isEqualTo(job.toString());
        assertThat(sluice.get("Counters").get("hadoop.MAP_INPUT_RECORDS").asLong())
                .isEqualTo(36);
        assertThat(sluice.get("Counters").get("hadoop.MAP_OUTPUT_RECORDS").asLong())
                .isEqualTo(22);
    }

    @Test
    void aFailedRunIsRecordedWithItsError() throws Exception {
        Path job = job("overflowing", "3", "order_id * 2000000000");

        CliRun submit = sluice("submit", job.toString());

        assertThat(submit.exitCode()).isEqualTo(1);
        assertThat(submit.out()).isEmpty();
        assertThat(submit.err())
                .containsPattern("run jr_[0-9a-f]{32} FAILED after \\d+\\.\\ds: \\d+ rows read, \\d+ bad records;"
                        + " details: sluice runs show jr_")
                .containsPattern("error: job overflowing failed in MapReduce job 1 of 1 \\(\\d+ rows read, \\d+"
                        + " bad records\\): more than max_bad_records \\(3\\) bad records: 4 in this task; the last:"
                        + " row \\[.*]: expression \"order_id \\* 2000000000\": int overflow");
        JsonNode run = onlyRun();
        assertThat(run.get("JobRunState").asText()).isEqualTo("FAILED");
        assertThat(run.get("ErrorMessage").asText())
                .startsWith("job overflowing failed in MapReduce job 1 of 1 (")
                .contains("more than max_bad_records (3) bad records: 4 in this task")
                .doesNotContain(": NA");
        assertThat(run.get("Sluice").get("BadRecords").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(run.get("Sluice").get("RowsRead").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(sluice("runs", "show", run.get("Id").asText()).out())
                .contains("more than max_bad_records (3) bad records: 4 in this task");
        assertThat(run.has("StartedOn")).isTrue();
        assertThat(run.has("CompletedOn")).isTrue();
        assertThat(run.get("Sluice").get("Counters").has("rows.read")).isTrue();
        assertThat(run.get("Sluice").get("RowsWritten").asLong()).isZero();
        assertThat(sluice("runs", "--state", "FAILED").out()).contains("overflowing", "job overflowing failed");
    }

    @Test
    void theBadRecordLimitCountsTheRecordsOfAllTasks() throws Exception {
        Path job = job("over_all", "10", OVERFLOW_SOME);

        CliRun submit = sluice("submit", job.toString());

        assertThat(submit.exitCode()).isEqualTo(1);
        assertThat(submit.err()).contains("more than max_bad_records (10) bad records");
        assertThat(onlyRun().get("ErrorMessage").asText()).contains("more than max_bad_records (10) bad records");
    }

    @Test
    void aTaskThatCannotReadItsInputNamesTheFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.parquet"), "not parquet at all, just text");
        Path job = Files.writeString(
                dir.resolve("broken.yaml"),
                """
                name: broken
                source: { path: "%s", format: parquet, schema: "id int" }
                output: { path: "%s" }
                """
                        .formatted(broken, dir.resolve("out/broken")));

        CliRun submit = sluice("submit", job.toString());

        assertThat(submit.exitCode()).isEqualTo(1);
        String error = onlyRun().get("ErrorMessage").asText();
        assertThat(error).startsWith("job broken failed in MapReduce job 1 of 1 (0 rows read, 0 bad records): ");
        assertThat(error).contains("broken.parquet").doesNotContain(": NA");
        assertThat(submit.err()).contains(error);
    }

    @Test
    void aRunRefusedBeforeMapReduceStartsIsRecordedFailedToo() throws IOException {
        Path job = job("taken", "0", "order_id");
        Files.createDirectories(dir.resolve("out/taken"));
        Files.writeString(
                job,
                Files.readString(job).replace("mode: overwrite", "mode: error"),
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(dir.resolve("out/taken/old.txt"), "data");

        CliRun submit = sluice("submit", job.toString());

        assertThat(submit.exitCode()).isEqualTo(2);
        JsonNode run = onlyRun();
        assertThat(run.get("JobRunState").asText()).isEqualTo("FAILED");
        assertThat(run.get("ErrorMessage").asText()).contains("has data; the job's mode is error");
        assertThat(run.get("Sluice").get("Counters")).isEmpty();
    }

    @Test
    void explainRecordsNoRun() throws Exception {
        assertThat(sluice("submit", "jobs/daily_revenue.yaml", "--explain").exitCode())
                .isZero();

        assertThat(JSON.readTree(sluice("runs", "--json").out()).get("JobRuns")).isEmpty();
    }

    private JsonNode onlyRun() throws IOException {
        CliRun runs = sluice("runs", "--json");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        JsonNode list = JSON.readTree(runs.out()).get("JobRuns");
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
