package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.sqlite.SqliteRunStore;
import io.sluice.runs.Run;
import io.sluice.runs.RunRequest;
import io.sluice.runs.RunStore;
import io.sluice.runtime.mr.JobProgress;
import io.sluice.runtime.mr.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run counts over the MapReduce jobs of its plan, and how often that reaches the run history. */
class RunTrackerTest {
    @TempDir
    Path catalogDir;

    private final AtomicLong nanos = new AtomicLong();
    private final List<JobProgress> shown = new ArrayList<>();

    private static JobProgress job(int job, long in, long out, long bad, Map<String, Long> counters) {
        return new JobProgress(job, 2, false, 1f, 1f, in, out, bad, counters, true);
    }

    @Test
    void countsRowsReadByTheFirstJobWrittenByTheLastAndSumsTheRest() {
        try (RunStore runs = SqliteRunStore.open(catalogDir)) {
            Run run = runs.startNow(RunRequest.job("two_steps").build());
            RunTracker tracker = new RunTracker(runs, run.id(), shown::add, nanos::get);

            assertThat(tracker.counters()).isEmpty();
            tracker.progress(job(1, 5, 1, 0, Map.of("SPILLED_RECORDS", 1L)));
            tracker.progress(job(1, 100, 10, 2, Map.of("SPILLED_RECORDS", 20L, "MAP_INPUT_RECORDS", 100L)));
            tracker.progress(job(2, 10, 3, 1, Map.of("SPILLED_RECORDS", 6L, "MAP_INPUT_RECORDS", 10L)));

            assertThat(shown).hasSize(3);
            assertThat(tracker.counters())
                    .isEqualTo(Map.of(
                            "rows.read", 100L,
                            "rows.written", 3L,
                            "bad.records", 3L,
                            "hadoop.SPILLED_RECORDS", 26L,
                            "hadoop.MAP_INPUT_RECORDS", 110L));
        }
    }

    @Test
    void recordsCountersInTheHistoryEveryFewSeconds() {
        try (RunStore runs = SqliteRunStore.open(catalogDir)) {
            Run run = runs.startNow(RunRequest.job("slow").build());
            RunTracker tracker = new RunTracker(runs, run.id(), ProgressListener.NONE, nanos::get);

            tracker.progress(job(1, 5, 0, 0, Map.of()));
            assertThat(runs.get(run.id()).orElseThrow().counters()).isEmpty();

            nanos.addAndGet(
                    RunTracker.RECORD_INTERVAL.plus(Duration.ofMillis(1)).toNanos());
            tracker.progress(job(1, 50, 0, 0, Map.of()));
            assertThat(runs.get(run.id()).orElseThrow().counter("rows.read")).isEqualTo(50);

            tracker.progress(job(1, 70, 0, 0, Map.of()));
            assertThat(runs.get(run.id()).orElseThrow().counter("rows.read"))
                    .as("too soon")
                    .isEqualTo(50);
        }
    }
}
