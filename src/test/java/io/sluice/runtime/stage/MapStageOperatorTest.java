package io.sluice.runtime.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.MapStage;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import io.sluice.row.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapStageOperatorTest {
    private final List<Row> out = new ArrayList<>();

    /** A validated job over lake.sales with one map stage, and the operator for that stage. */
    private MapStageOperator operator(String stage) {
        ValidatedJob job = new JobValidator(SampleLake.resolver(), ExpressionTyper.compiling())
                .validate(JobDefinitions.parse(
                        "t.yaml",
                        """
                        name: t
                        source: { table: lake.sales }
                        output: { path: out/t }
                        stages:
                          - map: %s
                        """
                                .formatted(stage)));
        MapStageOperator operator = MapStageOperator.compile(
                (MapStage) job.definition().stages().get(0), job.inputOf(0), row -> out.add(row.copy()));
        assertThat(operator.output())
                .as("the validator and the runtime agree on the schema")
                .isEqualTo(job.schemaAfter(0));
        return operator;
    }

    private static Row sale(int id, String country, int qty, String price) {
        return Row.of(
                id,
                LocalDateTime.of(2024, 1, 15, 10, 30),
                country,
                "widget",
                qty,
                new BigDecimal(price),
                null,
                "2024",
                "01");
    }

    @Test
    void filterSelectWithExpressions() {
        MapStageOperator map = operator(
                """
                { filter: "qty > 0", select: { country: lower(country), day: "CAST(order_ts AS DATE)", revenue: "qty * price" } }""");

        map.accept(sale(1, "DE", 3, "4.50"));
        map.accept(sale(2, "FR", 0, "9.99"));

        assertThat(out).containsExactly(Row.of("de", LocalDate.of(2024, 1, 15), new BigDecimal("13.50")));
    }

    @Test
    void selectedColumnsAndComputedOnesKeepTheirPlaces() {
        MapStageOperator map = operator(
                """
                { select: { total: "qty * price", nation: country, id: order_id, next: "qty + 1", again: country } }""");

        map.accept(sale(7, "JP", 2, "1.25"));
        map.accept(sale(8, "DE", 5, "2.00"));

        assertThat(out)
                .containsExactly(
                        Row.of(new BigDecimal("2.50"), "JP", 7, 3, "JP"),
                        Row.of(new BigDecimal("10.00"), "DE", 8, 6, "DE"));
    }

    @Test
    void deriveRenameDropCastInOrder() {
        MapStageOperator map = operator(
                """
                { derive: { total: "qty * price", qty: "qty + 1" }, rename: { country: nation }, drop: [product, discount, order_ts], cast: { order_id: bigint } }""");

        map.accept(sale(7, "JP", 2, "1.25"));

        assertThat(map.output().toString())
                .isEqualTo("struct<order_id:bigint,nation:string,qty:int,price:decimal(5,2),year:string,month:string,"
                        + "total:decimal(16,2)>");
        assertThat(out)
                .containsExactly(Row.of(7L, "JP", 3, new BigDecimal("1.25"), "2024", "01", new BigDecimal("2.50")));
    }

    @Test
    void aFailingExpressionSurfacesForTheErrorOutput() {
        MapStageOperator map = operator("{ select: { n: \"CAST(country AS INT)\" } }");

        assertThatThrownBy(() -> map.accept(sale(1, "DE", 1, "1.00")))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("DE");
        assertThat(out).isEmpty();
    }
}
