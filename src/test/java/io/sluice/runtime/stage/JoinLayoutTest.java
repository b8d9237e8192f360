package io.sluice.runtime.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.JoinStage;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JoinLayout} gives the columns the validator promises, and fills them as the join's type says. */
class JoinLayoutTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ with: returns, on: [order_id] }",
                "{ with: returns, type: full, on: [order_id], columns: [refund, order_id, reason] }",
                "{ with: returns, on: { order_id: return_id }, prefix: r_ }",
                "{ with: returns, on: { order_id: order_id, qty: return_id }, columns: [reason], prefix: r_ }",
                "{ with: customers, on: { country: country, product: name }, columns: [city] }"
            })
    void theJoinedSchemaIsTheValidators(String join) {
        ValidatedJob job = new JobValidator(SampleLake.resolver(), ExpressionTyper.compiling())
                .validate(JobDefinitions.parse(
                        "j.yaml",
                        """
                        source: lake.sales
                        sources: { %s: lake.%s }
                        stages:
                          - join: %s
                        output: { path: out/j }
                        """
                                .formatted(source(join), source(join), join)));
        JoinStage stage = (JoinStage) job.definition().stages().get(0);

        JoinLayout layout = JoinLayout.of(
                stage, job.inputOf(0), job.sources().get(stage.with().name()).schema());

        assertThat(layout.output()).isEqualTo(job.schemaAfter(0));
    }

    private static String source(String join) {
        return join.contains("customers") ? "customers" : "returns";
    }

    @ParameterizedTest
    @ValueSource(strings = {"left", "right", "full"})
    void aSharedKeyHoldsTheKeyOfWhicheverSideHasIt(String type) {
        StructType left = (StructType) DataType.parse("struct<id:int,a:string>");
        StructType right = (StructType) DataType.parse("struct<ID:decimal(12,2),b:string>");
        JoinStage stage = (JoinStage) JobDefinitions.parse(
                        "j.yaml",
                        """
                        source: { path: l.csv, format: csv, schema: "id int, a string" }
                        sources: { r: { path: r.csv, format: csv, schema: "id decimal(12,2), b string" } }
                        stages:
                          - join: { with: r, type: %s, on: [id] }
                        output: { path: out/j }
                        """
                                .formatted(type))
                .stages()
                .get(0);

        JoinLayout layout = JoinLayout.of(stage, left, right);

        assertThat(layout.output()).hasToString("struct<id:decimal(12,2),a:string,b:string>");
        assertThat(layout.join(Row.of(7, "x"), null)).isEqualTo(Row.of(new BigDecimal("7.00"), "x", null));
        assertThat(layout.join(null, Row.of(new BigDecimal("8.50"), "y")))
                .isEqualTo(Row.of(new BigDecimal("8.50"), null, "y"));
        Row leftKey = new Row(1);
        Row rightKey = new Row(1);
        assertThat(layout.leftKey(Row.of(3, "x"), leftKey)).isTrue();
        assertThat(layout.rightKey(Row.of(new BigDecimal("3.00"), "y"), rightKey))
                .isTrue();
        assertThat(leftKey).as("keys widened to one type compare equal").isEqualTo(rightKey);
        assertThat(layout.leftKey(Row.of(null, "x"), leftKey)).isFalse();
    }
}
