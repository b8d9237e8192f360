package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static io.sluice.expr.ExpressionTesting.evaluationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CastTest {

    @Test
    void textToNumbers() {
        assertThat(eval("CAST(text AS int)", "text", "42")).isEqualTo(42);
        assertThat(eval("CAST(text AS int)", "text", " 42 ")).isEqualTo(42);
        assertThat(eval("CAST(text AS tinyint)", "text", "-5")).isEqualTo((byte) -5);
        assertThat(eval("CAST(text AS smallint)", "text", "300")).isEqualTo((short) 300);
        assertThat(eval("CAST(text AS bigint)", "text", "9000000000")).isEqualTo(9_000_000_000L);
        assertThat(eval("CAST(text AS double)", "text", "1.5e3")).isEqualTo(1500.0);
        assertThat(eval("CAST(text AS float)", "text", "0.25")).isEqualTo(0.25f);
        assertThat(eval("CAST(text AS decimal(6,2))", "text", "12.345")).isEqualTo(new BigDecimal("12.35"));
        assertThat(eval("CAST(text AS boolean)", "text", "TRUE")).isEqualTo(true);
    }

    @ParameterizedTest(name = "CAST(''{0}'' AS {1}) fails")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            abc              | int          | 'abc' is not a valid int
            1.5              | int          | '1.5' is not a valid int
            300              | tinyint      | '300' is not a valid tinyint
            99999999999      | int          | '99999999999' is not a valid int
            12345.6          | decimal(5,2) | '12345.6' is not a valid decimal(5,2)
            NULL             | int          | 'NULL' is not a valid int
            ""               | bigint       | '' is not a valid bigint
            maybe            | boolean      | 'maybe' is not a valid boolean
            2024-02-30       | date         | '2024-02-30' is not a valid date
            yesterday        | timestamp    | 'yesterday' is not a valid timestamp
            x1               | double       | 'x1' is not a valid double
            """)
    void textThatIsNoValueFailsTheRowNamingTheValue(String text, String type, String message) {
        String sql = "CAST(text AS " + type + ")";
        assertThat(evaluationError(sql, "text", text)).hasMessage("expression \"" + sql + "\": " + message);
    }

    @Test
    void textToDatesAndTimestamps() {
        assertThat(eval("CAST(text AS date)", "text", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(eval("CAST(text AS date)", "text", "2024-02-29 23:59:59")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(eval("CAST(text AS timestamp)", "text", "2024-02-29 23:59:59.5"))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 500_000_000));
        assertThat(eval("CAST(text AS timestamp)", "text", "2024-02-29T23:59:59+01:00"))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 22, 59, 59));
        assertThat(eval("CAST(text AS timestamp)", "text", "2024-02-29"))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
    }

    @Test
    void textToText() {
        assertThat(eval("CAST(name AS varchar(4))")).isEqualTo(" Ann");
        assertThat(eval("CAST(name AS char(2))")).isEqualTo(" A");
        assertThat(eval("CAST(code AS string)")).isEqualTo("ab");
        assertThat(eval("CAST(text AS binary)", "text", "hé"))
                .isEqualTo("hé".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            CAST(qty AS string)            | 3
            CAST(price AS string)          | 9.99
            CAST(x AS string)              | 2.5
            CAST(flag AS string)           | true
            CAST(day AS string)            | 2024-02-29
            CAST(ts AS string)             | 2024-03-15 10:30:05
            CAST(bin AS string)            | hi
            CAST(CAST(0.00000012 AS decimal(10,8)) AS string) | 0.00000012
            CAST(price AS varchar(2))      | 9.
            """)
    void valuesToTextAsHiveWritesThem(String sql, String expected) {
        assertThat(eval(sql)).isEqualTo(expected);
    }

    @Test
    void numbersToNumbers() {
        assertThat(eval("CAST(price AS int)")).isEqualTo(9);
        assertThat(eval("CAST(-price AS int)")).isEqualTo(-9);
        assertThat(eval("CAST(x AS bigint)")).isEqualTo(2L);
        assertThat(eval("CAST(-2.7e0 AS int)")).isEqualTo(-2);
        assertThat(eval("CAST(qty AS decimal(5,2))")).isEqualTo(new BigDecimal("3.00"));
        assertThat(eval("CAST(x AS decimal(5,1))")).isEqualTo(new BigDecimal("2.5"));
        assertThat(eval("CAST(0.1e0 AS decimal(20,18))")).isEqualTo(new BigDecimal("0.100000000000000000"));
        assertThat(eval("CAST(price AS decimal(4,1))")).isEqualTo(new BigDecimal("10.0"));
        assertThat(eval("CAST(price AS double)")).isEqualTo(9.99);
        assertThat(eval("CAST(qty AS float)")).isEqualTo(3.0f);
        assertThat(eval("CAST(big AS tinyint)")).isEqualTo((byte) 10);
        assertThat(eval("CAST(ratio AS decimal(3,2))")).isEqualTo(new BigDecimal("0.50"));
    }

    @ParameterizedTest(name = "{0} fails")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            CAST(small AS tinyint)            | 300 is out of range for tinyint
            CAST(price AS decimal(2,1))       | 9.99 is out of range for decimal(2,1)
            CAST(1e20 AS bigint)              | 1.0E20 is out of range for bigint
            CAST(CAST('NaN' AS double) AS int) | NaN is out of range for int
            CAST(CAST('Infinity' AS double) AS decimal(5,2)) | Infinity is out of range for decimal(5,2)
            CAST(99999999999.5 AS int)        | 99999999999.5 is out of range for int
            """)
    void numbersOutOfRangeFailTheRow(String sql, String message) {
        assertThat(evaluationError(sql)).hasMessage("expression \"" + sql + "\": " + message);
    }

    @Test
    void booleansAndNumbers() {
        assertThat(eval("CAST(flag AS int)")).isEqualTo(1);
        assertThat(eval("CAST(FALSE AS decimal(3,1))")).isEqualTo(new BigDecimal("0.0"));
        assertThat(eval("CAST(qty AS boolean)")).isEqualTo(true);
        assertThat(eval("CAST(0.0 AS boolean)")).isEqualTo(false);
        assertThat(eval("CAST(x AS boolean)")).isEqualTo(true);
        assertThat(eval("CAST(x AS boolean)", "x", 0.25)).isEqualTo(true);
        assertThat(eval("CAST(x AS boolean)", "x", -0.0)).isEqualTo(false);
        assertThat(eval("CAST(price AS boolean)", "price", new BigDecimal("0.01")))
                .isEqualTo(true);
    }

    @Test
    void datesTimestampsAndSecondsSince1970() {
        assertThat(eval("CAST(day AS timestamp)")).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
        assertThat(eval("CAST(ts AS date)")).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(eval("CAST(ts AS date)", "ts", LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)))
                .isEqualTo(LocalDate.of(1969, 12, 31));
        assertThat(eval("CAST(ts AS date)", "ts", LocalDateTime.of(1970, 1, 1, 0, 0)))
                .isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(eval("CAST(ts AS date)", "ts", LocalDateTime.of(300_000, 1, 1, 0, 0)))
                .isEqualTo(LocalDate.of(300_000, 1, 1));
        assertThat(eval("CAST(ts AS date)", "ts", null)).isNull();
        assertThat(eval("CAST(ts AS bigint)")).isEqualTo(1_710_498_605L);
        assertThat(eval("CAST(TIMESTAMP '1970-01-01 00:00:01.5' AS double)")).isEqualTo(1.5);
        assertThat(eval("CAST(TIMESTAMP '1970-01-01 00:00:01.25' AS decimal(10,2))"))
                .isEqualTo(new BigDecimal("1.25"));
        assertThat(eval("CAST(1710498605 AS timestamp)")).isEqualTo(LocalDateTime.of(2024, 3, 15, 10, 30, 5));
        assertThat(eval("CAST(1.5 AS timestamp)")).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0, 1, 500_000_000));
        assertThat(eval("CAST(-0.5 AS timestamp)")).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000));
    }

    @Test
    void castOfNullIsNullOfTheType() {
        assertThat(eval("CAST(NULL AS int)")).isNull();
        assertThat(ExpressionTesting.type("CAST(NULL AS date)")).isEqualTo("date");
        assertThat(eval("CAST(n AS string)")).isNull();
        assertThat(eval("CAST(text AS int)", "text", null)).isNull();
    }

    @Test
    void doubleColonCastsToo() {
        assertThat(eval("price::int")).isEqualTo(9);
        assertThat(eval("'2024-01-31'::date")).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void typedLiterals() {
        assertThat(eval("DATE '2024-01-31'")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(eval("TIMESTAMP '2024-01-31 08:00:00'")).isEqualTo(LocalDateTime.of(2024, 1, 31, 8, 0));
    }

    @Test
    void aCastThatFailsOnAConstantFailsEachRowItIsEvaluatedFor() {
        CompiledExpression expression = ExpressionTesting.compile("CASE WHEN qty > 5 THEN CAST('x' AS int) ELSE 0 END");
        assertThat(expression.evaluate(ExpressionTesting.row())).isEqualTo(0);
        assertThat(evaluationError("CASE WHEN qty > 5 THEN CAST('x' AS int) ELSE 0 END", "qty", 6))
                .hasMessageEndingWith("'x' is not a valid int");
    }
}
