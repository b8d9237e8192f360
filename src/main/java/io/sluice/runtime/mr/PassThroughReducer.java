package io.sluice.runtime.mr;

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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * The reducer of a job whose shuffle serves a {@code sort}, {@code partition} or {@code distinct} stage: the shuffle
 * already ordered and grouped the rows, so the reducer passes every row on ({@code sort}, {@code partition}) or one
 * row per group — the first or the last in the group's order ({@code distinct}) — then runs the stages fused after it.
 */
public final class PassThroughReducer extends Reducer<KeyWritable, RowWritable, NullWritable, Row> {
    private ShuffleRows rows;
    private Row row;
    private Row kept;
    private Mode mode;
    private RowConsumer after;
    private BadRecords badRecords;

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
        TaskOutput.push(after, out, badRecords);
    }

    @Override
    protected void cleanup(Context context) {
        after.close();
    }

    /** Runs the task; a failure's reason is left for the runner ({@link TaskFailures}). */
    @Override
    public void run(Context context) throws IOException, InterruptedException {
        TaskFailures.run(context, () -> super.run(context));
    }
}
