package io.sluice.cli;

import io.sluice.SluiceException;
import io.sluice.runs.RunCounters;
import io.sluice.runs.RunStore;
import io.sluice.runtime.mr.JobProgress;
import io.sluice.runtime.mr.ProgressListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Follows a run's MapReduce jobs: shows their progress, keeps the last counters of each and records them in the run
 * history now and then, so that {@code sluice runs} shows a running job's counters as they grow.
 */
final class RunTracker implements ProgressListener {
    static final Duration RECORD_INTERVAL = Duration.ofSeconds(5);

    private final RunStore runs;
    private final String runId;
    private final ProgressListener display;
    private final LongSupplier nanoTime;
    private final Map<Integer, JobProgress> lastOfEachJob = new TreeMap<>();
    private long lastRecorded;

    RunTracker(RunStore runs, String runId, ProgressListener display, LongSupplier nanoTime) {
        this.runs = runs;
        this.runId = runId;
        this.display = display;
        this.nanoTime = nanoTime;
        this.lastRecorded = nanoTime.getAsLong();
    }

    @Override
    public void progress(JobProgress progress) {
        display.progress(progress);
        lastOfEachJob.put(progress.job(), progress);
        long now = nanoTime.getAsLong();
        if (now - lastRecorded >= RECORD_INTERVAL.toNanos()) {
            lastRecorded = now;
            try {
                runs.progress(runId, counters());
            } catch (SluiceException e) {
                // Progress is for people watching; the run's outcome is recorded when it ends.
            }
        }
    }

    /**
     * What the run counted so far: rows read by its first MapReduce job, bad records of all, rows written by the last,
     * and the Hadoop counters summed over its jobs.
     */
    Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        if (lastOfEachJob.isEmpty()) {
            return counters;
        }
        JobProgress first = lastOfEachJob.values().iterator().next();
        counters.put(RunCounters.ROWS_READ, first.rowsRead());
        long bad = 0;
        JobProgress last = first;
        for (JobProgress job : lastOfEachJob.values()) {
            bad += job.badRecords();
            last = job;
            job.counters().forEach((name, value) -> counters.merge(RunCounters.HADOOP + name, value, Long::sum));
        }
        counters.put(RunCounters.ROWS_WRITTEN, last.rowsWritten());
        counters.put(RunCounters.BAD_RECORDS, bad);
        return counters;
    }
}
