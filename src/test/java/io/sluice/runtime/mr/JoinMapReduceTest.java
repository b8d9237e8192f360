package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.JobDefinitions;
import io.sluice.job.JoinStage;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyHashPartitioner;
import io.sluice.runtime.io.KeyWritable;
import io.sluice.runtime.io.RowCodec;
import io.sluice.runtime.io.RowWritable;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.runtime.stage.JoinLayout;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.MapReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

/** {@link JoinMapper} and {@link JoinReducer} under MRUnit, with Hadoop's sort and grouping as the job sets them. */
class JoinMapReduceTest {
    private static final StructType INPUT = (StructType) DataType.parse("struct<id:int,v:string>");
    private static final StructType OTHER = (StructType) DataType.parse("struct<k:bigint,w:string>");

    private static String yaml(String type) {
        return """
                name: j
                source: { path: in.csv, format: csv, schema: "id int, v string" }
                sources:
                  other: { path: other.csv, format: csv, schema: "k bigint, w string" }
                stages:
                  - map: { filter: "v <> 'skip'" }
                  - join: { with: other, type: %s, on: { id: k }, strategy: shuffle }
                output: { path: out }
                """
                .formatted(type);
    }

    private static void configure(Configuration conf, String type) {
        RowSerialization.register(conf);
        String yaml = yaml(type);
        conf.set(StageMapper.JOB_YAML, yaml);
        conf.set(StageMapper.JOB_NAME, "j.yaml");
        conf.set(StageMapper.INPUT_SCHEMA, INPUT.toString());
        conf.set(PlanStages.MAP_STAGES, "0");
        conf.setInt(PlanStages.SHUFFLE_STAGE, 1);
        conf.set(PlanStages.SHUFFLE_INPUT_SCHEMA, INPUT.toString());
        conf.set(PlanStages.REDUCE_STAGES, "");
        conf.set(JoinShuffle.OTHER_SCHEMA, OTHER.toString());
        JoinStage join = (JoinStage) JobDefinitions.parse("j.yaml", yaml, java.util.Map.of())
                .stages()
                .get(1);
        KeyCodec key = JoinShuffle.keyCodec(JoinLayout.of(join, INPUT, OTHER).keyTypes());
        ShuffleConf.configure(conf, INPUT, key, KeyHashPartitioner.class);
    }

    private static final IntWritable INPUT_SIDE = new IntWritable(MapInput.INPUT);
    private static final IntWritable OTHER_SIDE = new IntWritable(MapInput.OTHER);

    @Test
    void theMapperRunsTheInputsStagesAndKeysEachRowByWidenedKeyAndSide() throws IOException {
        MapDriver<IntWritable, Row, KeyWritable, RowWritable> driver = MapDriver.newMapDriver(new JoinMapper());
        configure(driver.getConfiguration(), "inner");
        driver.addInput(INPUT_SIDE, Row.of(1, "a"));
        driver.addInput(INPUT_SIDE, Row.of(2, "skip"));
        driver.addInput(INPUT_SIDE, Row.of(null, "no key"));
        driver.addInput(OTHER_SIDE, Row.of(1L, "x"));
        driver.addInput(OTHER_SIDE, Row.of(null, "no key"));

        List<String> out = new ArrayList<>();
        KeyCodec keys = ShuffleConf.keyCodec(driver.getConfiguration());
        for (Pair<KeyWritable, RowWritable> pair : driver.run()) {
            Row key = pair.getFirst().decode(keys, new Row(2));
            int side = JoinShuffle.side(pair.getSecond());
            RowCodec codec = RowCodec.of(side == MapInput.OTHER ? OTHER : INPUT);
            Row row = JoinShuffle.decode(pair.getSecond(), codec, new Row(2));
            out.add(key.get(0) + "/" + key.get(1) + " " + row.get(0) + "," + row.get(1));
        }

        assertThat(out)
                .as("keys widened to bigint; filtered rows and rows with a null key of an inner join dropped")
                .containsExactly("1/1 1,a", "1/0 1,x");
    }

    @Test
    void aFullJoinKeepsUnmatchedRowsOfBothSidesAndNeverMatchesNullKeys() throws IOException {
        MapReduceDriver<IntWritable, Row, KeyWritable, RowWritable, NullWritable, Row> driver =
                MapReduceDriver.newMapReduceDriver(new JoinMapper(), new JoinReducer());
        configure(driver.getConfiguration(), "full");
        driver.addInput(INPUT_SIDE, Row.of(1, "a"));
        driver.addInput(INPUT_SIDE, Row.of(1, "b"));
        driver.addInput(INPUT_SIDE, Row.of(2, "c"));
        driver.addInput(INPUT_SIDE, Row.of(null, "d"));
        driver.addInput(INPUT_SIDE, Row.of(3, "skip"));
        driver.addInput(OTHER_SIDE, Row.of(1L, "x"));
        driver.addInput(OTHER_SIDE, Row.of(1L, "y"));
        driver.addInput(OTHER_SIDE, Row.of(3L, "z"));
        driver.addInput(OTHER_SIDE, Row.of(null, "n"));

        List<String> out = new ArrayList<>();
        for (Pair<NullWritable, Row> pair : driver.run()) {
            Row row = pair.getSecond();
            out.add(row.get(0) + "," + row.get(1) + "," + row.get(2) + "," + row.get(3));
        }

        assertThat(out)
                .containsExactlyInAnyOrder(
                        "1,a,1,x",
                        "1,a,1,y",
                        "1,b,1,x",
                        "1,b,1,y",
                        "2,c,null,null",
                        "null,d,null,null",
                        "null,null,3,z",
                        "null,null,null,n");
    }

    @Test
    void anInnerJoinInTheReducerGivesMatchedPairsOnly() throws IOException {
        MapReduceDriver<IntWritable, Row, KeyWritable, RowWritable, NullWritable, Row> driver =
                MapReduceDriver.newMapReduceDriver(new JoinMapper(), new JoinReducer());
        configure(driver.getConfiguration(), "right");
        driver.addInput(OTHER_SIDE, Row.of(7L, "x"));
        driver.addInput(INPUT_SIDE, Row.of(7, "a"));
        driver.addInput(INPUT_SIDE, Row.of(8, "b"));
        driver.addInput(OTHER_SIDE, Row.of(9L, "y"));

        List<String> out = new ArrayList<>();
        for (Pair<NullWritable, Row> pair : driver.run()) {
            Row row = pair.getSecond();
            out.add(row.get(0) + "," + row.get(1) + "," + row.get(2) + "," + row.get(3));
        }

        assertThat(out).as("a right join").containsExactlyInAnyOrder("7,a,7,x", "null,null,9,y");
    }
}
