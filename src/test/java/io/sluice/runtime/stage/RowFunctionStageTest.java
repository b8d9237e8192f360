package io.sluice.runtime.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.SluiceException;
import io.sluice.api.RowEmitter;
import io.sluice.api.RowFunction;
import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.MapStage;
import io.sluice.job.SampleLake;
import io.sluice.job.ValidatedJob;
import io.sluice.row.Row;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row function in a map stage: checked by the validator, run by the operator, closed with it. */
class RowFunctionStageTest {
    static final List<String> EVENTS = new ArrayList<>();

    /** Emits each row's country once per character of {@code repeat}; fails on country 'XX'. */
    public static final class Repeat implements RowFunction {
        private int times;
        private int country;
        private final Row out = new Row(1);

        @Override
        public StructType open(StructType input, Map<String, String> options) {
            EVENTS.add("open");
            times = Integer.parseInt(options.getOrDefault("times", "1"));
            if (times < 0) {
                throw new IllegalArgumentException("times must not be negative");
            }
            country = input.fields().indexOf(input.field("country").orElseThrow());
            return StructType.of(StructField.of("c", PrimitiveType.STRING));
        }

        @Override
        public void apply(Row row, RowEmitter emitter) {
            if ("XX".equals(row.get(country))) {
                throw new IllegalStateException("no country XX");
            }
            for (int i = 0; i < times; i++) {
                out.set(0, row.get(country));
                emitter.emit(out);
            }
        }

        @Override
        public void close() {
            EVENTS.add("close");
        }
    }

    private final List<Row> out = new ArrayList<>();

    private ValidatedJob validate(String function) {
        return new JobValidator(
                        SampleLake.resolver(),
                        ExpressionTyper.compiling(),
                        RowFunctions.typer(getClass().getClassLoader()))
                .validate(JobDefinitions.parse(
                        "t.yaml",
                        """
                        name: t
                        source: { table: lake.sales }
                        output: { path: out/t }
                        stages:
                          - map: { function: %s }
                          - map: { filter: "c <> 'FR'" }
                        """
                                .formatted(function)));
    }

    @Test
    void theFunctionsRowsGoOnInItsSchemaAndItIsClosedWithTheStage() {
        EVENTS.clear();
        ValidatedJob job = validate("{ class: " + Repeat.class.getName() + ", options: { times: 2 } }");
        assertThat(EVENTS).as("the validator opens and closes an instance").containsExactly("open", "close");
        assertThat(job.schemaAfter(0)).isEqualTo(StructType.of(StructField.of("c", PrimitiveType.STRING)));
        EVENTS.clear();

        MapStageOperator map = MapStageOperator.compile(
                (MapStage) job.definition().stages().get(0), job.inputOf(0), row -> out.add(row.copy()));
        map.accept(sale("DE"));
        map.accept(sale("JP"));
        assertThatThrownBy(() -> map.accept(sale("XX")))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("row function " + Repeat.class.getName() + " failed")
                .hasMessageContaining("no country XX");
        map.close();

        assertThat(out).containsExactly(Row.of("DE"), Row.of("DE"), Row.of("JP"), Row.of("JP"));
        assertThat(EVENTS).containsExactly("open", "close");
    }

    @Test
    void refusedOptionsAndUnknownClassesAreProblemsAtTheirLine() {
        assertThatThrownBy(() -> validate("{ class: " + Repeat.class.getName() + ", options: { times: -1 } }"))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("t.yaml:5: stages[1].map.function: ")
                .hasMessageContaining("times must not be negative");
        assertThatThrownBy(() -> validate("com.acme.Nope"))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("t.yaml:5: stages[1].map.function: class 'com.acme.Nope' not found");
        assertThatThrownBy(() -> validate("java.lang.String"))
                .hasMessageContaining("class 'java.lang.String' does not implement io.sluice.api.RowFunction");
        assertThatThrownBy(() -> validate("'not a class'"))
                .hasMessageContaining("'not a class' is not a Java class name");
    }

    private static Row sale(String country) {
        return Row.of(1, null, country, "widget", 1, null, null, "2024", "01");
    }
}
