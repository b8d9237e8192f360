package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            qty = 3                       | true
            qty != 3                      | false
            qty <> 4                      | true
            qty < 4                       | true
            qty <= 3                      | true
            qty > 3                       | false
            qty >= 4                      | false
            3 = qty                       | true
            qty = big - 7                 | true
            tiny < small                  | true
            price > 9.98                  | true
            price = 9.990                 | true
            price < qty                   | false
            qty = 3.0                     | true
            x > 2                         | true
            x = 2.5                       | true
            ratio = 0.5                   | true
            price < x                     | false
            country = 'DE'                | true
            country < 'FR'                | true
            code = 'ab'                   | true
            code < country                | false
            flag = TRUE                   | true
            flag > FALSE                  | true
            day = '2024-02-29'            | true
            day < DATE '2024-03-01'       | true
            ts >= '2024-01-01'            | true
            ts > '2024-03-15 10:30:05'    | false
            ts = '2024-03-15T10:30:05'    | true
            ts > day                      | true
            day < ts                      | true
            day = CAST(day AS timestamp)  | true
            CAST(day AS timestamp) = day  | true
            qty = '3'                     | true
            price = '9.99'                | true
            flag = 'true'                 | true
            bin = bin                     | true
            0.0 = -0.0                    | true
            """)
    void comparesValuesOfCompatibleTypes(String sql, boolean expected) {
        assertThat(eval(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is NULL")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            n = 1
            1 = n
            n <> n
            qty = NULL
            NULL = NULL
            NULL < 1
            n IN (1, 2)
            NULL IN (1, 2)
            qty IN (1, NULL)
            qty NOT IN (1, NULL)
            qty IN (1, n)
            n BETWEEN 1 AND 2
            qty BETWEEN n AND 5
            qty BETWEEN 1 AND n
            qty NOT BETWEEN n AND 5
            """)
    void comparisonsWithNullAreNull(String sql) {
        assertThat(eval(sql)).isNull();
    }

    @Test
    void inIsTrueWhenAnItemMatchesEvenWithNullItems() {
        assertThat(eval("qty IN (3, NULL)")).isEqualTo(true);
        assertThat(eval("qty IN (n, 3)")).isEqualTo(true);
        assertThat(eval("qty NOT IN (3, NULL)")).isEqualTo(false);
        assertThat(eval("qty IN (1, 2)")).isEqualTo(false);
        assertThat(eval("qty NOT IN (1, 2)")).isEqualTo(true);
    }

    @Test
    void inComparesAcrossNumericTypesAndWithColumns() {
        assertThat(eval("qty IN (1.5, 3.0)")).isEqualTo(true);
        assertThat(eval("price IN (9.99, 1)")).isEqualTo(true);
        assertThat(eval("x IN (2.5)")).isEqualTo(true);
        assertThat(eval("qty IN (big, tiny, 3)")).isEqualTo(true);
        assertThat(eval("big IN (0.123456789012345678901, 10)")).isEqualTo(true);
        assertThat(eval("price IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 9.99)")).isEqualTo(true);
        assertThat(eval("price IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)")).isEqualTo(false);
        assertThat(eval("qty IN (big, tiny)")).isEqualTo(false);
        assertThat(eval("country IN (name, code)")).isEqualTo(false);
        assertThat(eval("country IN (name, upper('de'))")).isEqualTo(true);
        assertThat(eval("day IN ('2024-02-28', '2024-02-29')")).isEqualTo(true);
        assertThat(eval("ts IN (day, '2024-03-15 10:30:05')")).isEqualTo(true);
    }

    @Test
    void longConstantListsAreSearchedByBinarySearch() {
        StringBuilder list = new StringBuilder("0");
        for (int i = 1; i < 100; i++) {
            list.append(", ").append(i * 7);
        }
        String sql = "qty IN (" + list + ")";
        assertThat(eval(sql, "qty", 693)).isEqualTo(true);
        assertThat(eval(sql, "qty", 0)).isEqualTo(true);
        assertThat(eval(sql, "qty", 694)).isEqualTo(false);
        assertThat(eval("country IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'DE')"))
                .isEqualTo(true);
        assertThat(eval("country NOT IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')"))
                .isEqualTo(true);
    }

    @Test
    void betweenIncludesItsBounds() {
        assertThat(eval("qty BETWEEN 3 AND 5")).isEqualTo(true);
        assertThat(eval("qty BETWEEN 1 AND 3")).isEqualTo(true);
        assertThat(eval("qty BETWEEN 4 AND 5")).isEqualTo(false);
        assertThat(eval("qty NOT BETWEEN 4 AND 5")).isEqualTo(true);
        assertThat(eval("price BETWEEN 9 AND 10.5")).isEqualTo(true);
        assertThat(eval("day BETWEEN '2024-02-01' AND '2024-02-29'")).isEqualTo(true);
        assertThat(eval("ts BETWEEN day AND '2024-03-16'")).isEqualTo(true);
        assertThat(eval("country BETWEEN 'A' AND 'E'")).isEqualTo(true);
    }

    @Test
    void betweenIsFalseWhenOneKnownBoundExcludesTheValue() {
        // x BETWEEN a AND b is x >= a AND x <= b: FALSE AND NULL is FALSE.
        assertThat(eval("qty BETWEEN n AND 2")).isEqualTo(false);
        assertThat(eval("qty BETWEEN 4 AND n")).isEqualTo(false);
        assertThat(eval("qty NOT BETWEEN 4 AND n")).isEqualTo(true);
    }

    @Test
    void isDistinctFromTreatsNullsAsEqual() {
        assertThat(eval("n IS DISTINCT FROM NULL")).isEqualTo(false);
        assertThat(eval("n IS NOT DISTINCT FROM NULL")).isEqualTo(true);
        assertThat(eval("qty IS DISTINCT FROM n")).isEqualTo(true);
        assertThat(eval("qty IS DISTINCT FROM 3")).isEqualTo(false);
        assertThat(eval("qty IS NOT DISTINCT FROM 3.0")).isEqualTo(true);
        assertThat(eval("n <=> NULL")).isEqualTo(true);
        assertThat(eval("qty <=> n")).isEqualTo(false);
        assertThat(eval("qty <=> 3")).isEqualTo(true);
    }

    @Test
    void comparisonsReadRowValues() {
        assertThat(eval("price > 10", "price", new BigDecimal("10.01"))).isEqualTo(true);
        assertThat(eval("day = '2024-01-01'", "day", LocalDate.of(2024, 1, 1))).isEqualTo(true);
        assertThat(eval("ts < day", "ts", LocalDateTime.of(2024, 2, 28, 23, 59), "day", LocalDate.of(2024, 2, 29)))
                .isEqualTo(true);
        assertThat(eval("ts = day", "ts", LocalDateTime.of(2024, 2, 29, 0, 0), "day", LocalDate.of(2024, 2, 29)))
                .isEqualTo(true);
        assertThat(eval("x = x", "x", Double.NaN)).isEqualTo(true);
    }
}
