package io.sluice.expr;

import io.sluice.format.TextValueParser;
import io.sluice.types.PrimitiveType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Dates and timestamps from text and numbers, as casts and date functions need them. Text is read as the text
 * formats read it ({@link TextValueParser}: ISO dates, ISO timestamps with a space or {@code T}, an optional fraction
 * and offset, converted to UTC); a date's text is also a timestamp at midnight and a timestamp's text also a date, as
 * in Hive. Epoch seconds are in UTC, since timestamps carry no zone.
 */
final class Temporals {
    private static final TextValueParser DATES = TextValueParser.of(PrimitiveType.DATE, Optional.empty());
    private static final TextValueParser TIMESTAMPS = TextValueParser.of(PrimitiveType.TIMESTAMP, Optional.empty());

    private Temporals() {}

    /** The date of a text; a timestamp's text gives its date. */
    static LocalDate date(String text) {
        Object date = parse(DATES, text);
        if (date == null) {
            Object timestamp = parse(TIMESTAMPS, text);
            if (timestamp == null) {
                throw invalid(text, "date");
            }
            return ((LocalDateTime) timestamp).toLocalDate();
        }
        return (LocalDate) date;
    }

    /** The timestamp of a text; a date's text gives its midnight. */
    static LocalDateTime timestamp(String text) {
        Object timestamp = parse(TIMESTAMPS, text);
        if (timestamp == null) {
            Object date = parse(DATES, text);
            if (date == null) {
                throw invalid(text, "timestamp");
            }
            return ((LocalDate) date).atStartOfDay();
        }
        return (LocalDateTime) timestamp;
    }

    /** The value of a text read with a pattern such as {@code dd/MM/yyyy}; missing time fields are midnight. */
    static LocalDateTime timestamp(String text, DateTimeFormatter format, String pattern) {
        try {
            TemporalAccessor parsed = format.parseBest(text, LocalDateTime::from, LocalDate::from);
            return parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
        } catch (DateTimeParseException e) {
            throw new ExpressionEvaluationException("'" + text + "' does not match the format '" + pattern + "'");
        }
    }

    static long epochSeconds(LocalDateTime timestamp) {
        return timestamp.toEpochSecond(ZoneOffset.UTC);
    }

    static LocalDateTime ofEpochSeconds(long seconds, int nanos) {
        try {
            return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new ExpressionEvaluationException(seconds + " seconds from 1970 is not a valid timestamp");
        }
    }

    static ExpressionEvaluationException invalid(String text, String what) {
        return new ExpressionEvaluationException("'" + text + "' is not a valid " + what);
    }

    /** The value, or null when the text is not one (including the texts that stand for NULL in files). */
    private static Object parse(TextValueParser parser, String text) {
        if (parser.isNull(text)) {
            return null;
        }
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
