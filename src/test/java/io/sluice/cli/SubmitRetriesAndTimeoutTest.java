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

/** {@code sluice submit} honours a job's {@code retries}, {@code retry_delay} and {@code timeout}. */
class SubmitRetriesAndTimeoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** A map-only job over the sample sales through a row function of this package, with {@code extra} fields. */
    private Path job(String name, String function, String options, String extra) throws IOException {
        return Files.writeString(
                dir.resolve(name + ".yaml"),
                """
                name: %s
                source: lake.sales
                stages:
                  - map:
                      select: [order_id, country, qty]
                      function: { class: io.sluice.cli.%s, options: { %s } }
                output: { path: "%s", mode: overwrite, table: analytics.%s }
                %s
                """
                        .formatted(name, function, options, dir.resolve("out/" + name), name, extra));
    }

    private List<JsonNode> runsOldestFirst() throws IOException {
        CliRun runs = sluice("runs", "--json", "--limit", "0");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(runs.out()).get("JobRuns").forEach(run -> list.add(0, run));
        return list;
    }

    @Test
    void aFailedRunIsRetriedAsANewRunThatNamesTheOneBefore() throws IOException {
        Path marker = dir.resolve("failed-once");
        Path job = job("flaky", "FailOnceRows", "marker: \"" + marker + "\"", "retries: 2\nretry_delay: 0s");

        CliRun submit = sluice("submit", job.toString());

        assertThat(submit.exitCode()).as(submit.err()).isZero();
        assertThat(marker).exists();
        List<JsonNode> runs = runsOldestFirst();
        assertThat(runs).hasSize(2);
        JsonNode first = runs.get(0);
        JsonNode retry = runs.get(1);
        assertThat(first.get("JobRunState").asText()).isEqualTo("FAILED");
        assertThat(first.get("Attempt").asInt()).isZero();
        assertThat(first.has("PreviousRunId")).isFalse();
        assertThat(retry.get("JobRunState").asText()).isEqualTo("SUCCEEDED");
        assertThat(retry.get("Attempt").asInt()).isEqualTo(1);
        assertThat(retry.get("PreviousRunId").asText())
                .isEqualTo(first.get("Id").asText());
        assertThat(retry.get("Sluice").get("RowsWritten").asLong()).isEqualTo(36);
        String firstId = first.get("Id").asText();
        String retryId = retry.get("Id").asText();
        assertThat(submit.err())
                .contains("attempt 1 of 3: run " + firstId)
                .containsPattern("run " + firstId + " FAILED after \\d+\\.\\ds \\(attempt 1 of 3\\): ")
                .contains("run " + firstId + " failed; retrying in 0.0s as run " + retryId + " (attempt 2 of 3)")
                .contains("attempt 2 of 3: run " + retryId + ", retry of " + firstId);
        assertThat(submit.out())
                .contains("job flaky succeeded: 36 rows read, 36 written, 0 bad records")
                .containsPattern("run " + retryId + " SUCCEEDED in \\d+\\.\\ds \\(attempt 2 of 3\\); details: ");
        assertThat(sluice("cat", "analytics.flaky", "--format", "json").out().lines())
                .hasSize(36);
    }

    @Test
    void anInvalidJobIsNotRetried() throws IOException {
        Path job = Files.writeString(
                dir.resolve("typo.yaml"),
                """
                name: typo
                source: lake.sales
                stages:
                  - map: { filter: "qyt > 1" }
                output: { path: "%s" }
                retries: 3
                retry_delay: 0s
                """
                        .formatted(dir.resolve("out/typo")));

        CliRun submit = sluice("submit", job.toString());

        assertThat(submit.exitCode()).isEqualTo(2);
        assertThat(submit.err()).contains("unknown column 'qyt'").doesNotContain("retrying");
        List<JsonNode> runs = runsOldestFirst();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("JobRunState").asText()).isEqualTo("FAILED");
    }

    @Test
    void aRunLongerThanItsTimeoutIsKilledRecordedTimeoutAndNotRetried() throws IOException {
        // 36 rows of 500 ms each in two task slots take 9 s or more; the timeout is 1 s.
        Path job = job("slow", "SlowRows", "millis: \"500\"", "timeout: 1s\nretries: 2\nretry_delay: 0s");

        long start = System.nanoTime();
        CliRun submit = sluice("submit", job.toString());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(submit.exitCode()).as(submit.err()).isEqualTo(1);
        assertThat(submit.err())
                .containsPattern("run jr_[0-9a-f]{32} TIMEOUT after \\d+\\.\\ds \\(attempt 1 of 3\\)")
                .contains("error: job slow timed out: it ran longer than its timeout of 1s and was stopped")
                .doesNotContain("retrying");
        assertThat(seconds).as("the MapReduce job was killed, not waited for").isLessThan(7);
        List<JsonNode> runs = runsOldestFirst();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("JobRunState").asText()).isEqualTo("TIMEOUT");
        assertThat(runs.get(0).get("ErrorMessage").asText()).startsWith("job slow timed out");
        assertThat(runs.get(0).get("Sluice").get("RowsWritten").asLong()).isZero();
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertThat(left)
                    .as("no output, staging or intermediate folder left")
                    .isEmpty();
        }
        assertThat(sluice("catalog", "show", "analytics.slow").exitCode())
                .as("no table registered")
                .isEqualTo(2);
    }
}
