package io.sluice.runtime.mr;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of one MapReduce job of a plan while it runs, or as it completed.
 *
 * <ul>
 *   <li>{@code job} of {@code jobs}: which MapReduce job of the plan, from 1;
 *   <li>{@code mapProgress}, {@code reduceProgress}: 0..1, as Hadoop reports them; a map-only job has no reduce;
 *   <li>{@code rowsRead}: records its tasks read; {@code rowsWritten}: rows they wrote (to the staging folder, which
 *       only a successful job publishes); {@code badRecords}: records sent to the error output;
 *   <li>{@code counters}: Hadoop counters worth keeping (records and bytes through each phase, spills, CPU and GC
 *       time, tasks launched and failed), by their Hadoop names; those still 0 are left out.
 * </ul>
 */
public record JobProgress(
        int job,
        int jobs,
        boolean mapOnly,
        float mapProgress,
        float reduceProgress,
        long rowsRead,
        long rowsWritten,
        long badRecords,
        Map<String, Long> counters,
        boolean complete) {

    public JobProgress {
        counters = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(counters, "counters is null")));
        if (job < 1 || job > jobs) {
            throw new IllegalArgumentException("job " + job + " of " + jobs);
        }
    }

    /** Where the job is: {@code map}, {@code reduce} (maps done) or {@code done}. */
    public String phase() {
        if (complete) {
            return "done";
        }
        return mapOnly || mapProgress < 1f ? "map" : "reduce";
    }
}
