package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class MapInputTest {
    private static final StructType SCHEMA = (StructType) DataType.parse("struct<id:bigint,name:string>");

    private static final InputFile PARTITION_FILE = new InputFile(
            "file:/lake/sales/dt=2024-01-01/part-0.csv",
            1234,
            SCHEMA.toString(),
            "org.apache.hadoop.mapred.TextInputFormat",
            "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
            Map.of("field.delim", ",", "serialization.null.format", ""),
            Map.of("skip.header.line.count", "1", "note", "quotes \" and \\ and ünïcode"),
            List.of("2024-01-01"),
            List.of("date"));

    @Test
    void inputsTravelThroughTheConfigurationUnchanged() {
        InputFile plain = new InputFile(
                "file:/data/a.parquet",
                0,
                SCHEMA.toString(),
                "parquet",
                null,
                Map.of(),
                Map.of(),
                List.of(),
                List.of());
        List<MapInput> inputs = List.of(
                MapInput.files(MapInput.INPUT, List.of(PARTITION_FILE, plain), SCHEMA, SCHEMA),
                MapInput.intermediate(MapInput.OTHER, "file:/tmp/job/1", SCHEMA));
        Configuration conf = new Configuration(false);

        MapInput.set(conf, MapInput.INPUTS, inputs);

        assertThat(MapInput.get(conf, MapInput.INPUTS)).isEqualTo(inputs);
        assertThat(MapInput.get(conf, "sluice.unset")).isEmpty();
    }

    @Test
    void filesTravelInSplitsUnchanged() {
        assertThat(InputFile.fromJson(PARTITION_FILE.toJson())).isEqualTo(PARTITION_FILE);
        assertThat(InputFile.listFromJson(InputFile.toJson(List.of(PARTITION_FILE, PARTITION_FILE))))
                .containsExactly(PARTITION_FILE, PARTITION_FILE);
        assertThat(InputFile.listFromJson("[]")).isEmpty();
    }
}
