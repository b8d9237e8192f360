package io.sluice.runtime.mr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.TaskType;

/**
 * Why tasks failed, told to the runner through files: a task that fails writes its error and what it had counted into
 * a folder of the run's temporary folder before it dies, and the runner reads the earliest of them when the MapReduce
 * job failed. Hadoop's LocalJobRunner keeps no failure information a client can read, and a cluster's task
 * diagnostics hold stack traces; this works the same on both, with the error as Sluice wrote it.
 */
final class TaskFailures {
    /** The folder failed tasks write into; unset, they write nothing. */
    static final String FOLDER = "sluice.task.failures";

    private TaskFailures() {}

    /** Made when a task fails: every task runs through this class, and most never need it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** What one failed task said: when, which task, why, and the rows it had read and the bad records it had seen. */
    record Failure(long time, String task, String message, long rowsRead, long badRecords) {}

    /** The work of a task, which may fail. */
    interface Work {
        void run() throws IOException, InterruptedException;
    }

    static void setFolder(Configuration conf, Path folder) {
        conf.set(FOLDER, folder.toString());
    }

    /** Runs a task's work; when it fails, records why before passing the failure on. */
    static void run(TaskAttemptContext context, Work work) throws IOException, InterruptedException {
        try {
            work.run();
        } catch (IOException | RuntimeException | Error e) {
            record(context, e);
            throw e;
        }
    }

    /** Writes the failure of the task into the folder; a failure to write it is added to {@code failure}. */
    static void record(TaskAttemptContext context, Throwable failure) {
        String folder = context.getConfiguration().get(FOLDER);
        if (folder == null) {
            return;
        }
        boolean map = context.getTaskAttemptID().getTaskType() == TaskType.MAP;
        Failure written = new Failure(
                System.currentTimeMillis(),
                context.getTaskAttemptID().getTaskID().toString(),
                describe(failure),
                map ? context.getCounter(TaskCounter.MAP_INPUT_RECORDS).getValue() : 0,
                context.getCounter(BadRecords.COUNTER_GROUP, BadRecords.COUNTER).getValue());
        Path file = new Path(folder, context.getTaskAttemptID().toString() + ".json");
        try (OutputStream out = file.getFileSystem(context.getConfiguration()).create(file, true)) {
            out.write(Json.MAPPER.writeValueAsBytes(written));
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The failures recorded in {@code folder}, earliest first; none when nothing was recorded. */
    static List<Failure> read(Configuration conf, Path folder) {
        List<Failure> failures = new ArrayList<>();
        try {
            FileSystem fs = folder.getFileSystem(conf);
            if (!fs.exists(folder)) {
                return failures;
            }
            for (FileStatus file : fs.listStatus(folder)) {
                try (InputStream in = fs.open(file.getPath())) {
                    failures.add(Json.MAPPER.readValue(in, Failure.class));
                } catch (IOException | RuntimeException e) {
                    // a task that died while writing: the others tell why
                }
            }
        } catch (IOException e) {
            return failures;
        }
        failures.sort(Comparator.comparingLong(Failure::time));
        return failures;
    }

    /** The first cause of a failure, as a user reads it: Sluice's own messages as they are, others with their type. */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null
                && cause.getCause() != cause
                && (cause.getMessage() == null
                        || cause.getMessage().equals(cause.getCause().toString()))) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getName();
        }
        if (cause instanceof SluiceException || cause.getClass() == IOException.class) {
            return message;
        }
        return cause.getClass().getSimpleName() + ": " + message;
    }

    /** The first failure's message. */
    static Optional<String> firstCause(List<Failure> failures) {
        return failures.stream().findFirst().map(f -> f.message() + " (task " + f.task() + ")");
    }
}
