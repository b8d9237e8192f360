package io.sluice.runtime.mr;

import org.apache.hadoop.mapreduce.JobID;

/**
 * The MapReduce job of this JVM that was killed, for the local runner's tasks to see. The LocalJobRunner kills a job
 * by interrupting threads, and an interrupt that comes while a thread is not waiting is lost: its map tasks would read
 * and write on until their input ends, into folders the runner deletes. Mappers check here as they read (a volatile
 * read per row) and stop. The local runner runs one MapReduce job at a time, so one job is enough.
 */
final class LocalKills {
    private static volatile JobID killed;

    private LocalKills() {}

    /** Tells the tasks of {@code job} in this JVM to stop. */
    static void kill(JobID job) {
        killed = job;
    }

    /** Throws when {@code job} was killed. */
    static void check(JobID job) throws InterruptedException {
        JobID stopped = killed;
        if (stopped != null && stopped.equals(job)) {
            throw new InterruptedException("MapReduce job " + job + " was killed");
        }
    }
}
