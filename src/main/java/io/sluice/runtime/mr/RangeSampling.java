package io.sluice.runtime.mr;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.JobDefinition;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeySampler;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.runtime.stage.RowConsumer;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/**
 * Chooses the split points of a range-partitioned shuffle before the job is submitted: reads rows of up to {@value
 * #SPLITS} of the job's splits, spread over them (about {@value #SAMPLE} rows in all, at least {@value
 * #MIN_ROWS_PER_SPLIT} from each), runs them through the
 * map-side stages as the mappers will, and cuts a sample of their shuffle keys ({@link KeySampler}) into parts of
 * about equal size (of the partition columns' keys, when the shuffle partitions by other columns than it groups by).
 * Rows the stages fail on and bad records are left out of the sample; the job itself reports them.
 */
final class RangeSampling {
    static final int SPLITS = 10;
    static final int MIN_ROWS_PER_SPLIT = 1_000;
    static final int SAMPLE = 10_000;

    private RangeSampling() {}

    /** Up to {@code reducers - 1} increasing split points of the job's shuffle key; {@code scratch} takes bad records. */
    static List<byte[]> splitPoints(Job hadoop, int reducers, Path scratch) throws IOException {
        Configuration conf = new Configuration(hadoop.getConfiguration());
        conf.setLong(BadRecords.LIMIT, -1);
        conf.set(FileOutputFormat.OUTDIR, scratch.toString());
        KeySampler sampler =
                new KeySampler(ShuffleConf.partitionKey(conf).orElseGet(() -> ShuffleConf.keyCodec(conf)), SAMPLE, 42);
        TaggedInputFormat format = new TaggedInputFormat();
        try {
            List<InputSplit> splits = format.getSplits(new JobContextImpl(conf, new JobID("sample", 0)));
            int count = Math.min(SPLITS, splits.size());
            for (int i = 0; i < count; i++) {
                InputSplit split = splits.get((int) ((long) i * splits.size() / count));
                TaskAttemptContext context =
                        new TaskAttemptContextImpl(conf, new TaskAttemptID("sample", 0, TaskType.MAP, i, 0));
                sample(format, split, context, sampler, Math.max(MIN_ROWS_PER_SPLIT, SAMPLE / count));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while sampling keys");
        } finally {
            scratch.getFileSystem(conf).delete(scratch, true);
        }
        return sampler.splitPoints(reducers);
    }

    private static void sample(
            TaggedInputFormat format,
            InputSplit split,
            TaskAttemptContext context,
            KeySampler sampler,
            int rowsPerSplit)
            throws IOException, InterruptedException {
        Configuration conf = context.getConfiguration();
        JobDefinition job = PlanStages.job(conf);
        RowConsumer stages = PlanStages.chain(
                context,
                job,
                PlanStages.indexes(conf, PlanStages.MAP_STAGES),
                PlanStages.schema(conf, StageMapper.INPUT_SCHEMA),
                sampler::add);
        try (RecordReader<NullWritable, Row> reader = format.createRecordReader(split, context)) {
            reader.initialize(split, context);
            for (int rows = 0; rows < rowsPerSplit && reader.nextKeyValue(); rows++) {
                try {
                    stages.accept(reader.getCurrentValue());
                } catch (ExpressionEvaluationException e) {
                    // not part of the sample; the job reports the row as a bad record
                }
            }
        }
    }
}
