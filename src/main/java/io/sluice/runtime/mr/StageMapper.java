package io.sluice.runtime.mr;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.JobDefinition;
import io.sluice.job.JobDefinitions;
import io.sluice.row.Row;
import io.sluice.runtime.stage.RowConsumer;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * The mapper of a map-only job: runs the job's {@code map} stages and broadcast joins, compiled once per task, over
 * every input row and writes what they give. A row an expression fails on is a bad record, not a failed task.
 */
public final class StageMapper extends Mapper<NullWritable, Row, NullWritable, Row> {
    static final String JOB_YAML = "sluice.job.yaml";
    static final String JOB_NAME = "sluice.job.file";
    static final String ARGUMENTS = "sluice.job.arguments";
    static final String INPUT_SCHEMA = "sluice.input.schema";

    private RowConsumer stages;
    private BadRecords badRecords;

    @Override
    protected void setup(Context context) {
        Configuration conf = context.getConfiguration();
        JobDefinition job = JobDefinitions.parse(conf.get(JOB_NAME), conf.get(JOB_YAML), arguments(conf));
        StructType schema = (StructType) DataType.parse(conf.get(INPUT_SCHEMA));
        stages = PlanStages.chain(
                context, job, PlanStages.indexes(conf, PlanStages.MAP_STAGES), schema, TaskOutput.rows(context));
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
    protected void cleanup(Context context) {
        stages.close();
    }

    static Map<String, String> arguments(Configuration conf) {
        Map<String, String> arguments = new java.util.LinkedHashMap<>();
        for (String entry : conf.getTrimmedStrings(ARGUMENTS)) {
            int eq = entry.indexOf('=');
            arguments.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return arguments;
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
