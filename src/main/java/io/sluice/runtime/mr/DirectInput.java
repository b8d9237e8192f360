package io.sluice.runtime.mr;

import io.sluice.row.Row;
import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.MapContext;
import org.apache.hadoop.mapreduce.TaskCounter;

/**
 * Feeds a mapper the rows of its split with few of Hadoop's per-record calls. Hadoop wraps a task's record reader in
 * one that, for every record, increments counters and recomputes the task's progress; that costs as much as parsing a
 * short line. The mapper reads most rows from the reader itself (the one {@link TaggedInputFormat} made for the task,
 * on this thread) and every {@value #FRAMEWORK_EVERY}th through Hadoop, which keeps the progress moving; the input
 * record counter gets the rest at the end. Rows come in the same order either way: both paths read the same reader.
 *
 * <p>The row loop never decides itself that the split has ended: a branch that only the end takes is one the JIT has
 * never seen taken when it compiles the loop, and taking it at the end would throw the compiled loop away, so that
 * the job's next map task on this JVM (a second wave of splits) would start on slow code again. The reader pauses
 * every few thousand rows ({@link Rows#nextUntilPause}: a branch the loop takes all along), the row after a pause is
 * read by a method the JIT does not inline into the loop (bin/compiler-directives.json), and the end comes from it
 * as an exception, caught outside the loop.
 */
final class DirectInput {
    /** Every how many rows one goes through Hadoop's reader, for progress. */
    static final int FRAMEWORK_EVERY = 4096;

    private static final ThreadLocal<Registered> READERS = new ThreadLocal<>();

    private record Registered(InputSplit split, Rows reader) {}

    /** What a mapper does with each row. */
    @FunctionalInterface
    interface RowAction {
        void accept(Row row) throws IOException, InterruptedException;
    }

    /** A task's reader, read directly. */
    interface Rows {
        /**
         * Reads the next row, or stops short: false where the reader pauses (see {@link
         * io.sluice.format.RowReader#nextUntilPause}) and at the end; then the next row is read through Hadoop.
         */
        boolean nextUntilPause() throws IOException, InterruptedException;

        /** Reads the next row the full way; false at the end. */
        boolean next() throws IOException, InterruptedException;

        /** The row read last. */
        Row current();
    }

    private DirectInput() {}

    /** Called by a reader as Hadoop initializes it for a task, on the task's thread. */
    static void register(InputSplit split, Rows reader) {
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
        Loop loop = new Loop(context, registered.reader(), action);
        try {
            loop.run();
        } catch (SplitEnd end) {
            // every row read
        } finally {
            context.getCounter(TaskCounter.MAP_INPUT_RECORDS).increment(loop.direct);
        }
    }

    /** The row loop of one task. */
    private static final class Loop {
        private final MapContext<NullWritable, Row, ?, ?> context;
        private final Rows reader;
        private final RowAction action;
        private final JobID job;
        private long direct;

        Loop(MapContext<NullWritable, Row, ?, ?> context, Rows reader, RowAction action) {
            this.context = context;
            this.reader = reader;
            this.action = action;
            this.job = context.getJobID();
        }

        /** Runs until {@link #throughHadoop} finds the end ({@link SplitEnd}). */
        void run() throws IOException, InterruptedException {
            int count = 0;
            while (true) {
                Row row;
                if (++count == FRAMEWORK_EVERY) {
                    count = 0;
                    row = throughHadoop();
                } else {
                    row = reader.nextUntilPause() ? reader.current() : afterPause();
                    direct++;
                }
                LocalKills.check(job);
                action.accept(row);
            }
        }

        /** The next row after the reader paused; {@link SplitEnd} at the end. Not inlined by C2. */
        private Row afterPause() throws IOException, InterruptedException {
            if (!reader.next()) {
                throw SplitEnd.INSTANCE;
            }
            return reader.current();
        }

        /** The next row through Hadoop's reader; {@link SplitEnd} at the end. Not inlined by C2. */
        private Row throughHadoop() throws IOException, InterruptedException {
            if (!context.nextKeyValue()) {
                throw SplitEnd.INSTANCE;
            }
            return context.getCurrentValue();
        }
    }

    /** The end of a task's split, out of its row loop. */
    private static final class SplitEnd extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final SplitEnd INSTANCE = new SplitEnd();

        private SplitEnd() {
            super("the end of the split", null, false, false);
        }
    }
}
