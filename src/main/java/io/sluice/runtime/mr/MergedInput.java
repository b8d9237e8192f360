package io.sluice.runtime.mr;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.mapred.RawKeyValueIterator;
import org.apache.hadoop.mapred.ShuffleConsumerPlugin;
import org.apache.hadoop.mapred.TaskStatus;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.reduce.Shuffle;
import org.apache.hadoop.util.Progress;

/**
 * The reduce side of a shuffle: on the local runner, a merge of the map outputs where they lie ({@link LocalMerge});
 * elsewhere Hadoop's own ({@link Shuffle}: fetching, spilling to disk, merging). It also leaves its merged output for
 * the reducer on the task's thread to read directly ({@link #take}). Hadoop's reduce loop
 * deserializes every key and value into Writables, compares every key with the next through the grouping comparator
 * and counts and reports progress per record; a reducer that passes rows on reads their bytes in place instead.
 *
 * <p>What it hands out is the same iterator Hadoop's reduce loop reads, so both may take turns: the reducer reads most
 * records from it and every so often one through Hadoop, which keeps the task's progress moving (see {@link
 * PassThroughReducer}). It knows whether the record it is on exists, which Hadoop's iterators do not say.
 */
public final class MergedInput<K, V> implements ShuffleConsumerPlugin<K, V> {
    private static final ThreadLocal<Records> MERGED = new ThreadLocal<>();

    private Shuffle<K, V> shuffle;
    private Context<K, V> context;
    /** The local merge this shuffle runs, if it does, whose files {@link #close} closes if the reduce stopped early. */
    private LocalMerge local;

    @Override
    public void init(Context<K, V> context) {
        this.context = context;
        if (!LocalMerge.applies(context)) {
            shuffle = new Shuffle<>();
            shuffle.init(context);
        }
    }

    @Override
    public RawKeyValueIterator run() throws IOException, InterruptedException {
        RawKeyValueIterator merged;
        if (shuffle != null) {
            merged = shuffle.run();
        } else {
            local = LocalMerge.open(context);
            merged = local;
            // Where Hadoop's shuffle leaves the task: copied, merging.
            context.getCopyPhase().complete();
            context.getStatus().setPhase(TaskStatus.Phase.SORT);
            context.getReduceTask().statusUpdate(context.getUmbilical());
        }
        Records records = new Records(context.getReduceId(), merged);
        MERGED.set(records);
        return records;
    }

    @Override
    public void close() {
        MERGED.remove();
        if (shuffle != null) {
            shuffle.close();
        }
        if (local != null) {
            try {
                local.close(); // segments read to their end are closed already
            } catch (IOException e) {
                // the task is over; nothing read from these files is lost
            }
            local = null;
        }
    }

    /**
     * The merged records of {@code task}'s shuffle, when it ran on this thread through this class; empty for another
     * shuffle or a test driver, whose reducer reads through Hadoop's loop.
     */
    static Optional<Records> take(TaskAttemptID task) {
        Records records = MERGED.get();
        MERGED.remove();
        return records != null && records.task.equals(task) ? Optional.of(records) : Optional.empty();
    }

    /**
     * The shuffle's merged records, sorted by key. Hadoop's reduce loop steps to the first record as it starts, so the
     * reducer finds it on that record (or past the end).
     */
    static final class Records implements RawKeyValueIterator {
        private final TaskAttemptID task;
        private final RawKeyValueIterator merged;
        private boolean current;

        private Records(TaskAttemptID task, RawKeyValueIterator merged) {
            this.task = task;
            this.merged = merged;
        }

        /** Whether the iterator is on a record, whose key and value {@link #getKey()} and {@link #getValue()} give. */
        boolean hasCurrent() {
            return current;
        }

        @Override
        public DataInputBuffer getKey() throws IOException {
            return merged.getKey();
        }

        @Override
        public DataInputBuffer getValue() throws IOException {
            return merged.getValue();
        }

        @Override
        public boolean next() throws IOException {
            current = merged.next();
            return current;
        }

        @Override
        public void close() throws IOException {
            merged.close();
        }

        @Override
        public Progress getProgress() {
            return merged.getProgress();
        }
    }
}
