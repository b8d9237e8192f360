package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringFunctionsTest {

    @ParameterizedTest(name = "{0} is ''{1}''")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            lower(country)                 | de
            LOWER(country)                 | de
            upper(name)                    | " ANN LEE "
            trim(name)                     | Ann Lee
            ltrim(name)                    | "Ann Lee "
            rtrim(name)                    | " Ann Lee"
            trim('  ')                     | ""
            substr('Facebook', 5)          | book
            substr('Facebook', 5, 1)       | b
            substring('Facebook', -4, 2)   | bo
            substr('Facebook', 0, 2)       | Fa
            substr('Facebook', 1, 100)     | Facebook
            substr('Facebook', 9)          | ""
            substr('Facebook', -9)         | ""
            substr('Facebook', 2, 0)       | ""
            substr('Facebook', 2, -1)      | ""
            substr('😀ab', 2, 1)           | a
            substr('a😀b', 2, 1)           | 😀
            concat(country, '-', code)     | DE-ab
            concat(country, qty)           | DE3
            concat(country)                | DE
            concat(day, ' ', flag, ' ', price) | 2024-02-29 true 9.99
            concat_ws('-', country, code)  | DE-ab
            concat_ws('-', country, n, code) | DE-ab
            concat_ws(', ', tags)          | a, b, c
            concat_ws('', 'x', tags, 'y')  | xabcy
            replace(name, 'n', 'N')        | " ANN Lee "
            replace('a.b.c', '.', '')      | abc
            replace('aaa', 'aa', 'b')      | ba
            """)
    void textFunctions(String sql, String expected) {
        assertThat(eval(sql)).isEqualTo(expected);
    }

    @Test
    void doubleBarConcatenates() {
        assertThat(eval("country || '/' || qty")).isEqualTo("DE/3");
        assertThat(eval("country || text", "text", null)).isNull();
    }

    @Test
    void lengthCountsCharacters() {
        assertThat(eval("length(name)")).isEqualTo(9);
        assertThat(eval("length('😀é')")).isEqualTo(2);
        assertThat(eval("length('')")).isEqualTo(0);
    }

    @Test
    void trimRemovesSpacesOnlyAsHiveDoes() {
        assertThat(eval("trim(text)", "text", "\t x \n")).isEqualTo("\t x \n");
    }

    @ParameterizedTest(name = "{0} is NULL")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            lower(text)
            length(text)
            substr(text, 1)
            substr(country, n)
            substr(country, 1, n)
            concat(country, text)
            concat(text)
            concat_ws(text, 'a', 'b')
            replace(text, 'a', 'b')
            replace(country, text, 'b')
            trim(NULL)
            """)
    void nullArgumentsGiveNull(String sql) {
        assertThat(eval(sql, "text", null)).isNull();
    }

    @Test
    void concatWsSkipsNullsAndNullElements() {
        assertThat(eval("concat_ws('/', text, country)", "text", null)).isEqualTo("DE");
        assertThat(eval("concat_ws('/', tags)", "tags", Arrays.asList("a", null, "b")))
                .isEqualTo("a/b");
        assertThat(eval("concat_ws('/', tags, country)", "tags", null)).isEqualTo("DE");
        assertThat(eval("concat_ws('/', tags)", "tags", List.of())).isEqualTo("");
    }
}
