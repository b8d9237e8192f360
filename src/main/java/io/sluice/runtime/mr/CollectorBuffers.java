package io.sluice.runtime.mr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.hadoop.mapreduce.JobID;

/**
 * The buffers of a {@link SortingCollector}, handed from a map task that is done with them to the next map task of
 * the same job in this JVM. The local runner runs all map tasks of a job in one JVM, a few at a time; each collector
 * grew its buffers anew (by doubling, hundreds of megabytes per task), arrays too large for the young generation
 * that filled the old one and made the collector run full collections. A task gives its buffers only while map tasks
 * of its job are still to start, so none are held once the last one has started (nor for the reduce phase); a task
 * of another job drops what an earlier job left.
 */
final class CollectorBuffers {
    private static final Deque<CollectorBuffers> FREE = new ArrayDeque<>();
    private static JobID job;
    private static int started;

    final byte[] data;
    final int[] partition;
    final int[] keyStart;
    final long[] prefix1;
    final long[] prefix2;
    final int[] order;
    final int[] scratch;
    final long[] sortKey;
    final long[] sortScratch;

    CollectorBuffers(
            byte[] data,
            int[] partition,
            int[] keyStart,
            long[] prefix1,
            long[] prefix2,
            int[] order,
            int[] scratch,
            long[] sortKey,
            long[] sortScratch) {
        this.data = data;
        this.partition = partition;
        this.keyStart = keyStart;
        this.prefix1 = prefix1;
        this.prefix2 = prefix2;
        this.order = order;
        this.scratch = scratch;
        this.sortKey = sortKey;
        this.sortScratch = sortScratch;
    }

    /**
     * Counts a map task of {@code mapJob} (of {@code maps} map tasks) as started and gives it the buffers a finished
     * task left, if any.
     */
    static synchronized Optional<CollectorBuffers> start(JobID mapJob, int maps) {
        if (!mapJob.equals(job)) {
            FREE.clear();
            job = mapJob;
            started = 0;
        }
        started++;
        Optional<CollectorBuffers> buffers = Optional.ofNullable(FREE.poll());
        if (started >= maps) {
            FREE.clear(); // no task of this job will take them
        }
        return buffers;
    }

    /** Keeps the buffers of a finished map task of {@code mapJob} for the next, if a task of the job is to start. */
    static synchronized void release(JobID mapJob, int maps, CollectorBuffers buffers) {
        if (mapJob.equals(job) && started < maps) {
            FREE.push(buffers);
        }
    }

    /** How many buffers are kept (for tests). */
    static synchronized int kept() {
        return FREE.size();
    }
}
