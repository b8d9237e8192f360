package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.sqlite.SqliteRunStore;
import io.sluice.runs.Run;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunKind;
import io.sluice.runs.RunState;
import io.sluice.runs.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real scheduler process over the example definitions: {@code crawler/lake.yaml} (on demand), then {@code
 * jobs/big_orders.yaml} after it, then {@code jobs/daily_revenue.yaml} after that, each in a child process. The copy of
 * daily_revenue gets one stage more, a row function whose first row is a bad record, no bad records tolerated and a
 * shorter retry delay: it fails
 * once and succeeds on its retry. The run history tells the story; a SIGTERM stops the scheduler cleanly.
 */
class SchedulerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path work;

    private Process scheduler;

    @AfterEach
    void stopTheSchedulerOfAFailedTest() {
        if (scheduler != null && scheduler.isAlive()) {
            scheduler.descendants().forEach(ProcessHandle::destroy);
            scheduler.destroyForcibly();
        }
    }

    private Path catalog() {
        return work.resolve("catalog");
    }

    private CliRun sluice(String... args) {
        List<String> all = new ArrayList<>(List.of("--catalog", catalog().toString()));
        all.addAll(List.of(args));
        all.addAll(List.of(
                "--jobs",
                work.resolve("jobs").toString(),
                "--crawlers",
                work.resolve("crawler").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private void examples() throws IOException {
        Files.createDirectories(work.resolve("jobs"));
        Files.createDirectories(work.resolve("crawler"));
        Files.createSymbolicLink(work.resolve("testdata"), Path.of("testdata").toAbsolutePath());
        Files.copy(Path.of("crawler/lake.yaml"), work.resolve("crawler/lake.yaml"));
        Files.copy(Path.of("jobs/daily_revenue.yaml"), work.resolve("jobs/daily_revenue.yaml"));
        String bigOrders = Files.readString(Path.of("jobs/big_orders.yaml"));
        assertThat(bigOrders).contains("stages:\n  - map:\n").contains("retry_delay: 10s");
        Path marker = work.resolve("failed-once");
        bigOrders = bigOrders
                .replace(
                        "stages:\n  - map:\n",
                        "stages:\n  - map:\n      function: { class: io.sluice.cli.FailOnceRows, options: { marker: \""
                                + marker + "\" } }\n")
                .replace("retry_delay: 10s", "retry_delay: 1s");
        Files.writeString(work.resolve("jobs/big_orders.yaml"), bigOrders);
    }

    @Test
    void aCrawlThenTwoJobsOneRetriedRunAsAWorkflowAndTheHistoryTellsIt() throws Exception {
        examples();
        Path log = work.resolve("scheduler.log");
        scheduler = new ProcessBuilder(BackgroundProcess.javaCommand(List.of(
                        "--catalog",
                        catalog().toString(),
                        "scheduler",
                        "start",
                        "--jobs",
                        "jobs",
                        "--crawlers",
                        "crawler")))
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        waitFor(() -> Files.readString(log).contains("scheduler started"), log);

        CliRun fire = sluice("trigger", "fire", "refresh_lake");
        assertThat(fire.exitCode()).as(fire.err()).isZero();
        assertThat(fire.out()).startsWith("trigger refresh_lake: fired: run wr_");

        waitFor(() -> workflowEnded(), log);
        List<Run> runs;
        try (RunStore history = SqliteRunStore.open(catalog())) {
            runs = history.list(RunFilter.all().fromOldest());
        }
        Run workflow = runs.get(0);
        assertThat(workflow.kind()).isEqualTo(RunKind.WORKFLOW);
        assertThat(workflow.state()).as(Files.readString(log)).isEqualTo(RunState.SUCCEEDED);
        assertThat(runs.subList(1, runs.size()))
                .extracting(
                        Run::name, Run::state, Run::attempt, r -> r.request().trigger())
                .containsExactly(
                        tuple("lake", RunState.SUCCEEDED, 0, "refresh_lake"),
                        tuple("big_orders", RunState.FAILED, 0, "big_orders-after"),
                        tuple("big_orders", RunState.SUCCEEDED, 1, "big_orders-after"),
                        tuple("daily_revenue", RunState.SUCCEEDED, 0, "daily_revenue-after"));
        assertThat(runs).allSatisfy(r -> assertThat(r.request().workflowRunId().orElse(r.id()))
                .isEqualTo(workflow.id()));
        Run crawl = runs.get(1);
        Run failed = runs.get(2);
        Run retry = runs.get(3);
        Run daily = runs.get(4);
        assertThat(crawl.kind()).isEqualTo(RunKind.CRAWLER);
        assertThat(crawl.counter("files.found")).isPositive();
        assertThat(retry.request().previousRunId()).contains(failed.id());
        assertThat(failed.errorMessage()).isPresent();
        assertThat(failed.counter(RunCounters.BAD_RECORDS)).isEqualTo(1);
        assertThat(retry.counter(RunCounters.ROWS_WRITTEN)).isPositive();
        assertThat(Duration.between(
                        failed.completedOn().orElseThrow(), retry.startedOn().orElseThrow()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(daily.request().arguments()).containsEntry("YEAR", "2024"); // the workflow's run property
        assertThat(daily.startedOn().orElseThrow())
                .isAfterOrEqualTo(retry.completedOn().orElseThrow());
        assertThat(Files.readString(log))
                .contains("trigger big_orders-after fired: ALL of its conditions hold in workflow run " + workflow.id())
                .contains("trigger daily_revenue-after fired: ALL of its conditions hold in workflow run "
                        + workflow.id())
                .contains("retry 1 of 2 is run " + retry.id());

        CliRun history = CliRun.of("--catalog", catalog().toString(), "runs", "--json", "--job", "daily_revenue");
        assertThat(history.exitCode()).as(history.err()).isZero();
        JsonNode jobRuns = JSON.readTree(history.out()).get("JobRuns");
        assertThat(jobRuns).hasSize(1);
        assertThat(jobRuns.get(0).get("TriggerName").asText()).isEqualTo("daily_revenue-after");
        assertThat(jobRuns.get(0).get("JobRunState").asText()).isEqualTo("SUCCEEDED");

        CliRun show = sluice("workflow", "show", "refresh_lake");
        assertThat(show.out()).contains("3. job daily_revenue  after ALL of job big_orders SUCCEEDED");

        scheduler.destroy(); // SIGTERM, as Ctrl-C
        assertThat(scheduler.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("scheduler stopped");
        CliRun status = CliRun.of("--catalog", catalog().toString(), "scheduler", "status");
        assertThat(status.out())
                .startsWith("scheduler: not running (last: process ")
                .contains("stopped");
    }

    private boolean workflowEnded() {
        try (RunStore history = SqliteRunStore.open(catalog())) {
            return history.list(RunFilter.all().kind(RunKind.WORKFLOW)).stream()
                    .anyMatch(r -> r.state().isTerminal());
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private void waitFor(Check check, Path log) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            if (check.holds()) {
                return;
            }
            assertThat(scheduler.isAlive())
                    .as("the scheduler died: " + Files.readString(log))
                    .isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("gave up waiting after " + PATIENCE + "; scheduler log:\n" + Files.readString(log));
    }
}
