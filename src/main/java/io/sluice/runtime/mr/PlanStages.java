package io.sluice.runtime.mr;

import io.sluice.job.JobDefinition;
import io.sluice.job.JobDefinitions;
import io.sluice.job.MapStage;
import io.sluice.job.Stage;
import io.sluice.runtime.stage.MapStageOperator;
import io.sluice.runtime.stage.RowConsumer;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * What a task needs of the job: the definition (re-read from the job file's text sent with the job, so tasks need no
 * catalog) and which of its stages the task runs, by index.
 */
final class PlanStages {
    static final String MAP_STAGES = "sluice.plan.map.stages";
    static final String SHUFFLE_STAGE = "sluice.plan.shuffle.stage";
    static final String REDUCE_STAGES = "sluice.plan.reduce.stages";
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
     * The row-by-row stages at these indexes, compiled into one chain over {@code input} ending in {@code last};
     * stages whose order the shuffle already gives (a fused sort) pass rows on.
     */
    static RowConsumer chain(JobDefinition job, List<Integer> indexes, StructType input, RowConsumer last) {
        List<MapStage> maps = new ArrayList<>();
        for (int index : indexes) {
            Stage stage = job.stages().get(index);
            if (stage instanceof MapStage map) {
                maps.add(map);
            }
        }
        StructType[] inputs = new StructType[maps.size()];
        StructType schema = input;
        for (int i = 0; i < maps.size(); i++) {
            inputs[i] = schema;
            schema = MapStageOperator.outputOf(maps.get(i), schema);
        }
        RowConsumer chain = last;
        for (int i = maps.size() - 1; i >= 0; i--) {
            chain = MapStageOperator.compile(maps.get(i), inputs[i], chain);
        }
        return chain;
    }
}
