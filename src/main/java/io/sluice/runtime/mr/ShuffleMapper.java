package io.sluice.runtime.mr;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.JobDefinition;
import io.sluice.job.ReduceStage;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyWritable;
import io.sluice.runtime.io.RowCodec;
import io.sluice.runtime.io.RowWritable;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.runtime.io.ShuffleRows;
import io.sluice.runtime.stage.HashAggregator;
import io.sluice.runtime.stage.RowConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * The mapper of a job with a shuffle: runs the map-side stages, then emits each row with its shuffle key encoded so
 * that Hadoop sorts and groups the bytes as the plan asks. When the plan combines, rows go to a {@link HashAggregator}
 * and each group leaves the task as partial aggregates.
 */
public final class ShuffleMapper extends Mapper<NullWritable, Row, KeyWritable, RowWritable> {
    /** The most groups a mapper holds before it emits their partials (map-side pre-aggregation). */
    public static final String MAX_GROUPS = "sluice.map.aggregate.max-groups";

    private RowConsumer stages;
    private HashAggregator aggregator;
    private BadRecords badRecords;

    @Override
    protected void setup(Context context) {
        Configuration conf = context.getConfiguration();
        JobDefinition job = PlanStages.job(conf);
        KeyCodec keys = ShuffleConf.keyCodec(conf);
        KeyWritable key = new KeyWritable();
        RowWritable value = new RowWritable();
        RowConsumer emit;
        if (conf.getBoolean(PlanStages.COMBINE, false)) {
            ReduceStage reduce = (ReduceStage) job.stages().get(conf.getInt(PlanStages.SHUFFLE_STAGE, -1));
            RowCodec partials = ShuffleConf.valueCodec(conf);
            aggregator = HashAggregator.of(
                    reduce,
                    PlanStages.schema(conf, PlanStages.SHUFFLE_INPUT_SCHEMA),
                    keys,
                    conf.getInt(MAX_GROUPS, 100_000),
                    (bytes, length, groupLength, partial) -> TaskOutput.write(
                            context, key.set(bytes, 0, length, groupLength), value.encode(partials, partial)));
            emit = aggregator;
        } else if (ShuffleConf.partitionKey(conf).isPresent()) {
            KeyCodec partitionKey = ShuffleConf.partitionKey(conf).get();
            ShuffleRows rows = ShuffleConf.rows(conf);
            emit = row -> TaskOutput.write(context, key.encode(keys, partitionKey, row), rows.encodeValue(row, value));
        } else {
            ShuffleRows rows = ShuffleConf.rows(conf);
            emit = row -> TaskOutput.write(context, key.encode(keys, row), rows.encodeValue(row, value));
        }
        stages = PlanStages.chain(
                context,
                job,
                PlanStages.indexes(conf, PlanStages.MAP_STAGES),
                PlanStages.schema(conf, StageMapper.INPUT_SCHEMA),
                emit);
        badRecords = BadRecords.of(context);
    }

    @Override
    protected void map(NullWritable key, Row row, Context context) throws IOException {
        try {
            stages.accept(row);
        } catch (ExpressionEvaluationException | UncheckedIOException e) {
            TaskOutput.failed(e, row, badRecords);
        }
    }

    @Override
    protected void cleanup(Context context) throws IOException {
        if (aggregator != null) {
            try {
                aggregator.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        stages.close();
    }

    /** Runs the task; a failure's reason is left for the runner ({@link TaskFailures}). */
    @Override
    public void run(Context context) throws IOException, InterruptedException {
        TaskFailures.run(context, () -> {
            setup(context);
            try {
                DirectInput.forEach(context, row -> map(NullWritable.get(), row, context));
            } finally {
                cleanup(context);
            }
        });
    }
}
