package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.ManualClock;
import io.sluice.catalog.sqlite.SqliteRunStore;
import io.sluice.runs.Run;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunOutcome;
import io.sluice.runs.RunRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice runs} and {@code sluice runs show} over a run history recorded at known times. */
class RunsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path catalogDir;

    private Run daily;
    private Run failed;
    private Run running;

    @BeforeEach
    void recordRuns() {
        ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
        try (SqliteRunStore runs = SqliteRunStore.open(catalogDir, clock)) {
            Run first = runs.startNow(RunRequest.job("daily_revenue")
                    .definitionFile("/lake/jobs/daily_revenue.yaml")
                    .arguments(Map.of("YEAR", "2025"))
                    .output("file:/lake/out/daily_revenue")
                    .outputTable("analytics.daily_revenue")
                    .build());
            clock.advance(Duration.ofSeconds(42));
            daily = runs.finish(
                    first.id(),
                    RunOutcome.succeeded(Map.of(
                            RunCounters.ROWS_READ,
                            1_234_567L,
                            RunCounters.ROWS_WRITTEN,
                            24L,
                            RunCounters.BAD_RECORDS,
                            0L,
                            "hadoop.SPILLED_RECORDS",
                            48L)));
            clock.advance(Duration.ofMinutes(5));
            Run second = runs.startNow(RunRequest.job("big_orders")
                    .output("file:/lake/out/big_orders")
                    .build());
            clock.advance(Duration.ofMillis(1500));
            failed = runs.finish(
                    second.id(),
                    RunOutcome.failed(
                            "job big_orders failed: more than 3 bad records (max_bad_records); the last: row [1028,"
                                    + " FR, sprocket]: int overflow",
                            Map.of(RunCounters.ROWS_READ, 10L, RunCounters.BAD_RECORDS, 4L)));
            clock.advance(Duration.ofMinutes(5));
            running = runs.startNow(RunRequest.job("daily_revenue").build());
        }
    }

    private CliRun sluice(String... args) {
        List<String> all = new ArrayList<>(List.of("--catalog", catalogDir.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void listsRunsNewestFirstAsATable() {
        CliRun run = sluice("runs");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("ID +JOB +STATE +STARTED +DURATION +ROWS IN +ROWS OUT +BAD +ERROR");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(running.id()).contains("daily_revenue", "RUNNING", "2025-03-01 10:10:43Z");
        assertThat(lines.get(2))
                .startsWith(failed.id())
                .contains("big_orders", "FAILED", "2025-03-01 10:05:42Z", "1.5s", " 10 ", " 4 ")
                .contains("job big_orders failed: more than 3 bad records (max_bad_r...")
                .doesNotContain("overflow");
        assertThat(lines.get(3))
                .startsWith(daily.id())
                .contains("daily_revenue", "SUCCEEDED", "2025-03-01 10:00:00Z", "42.0s", "1,234,567", " 24 ");
    }

    @Test
    void filtersByJobStateAndLimit() {
        assertThat(ids(sluice("runs", "--job", "daily_revenue"))).containsExactly(running.id(), daily.id());
        assertThat(ids(sluice("runs", "--state", "failed"))).containsExactly(failed.id());
        assertThat(ids(sluice("runs", "--job", "daily_revenue", "--state", "SUCCEEDED")))
                .containsExactly(daily.id());
        assertThat(ids(sluice("runs", "--limit", "2"))).containsExactly(running.id(), failed.id());
        assertThat(ids(sluice("runs", "--limit", "0"))).hasSize(3);
        assertThat(ids(sluice("runs", "--job", "nobody"))).isEmpty();
        assertThat(ids(sluice("runs", "--job", "show")))
                .as("a job may be named like a subcommand")
                .isEmpty();
    }

    @Test
    void refusesAnUnknownStateOrANegativeLimit() {
        CliRun state = sluice("runs", "--state", "DONE");
        assertThat(state.exitCode()).isEqualTo(2);
        assertThat(state.err()).contains("--state", "WAITING, RUNNING, SUCCEEDED, FAILED, TIMEOUT, STOPPED");

        CliRun limit = sluice("runs", "--limit", "-1");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit must be 0 (for all) or more, got -1");
    }

    @Test
    void listsRunsAsGlueJobRuns() throws Exception {
        CliRun run = sluice("runs", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode runs = JSON.readTree(run.out()).get("JobRuns");
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0).get("JobRunState").asText()).isEqualTo("RUNNING");
        assertThat(runs.get(0).has("CompletedOn")).isFalse();
        JsonNode daily = runs.get(2);
        assertThat(daily.get("Id").asText()).isEqualTo(this.daily.id());
        assertThat(daily.get("JobName").asText()).isEqualTo("daily_revenue");
        assertThat(daily.get("Attempt").asInt()).isZero();
        assertThat(daily.get("TriggerName").asText()).isEqualTo("manual");
        assertThat(daily.get("JobRunState").asText()).isEqualTo("SUCCEEDED");
        assertThat(daily.get("StartedOn").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(daily.get("CompletedOn").asText()).isEqualTo("2025-03-01T10:00:42Z");
        assertThat(daily.get("ExecutionTime").asInt()).isEqualTo(42);
        assertThat(daily.get("Arguments").get("YEAR").asText()).isEqualTo("2025");
        assertThat(daily.has("ErrorMessage")).isFalse();
        JsonNode sluice = daily.get("Sluice");
        assertThat(sluice.get("Kind").asText()).isEqualTo("JOB");
        assertThat(sluice.get("RowsRead").asLong()).isEqualTo(1_234_567);
        assertThat(sluice.get("RowsWritten").asLong()).isEqualTo(24);
        assertThat(sluice.get("OutputLocation").asText()).isEqualTo("file:/lake/out/daily_revenue");
        assertThat(sluice.get("OutputTable").asText()).isEqualTo("analytics.daily_revenue");
        assertThat(sluice.get("DefinitionFile").asText()).isEqualTo("/lake/jobs/daily_revenue.yaml");
        assertThat(sluice.get("Counters").get("hadoop.SPILLED_RECORDS").asLong())
                .isEqualTo(48);
        assertThat(sluice.has("BadRecordsLocation")).isFalse();

        JsonNode empty =
                JSON.readTree(sluice("runs", "--job", "nobody", "--json").out());
        assertThat(empty.get("JobRuns")).isEmpty();
    }

    @Test
    void showsOneRun() {
        CliRun run = sluice("runs", "show", failed.id());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .contains(
                        "Run             " + failed.id(),
                        "Job             big_orders",
                        "State           FAILED",
                        "Attempt         0",
                        "Trigger         manual",
                        "Started         2025-03-01 10:05:42Z",
                        "Completed       2025-03-01 10:05:43Z",
                        "Duration        1.5s",
                        "Rows read       10",
                        "Bad records     4",
                        "Bad records in  file:/lake/out/big_orders/_errors/",
                        "Output          file:/lake/out/big_orders",
                        "Error           job big_orders failed: more than 3 bad records (max_bad_records); the last:"
                                + " row [1028, FR, sprocket]: int overflow",
                        "COUNTER      VALUE",
                        "bad.records  4");
    }

    @Test
    void showsOneRunAsAGlueJobRun() throws Exception {
        CliRun run = sluice("runs", "show", failed.id(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode jobRun = JSON.readTree(run.out()).get("JobRun");
        assertThat(jobRun.get("Id").asText()).isEqualTo(failed.id());
        assertThat(jobRun.get("JobRunState").asText()).isEqualTo("FAILED");
        assertThat(jobRun.get("ErrorMessage").asText()).startsWith("job big_orders failed: more than 3 bad records");
        assertThat(jobRun.get("ExecutionTime").asInt()).isEqualTo(1);
        assertThat(jobRun.get("Sluice").get("BadRecords").asLong()).isEqualTo(4);
        assertThat(jobRun.get("Sluice").get("BadRecordsLocation").asText())
                .isEqualTo("file:/lake/out/big_orders/_errors/");
    }

    @Test
    void anUnknownRunIsNotFoundInOneLine() {
        for (CliRun run : List.of(sluice("runs", "show", "jr_nope"), sluice("runs", "show", "jr_nope", "--json"))) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err())
                    .isEqualTo("error: run jr_nope does not exist (see 'sluice runs')" + System.lineSeparator());
        }
    }

    private static List<String> ids(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().skip(1).map(line -> line.split(" ")[0]).toList();
    }
}
