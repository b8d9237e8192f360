package io.sluice.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mrunit.mapreduce.MapReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

/** Hadoop's shuffle (as MRUnit runs it) sorts and groups {@link KeyWritable}s as {@link ShuffleConf} sets it up. */
class ShuffleMapReduceTest {
    private static final StructType SCHEMA = (StructType) DataType.parse("struct<dept:string,salary:int,name:string>");
    /** Departments ascending (nulls first); within one, salaries descending (nulls last), then names. */
    private static final KeyCodec SECONDARY = KeyCodec.of(
            List.of(
                    KeyColumn.asc(0, PrimitiveType.STRING),
                    KeyColumn.desc(1, PrimitiveType.INT),
                    KeyColumn.asc(2, PrimitiveType.STRING)),
            1);

    private static final List<Row> ROWS = List.of(
            Row.of("sales", 100, "ann"),
            Row.of("eng", 300, "bob"),
            Row.of("sales", null, "cid"),
            Row.of(null, 50, "dan"),
            Row.of("eng", 300, "abe"),
            Row.of("sales", 200, "eve"),
            Row.of("eng", -5, "fay"),
            Row.of("engineering", 1, "gus"),
            Row.of(null, 70, "hal"),
            Row.of("sales", 100, "amy"));

    /** Writes one line per group: the group's department, then its rows' names and salaries in arrival order. */
    static final class RowsByDepartment extends Reducer<KeyWritable, RowWritable, Text, Text> {
        private KeyCodec keys;
        private RowCodec rows;
        private Row group;
        private Row row;

        @Override
        protected void setup(Context context) {
            keys = ShuffleConf.keyCodec(context.getConfiguration());
            rows = ShuffleConf.valueCodec(context.getConfiguration());
            group = new Row(keys.groupingColumns());
            row = new Row(rows.schema().fields().size());
        }

        @Override
        protected void reduce(KeyWritable key, Iterable<RowWritable> values, Context context)
                throws IOException, InterruptedException {
            key.decodeGroup(keys, group);
            List<String> members = new ArrayList<>();
            for (RowWritable value : values) {
                value.decode(rows, row);
                members.add(row.get(2) + ":" + row.get(1));
            }
            context.write(new Text(String.valueOf(group.get(0))), new Text(String.join(" ", members)));
        }
    }

    @Test
    void sortsByTheWholeKeyAndGroupsByItsGroupingPart() throws IOException {
        MapReduceDriver<KeyWritable, RowWritable, KeyWritable, RowWritable, Text, Text> driver =
                MapReduceDriver.newMapReduceDriver(new Mapper<>(), new RowsByDepartment());
        ShuffleConf.configure(driver.getConfiguration(), SCHEMA, SECONDARY, KeyHashPartitioner.class);
        RowCodec codec = RowCodec.of(SCHEMA);
        for (Row row : shuffled(ROWS, 3)) {
            driver.addInput(new KeyWritable().encode(SECONDARY, row), new RowWritable().encode(codec, row));
        }

        List<Pair<Text, Text>> output = driver.run();

        assertThat(output)
                .extracting(pair -> pair.getFirst() + " | " + pair.getSecond())
                .containsExactly(
                        "null | hal:70 dan:50",
                        "eng | abe:300 bob:300 fay:-5",
                        "engineering | gus:1",
                        "sales | eve:200 amy:100 ann:100 cid:null");
    }

    @Test
    void identityJobEmitsRowsInKeyOrder() throws IOException {
        KeyCodec bySalary = KeyCodec.of(
                List.of(KeyColumn.asc(1, PrimitiveType.INT).nullsLast(), KeyColumn.desc(2, PrimitiveType.STRING)));
        MapReduceDriver<KeyWritable, RowWritable, KeyWritable, RowWritable, KeyWritable, RowWritable> driver =
                MapReduceDriver.newMapReduceDriver(new Mapper<>(), new Reducer<>());
        ShuffleConf.configure(driver.getConfiguration(), SCHEMA, bySalary, KeyHashPartitioner.class);
        RowCodec codec = RowCodec.of(SCHEMA);
        for (Row row : shuffled(ROWS, 8)) {
            driver.addInput(new KeyWritable().encode(bySalary, row), new RowWritable().encode(codec, row));
        }

        List<String> names = new ArrayList<>();
        for (Pair<KeyWritable, RowWritable> pair : driver.run()) {
            names.add((String) pair.getSecond().decode(codec, new Row(3)).get(2));
        }

        assertThat(names).containsExactly("fay", "gus", "dan", "hal", "ann", "amy", "eve", "bob", "abe", "cid");
    }

    private static List<Row> shuffled(List<Row> rows, long seed) {
        List<Row> copy = new ArrayList<>(rows);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }
}
