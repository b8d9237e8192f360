package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.StorageFormat;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StageMapper} running a broadcast join whose other source it reads in its setup. */
class StageMapperBroadcastTest {
    private static final StructType INPUT = (StructType) DataType.parse("struct<id:int,qty:int>");
    private static final StructType OTHER = (StructType) DataType.parse("struct<id:bigint,name:string>");

    @TempDir
    Path dir;

    @Test
    void joinsEachRowWithTheBroadcastRowsOfItsKey() throws IOException {
        Path names = Files.writeString(dir.resolve("names.csv"), "1,one\n2,two\n2,deux\n,none\n");
        String yaml =
                """
                name: b
                source: { path: in.csv, format: csv, schema: "id int, qty int" }
                sources:
                  names: { path: names.csv, format: csv, schema: "id bigint, name string" }
                stages:
                  - map: { filter: "qty > 0" }
                  - join: { with: names, type: left, on: [id], strategy: broadcast }
                output: { path: out }
                """;
        MapDriver<NullWritable, Row, NullWritable, Row> driver = MapDriver.newMapDriver(new StageMapper());
        var conf = driver.getConfiguration();
        RowSerialization.register(conf);
        conf.set(StageMapper.JOB_YAML, yaml);
        conf.set(StageMapper.JOB_NAME, "b.yaml");
        conf.set(StageMapper.INPUT_SCHEMA, INPUT.toString());
        conf.set(PlanStages.MAP_STAGES, "0,1");
        InputFile file = new InputFile(
                names.toUri().toString(),
                Files.size(names),
                OTHER.toString(),
                StorageFormat.CSV.inputFormat(),
                StorageFormat.CSV.serde(),
                Map.of(),
                Map.of("classification", "csv"),
                List.of(),
                List.of());
        BroadcastRows.configure(conf, 1, List.of(MapInput.files(MapInput.OTHER, List.of(file), OTHER, OTHER)), OTHER);
        driver.addInput(NullWritable.get(), Row.of(2, 5));
        driver.addInput(NullWritable.get(), Row.of(3, 1));
        driver.addInput(NullWritable.get(), Row.of(1, 0));
        driver.addInput(NullWritable.get(), Row.of(null, 4));

        List<String> out = driver.run().stream()
                .map(Pair::getSecond)
                .map(r -> r.get(0) + "," + r.get(1) + "," + r.get(2))
                .toList();

        assertThat(out)
                .as("the shared key widened to bigint; unmatched rows kept by the left join; null keys never match")
                .containsExactly("2,5,two", "2,5,deux", "3,1,null", "null,4,null");
    }
}
