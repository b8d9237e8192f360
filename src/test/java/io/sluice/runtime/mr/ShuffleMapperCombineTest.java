package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.ReduceStage;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import io.sluice.plan.MapReduceJob;
import io.sluice.plan.Planner;
import io.sluice.row.Row;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyColumn;
import io.sluice.runtime.io.KeyHashPartitioner;
import io.sluice.runtime.io.RowWritable;
import io.sluice.runtime.io.ShuffleConf;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.MapReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

/** The mapper pre-aggregates a combinable reduce; the reducer merges the partials into the same result. */
class ShuffleMapperCombineTest {
    private static final String YAML =
            """
            name: revenue
            source: { table: lake.sales }
            output: { path: out/revenue }
            stages:
              - map: { filter: "qty > 0", derive: { day: "CAST(order_ts AS DATE)" } }
              - reduce:
                  group_by: [country, day]
                  aggregate: { orders: "count(*)", units: "sum(qty)", revenue: "sum(qty * price)", top: "max(price)" }
            """;

    private static Row sale(int id, String ts, String country, int qty, String price) {
        return Row.of(id, LocalDateTime.parse(ts), country, "widget", qty, new BigDecimal(price), null, "2024", "01");
    }

    private static final List<Row> SALES = List.of(
            sale(1, "2024-01-01T10:00", "DE", 2, "4.50"),
            sale(2, "2024-01-01T11:00", "FR", 1, "3.00"),
            sale(3, "2024-01-01T12:00", "DE", 1, "12.99"),
            sale(4, "2024-01-02T09:00", "DE", 3, "1.00"),
            sale(5, "2024-01-01T13:00", "DE", 0, "9.99"),
            sale(6, "2024-01-01T14:00", "FR", 4, "2.50"));

    private static Configuration conf() throws IOException {
        ValidatedJob job = new JobValidator(SampleLake.resolver(), ExpressionTyper.compiling())
                .validate(JobDefinitions.parse("revenue.yaml", YAML));
        MapReduceJob mr = new Planner(name -> OptionalLong.empty(), Planner.DEFAULT_BROADCAST_LIMIT)
                .plan(job)
                .jobs()
                .get(0);
        assertThat(mr.shuffle().orElseThrow().combine()).isTrue();
        Configuration conf = new Configuration(false);
        conf.set(StageMapper.JOB_YAML, YAML);
        conf.set(StageMapper.JOB_NAME, "revenue.yaml");
        conf.set(StageMapper.INPUT_SCHEMA, job.inputOf(0).toString());
        StructType shuffled = job.inputOf(1);
        conf.set(PlanStages.MAP_STAGES, "0");
        conf.setInt(PlanStages.SHUFFLE_STAGE, 1);
        conf.set(PlanStages.SHUFFLE_INPUT_SCHEMA, shuffled.toString());
        ShuffleConf.configure(
                conf,
                shuffled,
                KeyCodec.of(List.of(
                        KeyColumn.asc(2, PrimitiveType.STRING),
                        KeyColumn.asc(shuffled.fields().size() - 1, PrimitiveType.DATE))),
                KeyHashPartitioner.class);
        JobSetup.combine(conf, (ReduceStage) mr.shuffleStage().orElseThrow().stage(), shuffled);
        return JavaRowSerialization.register(conf);
    }

    @Test
    void theMapperEmitsOnePartialPerGroup() throws IOException {
        MapDriver<NullWritable, Row, io.sluice.runtime.io.KeyWritable, RowWritable> driver =
                MapDriver.newMapDriver(new ShuffleMapper());
        driver.withConfiguration(conf());
        SALES.forEach(row -> driver.withInput(NullWritable.get(), row));

        List<Row> partials = new ArrayList<>();
        var codec = ShuffleConf.valueCodec(driver.getConfiguration());
        for (var pair : driver.run()) {
            partials.add(codec.decode(
                    pair.getSecond().bytes(),
                    0,
                    pair.getSecond().length(),
                    new Row(codec.schema().fields().size())));
        }

        // country, day, then the partials of count, sum(qty), sum(qty * price) and max(price)
        assertThat(partials)
                .containsExactlyInAnyOrder(
                        Row.of(
                                "DE",
                                LocalDate.of(2024, 1, 1),
                                2L,
                                3L,
                                new BigDecimal("21.99"),
                                new BigDecimal("12.99")),
                        Row.of("DE", LocalDate.of(2024, 1, 2), 1L, 3L, new BigDecimal("3.00"), new BigDecimal("1.00")),
                        Row.of(
                                "FR",
                                LocalDate.of(2024, 1, 1),
                                2L,
                                5L,
                                new BigDecimal("13.00"),
                                new BigDecimal("3.00")));
    }

    @Test
    void theReducerMergesPartialsOfSeveralMappers() throws IOException {
        MapReduceDriver<NullWritable, Row, io.sluice.runtime.io.KeyWritable, RowWritable, NullWritable, Row> driver =
                MapReduceDriver.newMapReduceDriver(new ShuffleMapper(), new StageReducer());
        driver.withConfiguration(conf());
        // The same sales twice: as if two map tasks had each pre-aggregated a copy.
        SALES.forEach(row -> driver.withInput(NullWritable.get(), row));
        SALES.forEach(row -> driver.withInput(NullWritable.get(), row));

        List<Row> rows = driver.run().stream().map(Pair::getSecond).toList();

        assertThat(rows)
                .containsExactly(
                        Row.of(
                                "DE",
                                LocalDate.of(2024, 1, 1),
                                4L,
                                6L,
                                new BigDecimal("43.98"),
                                new BigDecimal("12.99")),
                        Row.of("DE", LocalDate.of(2024, 1, 2), 2L, 6L, new BigDecimal("6.00"), new BigDecimal("1.00")),
                        Row.of(
                                "FR",
                                LocalDate.of(2024, 1, 1),
                                4L,
                                10L,
                                new BigDecimal("26.00"),
                                new BigDecimal("3.00")));
    }
}
