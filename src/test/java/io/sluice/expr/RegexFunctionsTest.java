package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static io.sluice.expr.ExpressionTesting.evaluationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegexFunctionsTest {

    @Test
    void regexpReplaceReplacesEveryMatch() {
        assertThat(eval("regexp_replace(name, '\\s+', '_')")).isEqualTo("_Ann_Lee_");
        assertThat(eval("regexp_replace('2024-01-31', '(\\d+)-(\\d+)-(\\d+)', '$3.$2.$1')"))
                .isEqualTo("31.01.2024");
        assertThat(eval("regexp_replace(country, 'x', 'y')")).isEqualTo("DE");
        assertThat(eval("regexp_replace(text, 'a', 'b')", "text", null)).isNull();
    }

    @Test
    void regexpExtractTakesAGroupAndGivesEmptyTextWithoutMatch() {
        assertThat(eval("regexp_extract('order-123-x', '(\\d+)')")).isEqualTo("123");
        assertThat(eval("regexp_extract('k=v', '(\\w)=(\\w)', 2)")).isEqualTo("v");
        assertThat(eval("regexp_extract('k=v', '(\\w)=(\\w)', 0)")).isEqualTo("k=v");
        assertThat(eval("regexp_extract(country, '(\\d+)', 1)")).isEqualTo("");
        assertThat(eval("regexp_extract('ab', '(x)?b', 1)")).isEqualTo("");
        assertThat(eval("regexp_extract(text, '(a)', 1)", "text", null)).isNull();
    }

    @Test
    void splitKeepsTrailingEmptyTextsAsHiveDoes() {
        assertThat(eval("split('a,b,,', ',')")).isEqualTo(List.of("a", "b", "", ""));
        assertThat(eval("split(name, '\\s+')")).isEqualTo(List.of("", "Ann", "Lee", ""));
        assertThat(eval("split('a.b', '\\.')")).isEqualTo(List.of("a", "b"));
        assertThat(eval("split(text, ',')", "text", null)).isNull();
        assertThat(eval("split(text, ',')[1]", "text", "x,y")).isEqualTo("y");
    }

    @Test
    void patternsFromTheRowAreCompiledPerRow() {
        assertThat(eval("regexp_replace(country, text, '_')", "text", "[DE]")).isEqualTo("__");
        assertThat(eval("regexp_extract(country, text, 1)", "text", "(E)")).isEqualTo("E");
        assertThat(eval("split(country, text)", "text", "")).isEqualTo(List.of("D", "E", ""));
        assertThat(evaluationError("regexp_replace(country, text, '_')", "text", "(x"))
                .hasMessageContaining("'(x' is not a valid regular expression");
        assertThat(evaluationError("regexp_extract(country, text, 2)", "text", "(D)"))
                .hasMessageEndingWith("'(D)' has no group 2");
    }

    @Test
    void anInvalidReplacementFailsTheRow() {
        assertThat(evaluationError("regexp_replace(country, 'D', '$2')"))
                .hasMessageContaining("'$2' is not a valid replacement for 'D'");
    }
}
