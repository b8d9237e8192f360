package io.sluice.runtime.mr;

import io.sluice.row.Row;
import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.MapContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskCounter;

/**
 * Feeds a mapper the rows of its split with few of Hadoop's per-record calls. Hadoop wraps a task's record reader in
 * one that, for every record, increments counters and recomputes the task's progress; that costs as much as parsing a
 * short line. The mapper reads most rows from the reader itself (the one {@link TaggedInputFormat} made for the task,
 * on this thread) and every {@value #FRAMEWORK_EVERY}th through Hadoop, which keeps the progress moving; the input
 * record counter gets the rest at the end. Rows come in the same order either way: both paths read the same reader.
 */
final class DirectInput {
    /** Every how many rows one goes through Hadoop's reader, for progress. */
    static final int FRAMEWORK_EVERY = 4096;

    private static final ThreadLocal<Registered> READERS = new ThreadLocal<>();

    private record Registered(InputSplit split, RecordReader<NullWritable, Row> reader) {}

    /** What a mapper does with each row. */
    @FunctionalInterface
    interface RowAction {
        void accept(Row row) throws IOException, InterruptedException;
    }

    private DirectInput() {}

    /** Called by a reader as Hadoop initializes it for a task, on the task's thread. */
    static void register(InputSplit split, RecordReader<NullWritable, Row> reader) {
        READERS.set(new Registered(split, reader));
    }

    /** Runs {@code action} on every row of the task's input, as Hadoop's mapper loop would. */
    static void forEach(MapContext<NullWritable, Row, ?, ?> context, RowAction action)
            throws IOException, InterruptedException {
        Registered registered = READERS.get();
        READERS.remove();
        if (registered == null || registered.split() != context.getInputSplit()) {
            while (context.nextKeyValue()) { // another reader (a test driver): Hadoop's loop
                action.accept(context.getCurrentValue());
            }
            return;
        }
        RecordReader<NullWritable, Row> reader = registered.reader();
        JobID job = context.getJobID();
        long direct = 0;
        int count = 0;
        try {
            while (true) {
                Row row;
                if (++count == FRAMEWORK_EVERY) {
                    count = 0;
                    if (!context.nextKeyValue()) {
                        return;
                    }
                    row = context.getCurrentValue();
                } else {
                    if (!reader.nextKeyValue()) {
                        return;
                    }
                    row = reader.getCurrentValue();
                    direct++;
                }
                LocalKills.check(job);
                action.accept(row);
            }
        } finally {
            context.getCounter(TaskCounter.MAP_INPUT_RECORDS).increment(direct);
        }
    }
}
