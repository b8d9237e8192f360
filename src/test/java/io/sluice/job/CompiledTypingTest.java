package io.sluice.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.SluiceException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job validation with the real expression compiler behind {@link ExpressionTyper#compiling()}. */
class CompiledTypingTest {
    private final JobValidator validator = new JobValidator(SampleLake.resolver(), ExpressionTyper.compiling());

    @Test
    void everyExampleValidatesWithTheCompiler() throws Exception {
        for (String name : JobExamplesTest.exampleNames()) {
            ValidatedJob job = validator.validate(JobDefinitions.read(Path.of("jobs", name + ".yaml"), Map.of()));
            assertThat(job.outputSchema().fields()).as(name).isNotEmpty();
        }
    }

    @Test
    void hiveTypingFlowsThroughTheStages() {
        ValidatedJob job = validator.validate(JobDefinitions.read(Path.of("jobs/daily_revenue.yaml"), Map.of()));

        assertThat(job.schemaAfter(0)).hasToString("struct<country:string,day:date,revenue:decimal(16,2)>");
        assertThat(job.outputSchema())
                .hasToString("struct<country:string,day:date,orders:bigint,revenue:decimal(26,2),"
                        + "biggest_order:decimal(16,2)>");
    }

    @Test
    void compilerErrorsCarryTheJobLine() {
        assertThatThrownBy(
                        () -> validator.validate(
                                JobDefinitions.parse(
                                        "bad.yaml",
                                        """
                        name: bad
                        source: { table: lake.sales }
                        stages:
                          - map:
                              filter: "qty > 0 AND prise < 10"
                        output: { path: out/bad }
                        """)))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("bad.yaml:5")
                .hasMessageContaining("unknown column 'prise' (did you mean 'price'?)");
    }
}
