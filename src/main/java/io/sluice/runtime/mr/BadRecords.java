package io.sluice.runtime.mr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * The bad records of one task: counted, and written one per line (file, line, column, value, reason) to
 * {@code _errors/} under the task's work folder, so they are committed with the output and nothing is dropped
 * silently. A task that goes over the job's limit fails.
 */
final class BadRecords {
    static final String COUNTER_GROUP = "sluice";
    static final String COUNTER = "BAD_RECORDS";
    /** The most bad records a task may see before it fails; negative for no limit. */
    static final String LIMIT = "sluice.bad.records.limit";

    private final TaskAttemptContext context;
    private final long limit;
    private OutputStream log;
    private long count;

    private BadRecords(TaskAttemptContext context) {
        this.context = context;
        this.limit = context.getConfiguration().getLong(LIMIT, 0);
    }

    static BadRecords of(TaskAttemptContext context) {
        return new BadRecords(context);
    }

    void add(String description) throws IOException {
        count++;
        context.getCounter(COUNTER_GROUP, COUNTER).increment(1);
        if (log == null) {
            Path work = ((FileOutputCommitter) new org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter(
                            FileOutputFormat.getOutputPath(context), context))
                    .getWorkPath();
            Path file = new Path(work, "_errors/" + context.getTaskAttemptID().getTaskID() + ".txt");
            FileSystem fs = file.getFileSystem(context.getConfiguration());
            log = fs.create(file, true);
        }
        log.write((description.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
        log.flush();
        if (limit >= 0 && count > limit) {
            throw new IOException("more than max_bad_records (" + limit + ") bad records: " + count
                    + " in this task; the last: " + description);
        }
    }
}
