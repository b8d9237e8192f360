package io.sluice.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private final Problems problems = new Problems("jobs/x.yaml");
    private final Placeholders placeholders =
            new Placeholders(Map.of("DAY", "2024-01-15", "DATABASE", "lake"), problems);

    @Test
    void fillsEveryPlaceholderOfAValue() {
        String value = placeholders.rewrite("${DATABASE}.sales_${DAY}", "source.table", 3);

        assertThat(value).isEqualTo("lake.sales_2024-01-15");
        assertThat(placeholders.used()).containsExactlyInAnyOrder("DATABASE", "DAY");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void doubledDollarWritesALiteralPlaceholder() {
        assertThat(placeholders.rewrite("cost $5, $${DAY} and ${DAY}", "f", 1))
                .isEqualTo("cost $5, ${DAY} and 2024-01-15");
    }

    @Test
    void reportsUnknownPlaceholdersAtTheirLineWithASuggestion() {
        String value = placeholders.rewrite("a\nb ${DYA}\n${NOPE}", "stages[1].map.filter", 7);

        assertThat(value).isEqualTo("a\nb ${DYA}\n${NOPE}");
        assertThat(problems.all())
                .containsExactly(
                        "jobs/x.yaml:8: stages[1].map.filter: unknown placeholder '${DYA}' (did you mean '${DAY}'?)",
                        "jobs/x.yaml:9: stages[1].map.filter: unknown placeholder '${NOPE}' (declare it under"
                                + " 'arguments:' or pass --arg NOPE=VALUE)");
    }

    @Test
    void reportsMalformedPlaceholders() {
        placeholders.rewrite("${1x} and ${DAY", "output.path", 4);

        assertThat(problems.all())
                .containsExactly(
                        "jobs/x.yaml:4: output.path: '${1x}' is not a placeholder: write ${NAME}",
                        "jobs/x.yaml:4: output.path: '${' without a closing '}' (write $${ for a literal ${)");
    }
}
