package io.sluice.runtime.mr;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.JobDefinition;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyWritable;
import io.sluice.runtime.io.RowCodec;
import io.sluice.runtime.io.RowWritable;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.runtime.stage.RowConsumer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * The mapper of a job with a shuffle: runs the map-side stages, then emits each row with its shuffle key encoded so
 * that Hadoop sorts and groups the bytes as the plan asks.
 */
public final class ShuffleMapper extends Mapper<NullWritable, Row, KeyWritable, RowWritable> {
    private RowConsumer stages;
    private BadRecords badRecords;

    @Override
    protected void setup(Context context) {
        Configuration conf = context.getConfiguration();
        JobDefinition job = PlanStages.job(conf);
        KeyCodec keys = ShuffleConf.keyCodec(conf);
        RowCodec values = ShuffleConf.valueCodec(conf);
        KeyWritable key = new KeyWritable();
        RowWritable value = new RowWritable();
        RowConsumer emit = row -> {
            try {
                context.write(key.encode(keys, row), value.encode(values, row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("interrupted while writing"));
            }
        };
        stages = PlanStages.chain(
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
        } catch (ExpressionEvaluationException e) {
            badRecords.add("row " + row + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    protected void cleanup(Context context) {
        stages.close();
    }
}
