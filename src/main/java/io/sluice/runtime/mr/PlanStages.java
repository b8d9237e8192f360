package io.sluice.runtime.mr;

import io.sluice.job.JobDefinition;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JoinStage;
import io.sluice.job.MapStage;
import io.sluice.job.Stage;
import io.sluice.runtime.stage.BroadcastJoinOperator;
import io.sluice.runtime.stage.JoinLayout;
import io.sluice.runtime.stage.MapStageOperator;
import io.sluice.runtime.stage.RowConsumer;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * What a task needs of the job: the definition (re-read from the job file's text sent with the job, so tasks need no
 * catalog) and which of its stages the task runs, by index.
 */
final class PlanStages {
    static final String MAP_STAGES = "sluice.plan.map.stages";
    static final String SHUFFLE_STAGE = "sluice.plan.shuffle.stage";
    static final String REDUCE_STAGES = "sluice.plan.reduce.stages";
    /** True when mappers pre-aggregate the reduce stage and the shuffle carries its partial rows. */
    static final String COMBINE = "sluice.plan.combine";

    static final String SHUFFLE_INPUT_SCHEMA = "sluice.plan.shuffle.input.schema";

    private PlanStages() {}

    static JobDefinition job(Configuration conf) {
        return JobDefinitions.parse(
                conf.get(StageMapper.JOB_NAME), conf.get(StageMapper.JOB_YAML), StageMapper.arguments(conf));
    }

    static List<Integer> indexes(Configuration conf, String key) {
        List<Integer> indexes = new ArrayList<>();
        for (String index : conf.getTrimmedStrings(key)) {
            indexes.add(Integer.parseInt(index));
        }
        return indexes;
    }

    static StructType schema(Configuration conf, String key) {
        return (StructType) DataType.parse(conf.get(key));
    }

    /**
     * The row-by-row stages at these indexes — {@code map} stages and broadcast joins, whose other source is read here
     * ({@link BroadcastRows}) — compiled into one chain over {@code input} ending in {@code last}; stages whose order
     * the shuffle already gives (a fused sort) pass rows on.
     *
     * @throws UncheckedIOException when a broadcast source cannot be read
     */
    static RowConsumer chain(
            TaskAttemptContext context, JobDefinition job, List<Integer> indexes, StructType input, RowConsumer last) {
        List<Integer> rowByRow = new ArrayList<>();
        for (int index : indexes) {
            Stage stage = job.stages().get(index);
            if (stage instanceof MapStage || stage instanceof JoinStage) {
                rowByRow.add(index);
            }
        }
        Configuration conf = context.getConfiguration();
        StructType[] inputs = new StructType[rowByRow.size()];
        JoinLayout[] joins = new JoinLayout[rowByRow.size()];
        StructType schema = input;
        for (int i = 0; i < rowByRow.size(); i++) {
            inputs[i] = schema;
            Stage stage = job.stages().get(rowByRow.get(i));
            if (stage instanceof JoinStage join) {
                joins[i] = JoinLayout.of(join, schema, BroadcastRows.schema(conf, rowByRow.get(i)));
                schema = joins[i].output();
            } else {
                schema = MapStageOperator.outputOf((MapStage) stage, schema);
            }
        }
        RowConsumer chain = last;
        for (int i = rowByRow.size() - 1; i >= 0; i--) {
            int index = rowByRow.get(i);
            if (joins[i] != null) {
                try {
                    chain = BroadcastJoinOperator.of(joins[i], BroadcastRows.read(context, index), chain);
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot read the source of the broadcast join of stage " + (index + 1) + ": " + e, e);
                }
            } else {
                chain = MapStageOperator.compile((MapStage) job.stages().get(index), inputs[i], chain);
            }
        }
        return chain;
    }
}
