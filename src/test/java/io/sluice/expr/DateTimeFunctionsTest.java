package io.sluice.expr;

import static io.sluice.expr.ExpressionTesting.eval;
import static io.sluice.expr.ExpressionTesting.evaluationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeFunctionsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            year(ts)               | 2024
            month(ts)              | 3
            day(ts)                | 15
            dayofmonth(day)        | 29
            hour(ts)               | 10
            minute(ts)             | 30
            second(ts)             | 5
            hour(day)              | 0
            quarter(ts)            | 1
            quarter('2024-12-31')  | 4
            quarter('2024-04-01')  | 2
            dayofweek(day)         | 5
            dayofweek('2024-03-17') | 1
            dayofweek('2024-03-16') | 7
            year('2023-05-06 07:08:09') | 2023
            hour('2023-05-06 07:08:09') | 7
            EXTRACT(MONTH FROM day) | 2
            datediff(ts, day)      | 15
            datediff(day, ts)      | -15
            datediff('2024-01-01', '2023-01-01 23:00:00') | 365
            """)
    void fieldsAndDifferencesAreInts(String sql, int expected) {
        assertThat(eval(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "date_trunc(''{0}'', ts)")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            year    | 2024-01-01T00:00
            quarter | 2024-01-01T00:00
            month   | 2024-03-01T00:00
            week    | 2024-03-11T00:00
            day     | 2024-03-15T00:00
            HOUR    | 2024-03-15T10:00
            minute  | 2024-03-15T10:30
            second  | 2024-03-15T10:30:05
            """)
    void dateTruncGoesToTheStartOfTheUnit(String unit, String expected) {
        assertThat(eval("date_trunc('" + unit + "', ts)", "ts", LocalDateTime.of(2024, 3, 15, 10, 30, 5, 123)))
                .isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void dateTruncOfADateOrText() {
        assertThat(eval("date_trunc('month', day)")).isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0));
        assertThat(eval("date_trunc('quarter', '2024-08-17')")).isEqualTo(LocalDateTime.of(2024, 7, 1, 0, 0));
    }

    @Test
    void dateFormatUsesThePattern() {
        assertThat(eval("date_format(ts, 'yyyy-MM-dd')")).isEqualTo("2024-03-15");
        assertThat(eval("date_format(ts, 'dd/MM/yyyy HH:mm')")).isEqualTo("15/03/2024 10:30");
        assertThat(eval("date_format(day, 'yyyyMMdd HH')")).isEqualTo("20240229 00");
        assertThat(eval("date_format(ts, text)", "text", "yyyy")).isEqualTo("2024");
        assertThat(evaluationError("date_format(ts, text)", "text", "yyyy VV"))
                .hasMessageContaining("cannot format 2024-03-15T10:30:05");
    }

    @Test
    void toDateAndToTimestamp() {
        assertThat(eval("to_date(ts)")).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(eval("to_date('2024-03-15 23:00:00')")).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(eval("to_date(day)")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(eval("to_date('15/03/2024', 'dd/MM/yyyy')")).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(eval("to_date('15.03.2024 10:00', 'dd.MM.yyyy HH:mm')")).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(eval("to_timestamp('2024-03-15')")).isEqualTo(LocalDateTime.of(2024, 3, 15, 0, 0));
        assertThat(eval("to_timestamp(day)")).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
        assertThat(eval("to_timestamp('15/03/2024 10:20', 'dd/MM/yyyy HH:mm')"))
                .isEqualTo(LocalDateTime.of(2024, 3, 15, 10, 20));
        assertThat(eval("to_timestamp('15/03/2024', 'dd/MM/yyyy')")).isEqualTo(LocalDateTime.of(2024, 3, 15, 0, 0));
        assertThat(eval("to_date(text, 'dd/MM/yyyy')", "text", "01/02/2024")).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(eval("to_date(text, code)", "text", "2024", "code", "yyyy")).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void textThatIsNoDateFailsTheRowNamingIt() {
        assertThat(evaluationError("to_date(text)", "text", "31.02.2024"))
                .hasMessage("expression \"to_date(text)\": '31.02.2024' is not a valid date");
        assertThat(evaluationError("to_date(text, 'dd/MM/yyyy')", "text", "2024-02-01"))
                .hasMessage("expression \"to_date(text, 'dd/MM/yyyy')\": '2024-02-01' does not match the format"
                        + " 'dd/MM/yyyy'");
        assertThat(evaluationError("year(text)", "text", "soon"))
                .hasMessageEndingWith("'soon' is not a valid timestamp");
        assertThat(evaluationError("unix_timestamp(text, 'yyyy-MM-dd')", "text", "x"))
                .hasMessageEndingWith("'x' does not match the format 'yyyy-MM-dd'");
    }

    @Test
    void dateArithmetic() {
        assertThat(eval("date_add(day, 1)")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(eval("date_sub(day, 29)")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(eval("date_add(ts, -15)")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(eval("date_add('2024-12-31', qty)")).isEqualTo(LocalDate.of(2025, 1, 3));
        assertThat(evaluationError("date_add(day, big)", "big", 1_000_000_000_000L))
                .hasMessageStartingWith("expression \"date_add(day, big)\": ");
    }

    @Test
    void unixTimeIsSecondsSince1970InUtc() {
        assertThat(eval("unix_timestamp(ts)")).isEqualTo(1_710_498_605L);
        assertThat(eval("unix_timestamp(day)")).isEqualTo(1_709_164_800L);
        assertThat(eval("unix_timestamp('1970-01-02')")).isEqualTo(86_400L);
        assertThat(eval("unix_timestamp('02/01/1970', 'dd/MM/yyyy')")).isEqualTo(86_400L);
        assertThat(eval("from_unixtime(86400)")).isEqualTo("1970-01-02 00:00:00");
        assertThat(eval("from_unixtime(big, 'yyyy')")).isEqualTo("1970");
        assertThat(eval("from_unixtime(unix_timestamp(ts))")).isEqualTo("2024-03-15 10:30:05");
    }

    @Test
    void currentTimeIsReadOnceFromTheClock() {
        assertThat(eval("current_date")).isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(eval("current_date()")).isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(eval("CURRENT_TIMESTAMP")).isEqualTo(LocalDateTime.of(2024, 6, 15, 12, 34, 56));
        assertThat(eval("unix_timestamp()")).isEqualTo(1_718_454_896L);
        assertThat(eval("datediff(current_date, day)")).isEqualTo(107);

        Clock later = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        CompiledExpression expression = Expressions.compile("current_date", ExpressionTesting.SCHEMA, later);
        assertThat(expression.evaluate(ExpressionTesting.row())).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @ParameterizedTest(name = "{0} is NULL")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            year(text)
            dayofweek(text)
            date_trunc('day', text)
            date_format(text, 'yyyy')
            date_format(ts, text)
            to_date(text)
            to_date(text, 'yyyy')
            to_timestamp(text)
            date_add(text, 1)
            date_add(day, n)
            datediff(text, day)
            unix_timestamp(text)
            from_unixtime(n)
            year(NULL)
            """)
    void nullArgumentsGiveNull(String sql) {
        assertThat(eval(sql, "text", null)).isNull();
    }
}
