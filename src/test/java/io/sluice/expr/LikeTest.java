package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static io.sluice.expr.ExpressionTesting.evaluationError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikeTest {

    @ParameterizedTest(name = "''{0}'' LIKE ''{1}'' is {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            abc      | abc      | true
            abc      | ab       | false
            abc      | ab%      | true
            abc      | %bc      | true
            abc      | %b%      | true
            abc      | %        | true
            ""       | %        | true
            ""       | _        | false
            abc      | a_c      | true
            abc      | a_       | false
            abc      | ___      | true
            abc      | %%c      | true
            abc      | a%c      | true
            abbbc    | a%b%c    | true
            abcabd   | %ab_     | true
            abcabd   | a%bc     | false
            mississippi | m%iss%pi | true
            mississippi | m%iss%pp | false
            50%      | 50\\%    | true
            500      | 50\\%    | false
            a_c      | a\\_c    | true
            abc      | a\\_c    | false
            a\\b     | a\\\\b   | true
            ABC      | abc      | false
            line1\\nline2 | line1%  | true
            😀x      | _x       | true
            😀x      | __x      | false
            """)
    void likeMatchesWithPercentAndUnderscore(String text, String pattern, boolean expected) {
        String value = text.replace("\\n", "\n");
        assertThat(LikePattern.compile(pattern, '\\').matches(value)).isEqualTo(expected);
        assertThat(eval("text LIKE '" + pattern + "'", "text", value)).isEqualTo(expected);
    }

    @Test
    void likeAndNotLikeOverColumns() {
        assertThat(eval("country LIKE 'D%'")).isEqualTo(true);
        assertThat(eval("country NOT LIKE 'D%'")).isEqualTo(false);
        assertThat(eval("code LIKE '_b'")).isEqualTo(true);
        assertThat(eval("text LIKE 'x'", "text", null)).isNull();
        assertThat(eval("country LIKE NULL")).isNull();
        assertThat(eval("text NOT LIKE 'x'", "text", null)).isNull();
    }

    @Test
    void escapeCharacterCanBeChosen() {
        assertThat(eval("text LIKE '100!%' ESCAPE '!'", "text", "100%")).isEqualTo(true);
        assertThat(eval("text LIKE '100!%' ESCAPE '!'", "text", "1000")).isEqualTo(false);
        assertThat(eval("text LIKE '100\\%' ESCAPE '!'", "text", "100\\x")).isEqualTo(true);
    }

    @Test
    void patternsFromTheRowAreCompiledPerRow() {
        assertThat(eval("country LIKE text", "text", "D_")).isEqualTo(true);
        assertThat(eval("country LIKE text", "text", "F%")).isEqualTo(false);
        assertThat(eval("country LIKE text", "text", null)).isNull();
        assertThat(eval("country RLIKE text", "text", "^D")).isEqualTo(true);
    }

    @Test
    void rlikeFindsTheRegularExpressionAnywhere() {
        assertThat(eval("name RLIKE 'Ann'")).isEqualTo(true);
        assertThat(eval("name RLIKE '^Ann'")).isEqualTo(false);
        assertThat(eval("name REGEXP '\\s+Lee\\s$'")).isEqualTo(true);
        assertThat(eval("name NOT RLIKE '[0-9]'")).isEqualTo(true);
        assertThat(eval("text RLIKE 'x'", "text", null)).isNull();
    }

    @Test
    void anInvalidRegularExpressionFromTheRowFailsTheRow() {
        assertThat(evaluationError("country RLIKE text", "text", "(a"))
                .hasMessageContaining("'(a' is not a valid regular expression");
    }
}
