package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyColumn;
import io.sluice.runtime.io.KeyGroupingComparator;
import io.sluice.runtime.io.KeyHashPartitioner;
import io.sluice.runtime.io.KeyWritable;
import io.sluice.runtime.io.RowWritable;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

/** The mapper keys rows for a sort or a distinct; the pass-through reducer keeps all rows, or one per group. */
class PassThroughReducerTest {
    private static Row sale(int id, String ts, String country, int qty) {
        return Row.of(id, LocalDateTime.parse(ts), country, "widget", qty, new BigDecimal("1.00"), null, "2024", "01");
    }

    private static final List<Row> SALES = List.of(
            sale(1, "2024-01-03T10:00", "DE", 2),
            sale(2, "2024-01-01T11:00", "FR", 1),
            sale(3, "2024-01-02T12:00", "DE", 1),
            sale(4, "2024-01-01T09:00", "DE", 3),
            sale(5, "2024-01-05T13:00", "FR", 7));

    /** A job of one shuffle stage (index 0) over lake.sales, keyed by {@code keys} of which the first groups. */
    private static Configuration conf(String stage, List<KeyColumn> keys, int grouping) {
        String yaml = "name: t\nsource: { table: lake.sales }\noutput: { path: out/t }\nstages:\n  - " + stage + "\n";
        ValidatedJob job = new JobValidator(SampleLake.resolver(), ExpressionTyper.compiling())
                .validate(JobDefinitions.parse("t.yaml", yaml));
        StructType input = job.inputOf(0);
        Configuration conf = new Configuration(false);
        conf.set(StageMapper.JOB_YAML, yaml);
        conf.set(StageMapper.JOB_NAME, "t.yaml");
        conf.set(StageMapper.INPUT_SCHEMA, input.toString());
        conf.set(PlanStages.MAP_STAGES, "");
        conf.set(PlanStages.REDUCE_STAGES, "");
        conf.setInt(PlanStages.SHUFFLE_STAGE, 0);
        conf.set(PlanStages.SHUFFLE_INPUT_SCHEMA, input.toString());
        ShuffleConf.configure(conf, input, KeyCodec.of(keys, grouping), KeyHashPartitioner.class);
        return JavaRowSerialization.register(conf);
    }

    private static List<Row> rows(Configuration conf) throws IOException {
        MapReduceDriver<NullWritable, Row, KeyWritable, RowWritable, NullWritable, Row> driver =
                MapReduceDriver.newMapReduceDriver(new ShuffleMapper(), new PassThroughReducer());
        driver.withConfiguration(conf).withKeyGroupingComparator(new KeyGroupingComparator());
        SALES.forEach(row -> driver.withInput(NullWritable.get(), row));
        return driver.run().stream().map(Pair::getSecond).toList();
    }

    @Test
    void rowsComeWholeWhenTheValuesLeaveTheGroupingColumnsToTheKey() throws IOException {
        Configuration conf = conf(
                "distinct: { on: [country], keep: last, order_by: [order_ts] }",
                List.of(KeyColumn.asc(2, PrimitiveType.STRING), KeyColumn.asc(1, PrimitiveType.TIMESTAMP)),
                1);
        ShuffleConf.leaveGroupingColumnsOutOfValues(conf);

        assertThat(ShuffleConf.rows(conf).keyPositions()).containsExactly(2);
        assertThat(rows(conf)).containsExactly(SALES.get(0), SALES.get(4));
    }

    @Test
    void aSortOfRowsWithoutTheirKeyColumnsInTheValuesKeepsEveryRowWhole() throws IOException {
        Configuration conf = conf(
                "sort: { by: [country, \"order_ts DESC\"] }",
                List.of(KeyColumn.asc(2, PrimitiveType.STRING), KeyColumn.desc(1, PrimitiveType.TIMESTAMP)),
                2);
        ShuffleConf.leaveGroupingColumnsOutOfValues(conf);

        assertThat(ShuffleConf.rows(conf).keyPositions()).containsExactly(2, 1);
        assertThat(rows(conf)).containsExactly(SALES.get(0), SALES.get(2), SALES.get(3), SALES.get(4), SALES.get(1));
    }

    private static List<Integer> ids(Configuration conf) throws IOException {
        MapReduceDriver<NullWritable, Row, KeyWritable, RowWritable, NullWritable, Row> driver =
                MapReduceDriver.newMapReduceDriver(new ShuffleMapper(), new PassThroughReducer());
        driver.withConfiguration(conf).withKeyGroupingComparator(new KeyGroupingComparator());
        SALES.forEach(row -> driver.withInput(NullWritable.get(), row));
        return driver.run().stream()
                .map(Pair::getSecond)
                .map(row -> (Integer) row.get(0))
                .toList();
    }

    @Test
    void aSortKeepsEveryRowInKeyOrder() throws IOException {
        Configuration conf = conf(
                "sort: { by: [country, \"order_ts DESC\"] }",
                List.of(KeyColumn.asc(2, PrimitiveType.STRING), KeyColumn.desc(1, PrimitiveType.TIMESTAMP)),
                2);

        assertThat(ids(conf)).containsExactly(1, 3, 4, 5, 2);
    }

    @Test
    void aDistinctKeepsTheLastRowOfEachGroupInItsOrder() throws IOException {
        Configuration conf = conf(
                "distinct: { on: [country], keep: last, order_by: [order_ts] }",
                List.of(KeyColumn.asc(2, PrimitiveType.STRING), KeyColumn.asc(1, PrimitiveType.TIMESTAMP)),
                1);

        assertThat(ids(conf)).containsExactly(1, 5);
    }

    @Test
    void aDistinctKeepsTheFirstRowByDefault() throws IOException {
        Configuration conf = conf(
                "distinct: { on: [country], order_by: [order_ts] }",
                List.of(KeyColumn.asc(2, PrimitiveType.STRING), KeyColumn.asc(1, PrimitiveType.TIMESTAMP)),
                1);

        assertThat(ids(conf)).containsExactly(4, 2);
    }
}
