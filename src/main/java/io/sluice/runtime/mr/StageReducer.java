package io.sluice.runtime.mr;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.JobDefinition;
import io.sluice.job.ReduceStage;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyWritable;
import io.sluice.runtime.io.RowWritable;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.runtime.io.ShuffleRows;
import io.sluice.runtime.stage.ReduceStageOperator;
import io.sluice.runtime.stage.RowConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * The reducer of a job whose shuffle serves a {@code reduce} stage: aggregates each group the shuffle delivers, then
 * runs the stages fused after it (a {@code sort} on group columns is already served by the shuffle's order). The rows
 * are input rows, or partial aggregates when the mappers pre-aggregated.
 */
public final class StageReducer extends Reducer<KeyWritable, RowWritable, NullWritable, Row> {
    private ShuffleRows rows;
    private Row row;
    private ReduceStageOperator reduce;
    private RowConsumer after;
    private BadRecords badRecords;
    private boolean partials;

    @Override
    protected void setup(Context context) {
        Configuration conf = context.getConfiguration();
        JobDefinition job = PlanStages.job(conf);
        rows = ShuffleConf.rows(conf);
        partials = conf.getBoolean(PlanStages.COMBINE, false);
        row = new Row(rows.width());
        ReduceStage stage = (ReduceStage) job.stages().get(conf.getInt(PlanStages.SHUFFLE_STAGE, -1));
        reduce = ReduceStageOperator.compile(stage, PlanStages.schema(conf, PlanStages.SHUFFLE_INPUT_SCHEMA));
        RowConsumer write = TaskOutput.rows(context);
        after = PlanStages.chain(
                context, job, PlanStages.indexes(conf, PlanStages.REDUCE_STAGES), reduce.output(), write);
        badRecords = BadRecords.of(context);
    }

    @Override
    protected void reduce(KeyWritable key, Iterable<RowWritable> group, Context context) throws IOException {
        rows.startGroup(key);
        for (RowWritable value : group) {
            rows.decode(value, row);
            try {
                if (partials) {
                    reduce.merge(row);
                } else {
                    reduce.add(row);
                }
            } catch (ExpressionEvaluationException e) {
                badRecords.add("row " + row + ": " + e.getMessage());
            }
        }
        try {
            reduce.finish(after);
        } catch (ExpressionEvaluationException e) {
            badRecords.add("group " + key + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
