package io.sluice.runs;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names of the counters a run records. Counters are named numbers, so that jobs, crawlers and later kinds of run keep
 * what they count without a change to the store; these are the ones every job run has. Hadoop's counters are kept
 * under {@code hadoop.} and their Hadoop name.
 */
public final class RunCounters {
    /** Records the job read from its sources. */
    public static final String ROWS_READ = "rows.read";
    /** Rows the job wrote to its output. */
    public static final String ROWS_WRITTEN = "rows.written";
    /** Records sent to the error output ({@code <output>/_errors/}). */
    public static final String BAD_RECORDS = "bad.records";
    /** The prefix of the Hadoop counters kept, such as {@code hadoop.SPILLED_RECORDS}. */
    public static final String HADOOP = "hadoop.";

    private RunCounters() {}

    /** An unmodifiable copy sorted by name; names must not be blank and values must not be negative. */
    static Map<String, Long> copyOf(Map<String, Long> counters) {
        Map<String, Long> sorted = new TreeMap<>();
        counters.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("counter name is blank: " + counters);
            }
            if (value == null || value < 0) {
                throw new IllegalArgumentException("counter " + name + " must not be negative, got " + value);
            }
            sorted.put(name, value);
        });
        return Collections.unmodifiableMap(sorted);
    }
}
