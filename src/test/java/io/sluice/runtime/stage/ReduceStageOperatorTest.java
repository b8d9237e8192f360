package io.sluice.runtime.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.ReduceStage;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import io.sluice.row.Row;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReduceStageOperatorTest {
    private final List<Row> out = new ArrayList<>();

    private ReduceStageOperator operator() {
        ValidatedJob job = new JobValidator(SampleLake.resolver(), ExpressionTyper.compiling())
                .validate(
                        JobDefinitions.parse(
                                "t.yaml",
                                """
                        name: t
                        source: { table: lake.sales }
                        output: { path: out/t }
                        stages:
                          - reduce:
                              group_by: [country]
                              aggregate: { orders: "count(*)", revenue: "sum(qty * price)", top: "max(price)", avg_qty: "avg(qty)" }
                        """));
        ReduceStageOperator reduce = ReduceStageOperator.compile(
                (ReduceStage) job.definition().stages().get(0), job.inputOf(0));
        assertThat(reduce.output())
                .as("the validator and the runtime agree on the schema")
                .isEqualTo(job.schemaAfter(0));
        return reduce;
    }

    private static Row sale(String country, int qty, String price) {
        return Row.of(
                1,
                LocalDateTime.of(2024, 1, 1, 0, 0),
                country,
                "widget",
                qty,
                new BigDecimal(price),
                null,
                "2024",
                "01");
    }

    @Test
    void aggregatesEachGroup() {
        ReduceStageOperator reduce = operator();

        reduce.add(sale("DE", 2, "4.50"));
        reduce.add(sale("DE", 1, "12.99"));
        reduce.finish(out::add);
        reduce.add(sale("FR", 3, "1.00"));
        reduce.finish(out::add);

        assertThat(out)
                .containsExactly(
                        Row.of("DE", 2L, new BigDecimal("21.99"), new BigDecimal("12.99"), 1.5),
                        Row.of("FR", 1L, new BigDecimal("3.00"), new BigDecimal("1.00"), 3.0));
    }

    @Test
    void partialsMergedGiveTheSameResultAsOnePass() {
        ReduceStageOperator mapSide = operator();
        List<Row> partials = new ArrayList<>();
        mapSide.add(sale("DE", 2, "4.50"));
        mapSide.partial(partials::add);
        mapSide.add(sale("DE", 1, "12.99"));
        mapSide.add(sale("DE", 5, "0.99"));
        mapSide.partial(partials::add);

        ReduceStageOperator reduceSide = operator();
        partials.forEach(reduceSide::merge);
        reduceSide.finish(out::add);

        assertThat(out).containsExactly(Row.of("DE", 3L, new BigDecimal("26.94"), new BigDecimal("12.99"), 8.0 / 3));
    }
}
