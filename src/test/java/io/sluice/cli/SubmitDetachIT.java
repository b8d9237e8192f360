package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.sqlite.SqliteRunStore;
import io.sluice.runs.Run;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunState;
import io.sluice.runs.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice submit --detach}: the job is checked here and runs in a background process of its own (a second JVM
 * with this one's class path), which finishes the run this command recorded.
 */
class SubmitDetachIT {
    private static final Pattern STARTED = Pattern.compile(
            "run (jr_[0-9a-f]{32}) of job big_orders runs in the background \\(process (\\d+)\\); log: (.+)");
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path catalogDir;

    @TempDir
    Path dir;

    private long childPid;

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

    @AfterEach
    void stopTheChildOfAFailedTest() {
        if (childPid > 0) {
            ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroy);
        }
    }

    private Path job(String filter) throws IOException {
        return Files.writeString(
                dir.resolve("big_orders.yaml"),
                """
                name: big_orders
                arguments: { YEAR: }
                source: { table: lake.sales, where: "year = '${YEAR}'" }
                stages:
                  - map:
                      filter: "%s"
                      select: { order_id: order_id, country: country, revenue: "qty * price" }
                output: { path: "%s", partition_by: [country], mode: overwrite, table: analytics.big_orders }
                """
                        .formatted(filter, dir.resolve("out/big_orders")));
    }

    @Test
    void aDetachedJobRunsInABackgroundProcessThatFinishesItsRun() throws Exception {
        CliRun submit = sluice("submit", job("qty >= 5").toString(), "--arg", "YEAR=2024", "--detach");

        assertThat(submit.exitCode()).as(submit.err()).isZero();
        Matcher started = STARTED.matcher(submit.out());
        assertThat(started.find()).as(submit.out()).isTrue();
        String id = started.group(1);
        childPid = Long.parseLong(started.group(2));
        Path log = Path.of(started.group(3));
        assertThat(log).isEqualTo(catalogDir.resolve("logs/" + id + ".log").toAbsolutePath());
        assertThat(submit.out()).contains("follow it with: sluice runs show " + id);
        assertThat(childPid).isNotEqualTo(ProcessHandle.current().pid());

        Run run = awaitEnd(id);
        // The summary is printed after the run is recorded: read the log once the process is gone.
        ProcessHandle.of(childPid).ifPresent(child -> child.onExit().join());

        String output = Files.readString(log);
        assertThat(run.state()).as(output).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.request().arguments()).containsEntry("YEAR", "2024");
        assertThat(run.owner()).as("the background process ran it").hasValueSatisfying(owner -> assertThat(owner)
                .startsWith(childPid + "@"));
        assertThat(run.counter(RunCounters.ROWS_READ)).isEqualTo(24);
        assertThat(run.counter(RunCounters.ROWS_WRITTEN)).isEqualTo(6);
        assertThat(output)
                .contains("job big_orders succeeded: 24 rows read, 6 written, 0 bad records")
                .contains("run " + id + " SUCCEEDED in ");
        assertThat(dir.resolve("out/big_orders/_SUCCESS")).exists();
        CliRun table = sluice("cat", "analytics.big_orders", "--format", "json");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines()).hasSize(6);
        CliRun show = sluice("runs", "show", id);
        assertThat(show.out()).contains("SUCCEEDED");
    }

    @Test
    void anInvalidJobIsReportedAtOnceAndNothingStarts() throws IOException {
        CliRun submit = sluice("submit", job("qyt >= 5").toString(), "--arg", "YEAR=2024", "--detach");

        assertThat(submit.exitCode()).isEqualTo(2);
        assertThat(submit.err()).contains("big_orders.yaml:6").contains("unknown column 'qyt'");
        assertThat(submit.out()).isEmpty();
        assertThat(catalogDir.resolve("logs")).doesNotExist();
        try (RunStore runs = SqliteRunStore.open(catalogDir)) {
            List<Run> all = runs.list(RunFilter.all());
            assertThat(all).hasSize(1);
            assertThat(all.get(0).state()).isEqualTo(RunState.FAILED);
            assertThat(all.get(0).errorMessage())
                    .hasValueSatisfying(e -> assertThat(e).contains("'qyt'"));
        }
    }

    @Test
    void explainDoesNotGoWithDetach() throws IOException {
        CliRun submit = sluice("submit", job("qty >= 5").toString(), "--explain", "--detach");

        assertThat(submit.exitCode()).isEqualTo(2);
        assertThat(submit.err()).contains("--explain runs nothing");
    }

    /** Polls the run history until the run ends, for at most {@link #PATIENCE}. */
    private Run awaitEnd(String id) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        try (RunStore runs = SqliteRunStore.open(catalogDir)) {
            while (true) {
                Run run = runs.get(id).orElseThrow();
                if (run.state().isTerminal() || System.nanoTime() - end > 0) {
                    return run;
                }
                Thread.sleep(200);
            }
        }
    }
}
