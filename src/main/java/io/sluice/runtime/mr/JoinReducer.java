package io.sluice.runtime.mr;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.JobDefinition;
import io.sluice.job.JoinStage;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyWritable;
import io.sluice.runtime.io.RowCodec;
import io.sluice.runtime.io.RowWritable;
import io.sluice.runtime.stage.JoinLayout;
import io.sluice.runtime.stage.RowConsumer;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * The reducer of a shuffle join ({@link JoinShuffle}): in each group of equal join keys the other source's rows come
 * first and are held; each input row is then joined with all of them. Unmatched input rows stay for {@code left} and
 * {@code full} joins, unmatched rows of the other source for {@code right} and {@code full} joins, with nulls for the
 * missing side; rows with a null key never match. Joined rows run through the stages fused after the join.
 */
public final class JoinReducer extends Reducer<KeyWritable, RowWritable, NullWritable, Row> {
    private JoinLayout layout;
    private RowCodec inputCodec;
    private RowCodec otherCodec;
    private Row input;
    private Row probe;
    private final List<Row> others = new ArrayList<>();
    private final List<Boolean> matched = new ArrayList<>();
    private RowConsumer after;
    private BadRecords badRecords;

    @Override
    protected void setup(Context context) {
        Configuration conf = context.getConfiguration();
        JobDefinition job = PlanStages.job(conf);
        JoinStage stage = (JoinStage) job.stages().get(conf.getInt(PlanStages.SHUFFLE_STAGE, -1));
        StructType left = PlanStages.schema(conf, PlanStages.SHUFFLE_INPUT_SCHEMA);
        StructType right = PlanStages.schema(conf, JoinShuffle.OTHER_SCHEMA);
        layout = JoinLayout.of(stage, left, right);
        inputCodec = RowCodec.of(left);
        otherCodec = RowCodec.of(right);
        input = new Row(left.fields().size());
        probe = new Row(layout.keyTypes().size());
        RowConsumer write = TaskOutput.rows(context);
        after = PlanStages.chain(
                context, job, PlanStages.indexes(conf, PlanStages.REDUCE_STAGES), layout.output(), write);
        badRecords = BadRecords.of(context);
    }

    @Override
    protected void reduce(KeyWritable key, Iterable<RowWritable> group, Context context) throws IOException {
        others.clear();
        matched.clear();
        for (RowWritable value : group) {
            if (JoinShuffle.side(value) == MapInput.OTHER) {
                other(JoinShuffle.decode(
                        value, otherCodec, new Row(otherCodec.schema().fields().size())));
            } else {
                input(JoinShuffle.decode(value, inputCodec, input));
            }
        }
        if (layout.keepsUnmatchedRight()) {
            for (int i = 0; i < others.size(); i++) {
                if (!matched.get(i)) {
                    push(layout.join(null, others.get(i)));
                }
            }
        }
    }

    private void other(Row row) throws IOException {
        if (layout.rightKey(row, probe)) {
            others.add(row);
            matched.add(false);
        } else if (layout.keepsUnmatchedRight()) {
            push(layout.join(null, row));
        }
    }

    private void input(Row row) throws IOException {
        if (!layout.leftKey(row, probe) || others.isEmpty()) {
            if (layout.keepsUnmatchedLeft()) {
                push(layout.join(row, null));
            }
            return;
        }
        for (int i = 0; i < others.size(); i++) {
            matched.set(i, true);
            push(layout.join(row, others.get(i)));
        }
    }

    private void push(Row out) throws IOException {
        try {
            after.accept(out);
        } catch (ExpressionEvaluationException | UncheckedIOException e) {
            TaskOutput.failed(e, out, badRecords);
        }
    }

    /** Runs the task; a failure's reason is left for the runner ({@link TaskFailures}). */
    @Override
    public void run(Context context) throws IOException, InterruptedException {
        TaskFailures.run(context, () -> super.run(context));
    }
}
