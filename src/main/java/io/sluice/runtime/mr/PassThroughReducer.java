package io.sluice.runtime.mr;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.DistinctStage;
import io.sluice.job.JobDefinition;
import io.sluice.job.Stage;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyWritable;
import io.sluice.runtime.io.RowWritable;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.runtime.io.ShuffleRows;
import io.sluice.runtime.stage.RowConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskCounter;

/**
 * The reducer of a job whose shuffle serves a {@code sort}, {@code partition} or {@code distinct} stage: the shuffle
 * already ordered and grouped the rows, so the reducer passes every row on ({@code sort}, {@code partition}) or one
 * row per group — the first or the last in the group's order ({@code distinct}) — then runs the stages fused after it.
 */
public final class PassThroughReducer extends Reducer<KeyWritable, RowWritable, NullWritable, Row> {
    /** Every how many records {@link #passAll} reads one through Hadoop's reduce loop, for progress. */
    static final int FRAMEWORK_EVERY = 4096;

    /**
     * Records per call of the direct loop: one loop over a task's whole input, compiled on the stack, traps when it
     * ends and is compiled again for the next task; short calls compile once as an ordinary method.
     */
    private static final int DIRECT_CALL = 256;

    private ShuffleRows rows;
    private Row row;
    private Row kept;
    private Mode mode;
    private RowConsumer after;
    private BadRecords badRecords;
    /** The grouping part of the last key {@link #passAll} read, and the groups it read. */
    private byte[] group = new byte[64];

    private int groupLength;
    private long groups;
    /** Records {@link #passAll} passed straight from the merge, for Hadoop's input counter at the end. */
    private long direct;

    private enum Mode {
        ALL,
        FIRST,
        LAST
    }

    @Override
    protected void setup(Context context) {
        Configuration conf = context.getConfiguration();
        JobDefinition job = PlanStages.job(conf);
        rows = ShuffleConf.rows(conf);
        int width = rows.width();
        row = new Row(width);
        kept = new Row(width);
        Stage stage = job.stages().get(conf.getInt(PlanStages.SHUFFLE_STAGE, -1));
        mode = stage instanceof DistinctStage distinct
                ? (distinct.keep() == DistinctStage.Keep.LAST ? Mode.LAST : Mode.FIRST)
                : Mode.ALL;
        RowConsumer write = TaskOutput.rows(context);
        after = PlanStages.chain(
                context,
                job,
                PlanStages.indexes(conf, PlanStages.REDUCE_STAGES),
                PlanStages.schema(conf, PlanStages.SHUFFLE_INPUT_SCHEMA),
                write);
        badRecords = BadRecords.of(context);
    }

    @Override
    protected void reduce(KeyWritable key, Iterable<RowWritable> group, Context context) throws IOException {
        boolean first = true;
        rows.startGroup(key);
        for (RowWritable value : group) {
            if (mode == Mode.ALL) {
                push(rows.decode(value, row));
            } else if (mode == Mode.LAST || first) {
                rows.decode(value, kept);
            }
            first = false;
        }
        if (mode != Mode.ALL && !first) {
            push(kept);
        }
    }

    private void push(Row out) throws IOException {
        try {
            after.accept(out);
        } catch (ExpressionEvaluationException | UncheckedIOException e) {
            TaskOutput.failed(e, out, badRecords);
        }
    }

    @Override
    protected void cleanup(Context context) {
        after.close();
    }

    /**
     * Runs the task; a failure's reason is left for the runner ({@link TaskFailures}). When every row passes and the
     * shuffle's merged records are at hand ({@link MergedInput}), reads them in place ({@link #passAll}).
     */
    @Override
    public void run(Context context) throws IOException, InterruptedException {
        TaskFailures.run(context, () -> {
            Optional<MergedInput.Records> merged = MergedInput.take(context.getTaskAttemptID());
            setup(context);
            try {
                if (mode == Mode.ALL && merged.isPresent()) {
                    passAll(context, merged.get());
                } else {
                    while (context.nextKey()) {
                        reduce(context.getCurrentKey(), context.getValues(), context);
                    }
                }
            } finally {
                cleanup(context);
            }
        });
    }

    /**
     * Passes every row on, reading the merged records' bytes where they lie: no Writables filled, no key compared with
     * the next through Hadoop's comparator, no counter touched per record. Every {@value #FRAMEWORK_EVERY}th record
     * goes through Hadoop's reduce loop instead, which reads the same iterator and moves the task's progress; the
     * input counters get the rest at the end. Columns taken from the key are decoded when the grouping part of the key
     * changes, as they would be once per group.
     */
    private void passAll(Context context, MergedInput.Records merged) throws IOException, InterruptedException {
        try {
            while (true) {
                for (int left = FRAMEWORK_EVERY - 1; left > 0; left -= DIRECT_CALL) {
                    int wanted = Math.min(left, DIRECT_CALL);
                    if (passDirect(merged, wanted) < wanted) {
                        return;
                    }
                }
                if (!merged.hasCurrent()) {
                    return;
                }
                if (!context.nextKeyValue()) { // the record the iterator is on; Hadoop then steps on
                    throw new IllegalStateException("Hadoop's reduce loop is past the end of the shuffle's input");
                }
                KeyWritable key = context.getCurrentKey();
                RowWritable value = context.getCurrentValue();
                pass(key.bytes(), 0, key.length(), key.groupLength(), value.bytes(), 0, value.length());
            }
        } finally {
            context.getCounter(TaskCounter.REDUCE_INPUT_RECORDS).increment(direct);
            context.getCounter(TaskCounter.REDUCE_INPUT_GROUPS).increment(groups);
        }
    }

    /** Passes up to {@code wanted} records straight from the merge; returns how many there were. */
    private int passDirect(MergedInput.Records merged, int wanted) throws IOException, InterruptedException {
        for (int passed = 0; passed < wanted; passed++) {
            if (!merged.hasCurrent()) {
                return passed;
            }
            DataInputBuffer key = merged.getKey();
            byte[] k = key.getData();
            int at = key.getPosition();
            int lengthSize = WritableUtils.decodeVIntSize(k[at]);
            int keyLength = (int) WritableComparator.readVLong(k, at);
            int groupLength = (int) WritableComparator.readVLong(k, at + lengthSize);
            int keyStart = at + lengthSize + WritableUtils.decodeVIntSize(k[at + lengthSize]);
            DataInputBuffer value = merged.getValue();
            byte[] v = value.getData();
            int valueAt = value.getPosition();
            int valueLength = (int) WritableComparator.readVLong(v, valueAt);
            int valueStart = valueAt + WritableUtils.decodeVIntSize(v[valueAt]);
            pass(k, keyStart, keyLength, groupLength, v, valueStart, valueLength);
            direct++;
            merged.next();
        }
        return wanted;
    }

    private void pass(
            byte[] key, int keyStart, int keyLength, int groupLength, byte[] value, int valueStart, int length)
            throws IOException {
        if (groupLength > keyLength) {
            throw new IOException(
                    "malformed shuffle key: a grouping part of " + groupLength + " bytes in " + keyLength);
        }
        if (groups == 0 || !Arrays.equals(group, 0, this.groupLength, key, keyStart, keyStart + groupLength)) {
            groups++;
            if (group.length < groupLength) {
                group = new byte[Math.max(groupLength, 2 * group.length)];
            }
            System.arraycopy(key, keyStart, group, 0, groupLength);
            this.groupLength = groupLength;
            rows.startGroup(key, keyStart, groupLength);
        }
        push(rows.decode(value, valueStart, length, row));
    }
}
