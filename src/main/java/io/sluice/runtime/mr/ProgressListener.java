package io.sluice.runtime.mr;

/**
 * Told how a running job is doing: {@link JobRunner} polls Hadoop a few times a second while each MapReduce job runs,
 * and once more when it completes. Called on the thread that runs the job; a listener should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = progress -> {};

    void progress(JobProgress progress);
}
