package io.sluice.runtime.mr;

import org.apache.hadoop.mapreduce.JobID;

/**
 * The MapReduce job of this JVM whose output was last committed or aborted, for the thread that waits for it. The
 * local runner ends a job right after its committer's {@code commitJob} or {@code abortJob} returns ({@link
 * SignallingCommitter} tells here), so the waiting thread sleeps until then instead of asking the job's status every
 * few milliseconds: each such look went through Hadoop's client layers (a {@code doAs}, a status copy), a fifth of
 * a second of CPU over a five-second job, taken from the tasks. Job ids are compared as text: the runner's are the old
 * API's {@code JobID}, a class of its own.
 */
final class LocalJobEnds {
    private static final Object LOCK = new Object();
    private static String ended;

    private LocalJobEnds() {}

    /** Tells the waiting thread that {@code job} committed or aborted its output. */
    static void ended(JobID job) {
        synchronized (LOCK) {
            ended = job.toString();
            LOCK.notifyAll();
        }
    }

    /** Waits up to {@code millis} ms (at least one) for the end of {@code job}; true when it has ended. */
    static boolean await(JobID job, long millis) throws InterruptedException {
        String id = job.toString();
        long end = System.nanoTime() + Math.max(1, millis) * 1_000_000;
        synchronized (LOCK) {
            for (long left = end - System.nanoTime(); !id.equals(ended) && left > 0; left = end - System.nanoTime()) {
                LOCK.wait(Math.max(1, left / 1_000_000));
            }
            return id.equals(ended);
        }
    }
}
