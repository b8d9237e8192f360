package io.sluice.expr;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Date and time patterns of function arguments ({@code dd/MM/yyyy HH:mm}): literal ones compiled once and checked at
 * compile time, including that they need no time zone, which Sluice's timestamps do not have.
 */
final class Patterns {
    private static final LocalDateTime SAMPLE = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Patterns() {}

    /** The pattern of a constant text argument; an invalid pattern is a compile error. */
    static DateTimeFormatter compile(FunctionCall call, int index) {
        String pattern = call.constantText(index, "a date pattern");
        try {
            DateTimeFormatter format = of(pattern);
            format.format(SAMPLE);
            return format;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw call.errorAt(
                    index, "%s(): '%s' is not a valid date pattern: %s", call.name(), pattern, e.getMessage());
        }
    }

    /** A pattern that comes from the row; an invalid one fails the row. */
    static DateTimeFormatter ofRow(String pattern) {
        try {
            return of(pattern);
        } catch (IllegalArgumentException e) {
            throw new ExpressionEvaluationException("'" + pattern + "' is not a valid date pattern: " + e.getMessage());
        }
    }

    /** A formatter of the pattern that reads a missing month or day as the first, as Hive's patterns do. */
    private static DateTimeFormatter of(String pattern) {
        return new DateTimeFormatterBuilder()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
                .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                .toFormatter(Locale.ROOT);
    }

    /** The text of a timestamp in a pattern of the row, which may ask for fields a timestamp has not. */
    static String format(DateTimeFormatter format, LocalDateTime timestamp) {
        try {
            return format.format(timestamp);
        } catch (DateTimeException e) {
            throw new ExpressionEvaluationException("cannot format " + timestamp + ": " + e.getMessage());
        }
    }
}
