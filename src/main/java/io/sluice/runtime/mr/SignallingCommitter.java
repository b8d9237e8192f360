package io.sluice.runtime.mr;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;

/**
 * Hadoop's file output committer that, once a job's output is committed or aborted, tells {@link LocalJobEnds}: in
 * the local runner, the thread waiting for the job then sees its end at once. Elsewhere (a YARN application master)
 * nobody listens.
 */
final class SignallingCommitter extends FileOutputCommitter {
    SignallingCommitter(Path output, TaskAttemptContext context) throws IOException {
        super(output, context);
    }

    @Override
    public void commitJob(JobContext context) throws IOException {
        try {
            super.commitJob(context);
        } finally {
            LocalJobEnds.ended(context.getJobID());
        }
    }

    @Override
    public void abortJob(JobContext context, JobStatus.State state) throws IOException {
        try {
            super.abortJob(context, state);
        } finally {
            LocalJobEnds.ended(context.getJobID());
        }
    }
}
