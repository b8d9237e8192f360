package io.sluice.classify;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Optional;

/**
 * A date or timestamp text format Sluice recognises. The {@link #pattern()} is what the crawler records in table
 * parameters and what readers look up again with {@link #forPattern}, so files are read the way they were classified.
 *
 * <p>Timestamps may carry a fraction of 1 to 9 digits and, where the pattern ends in {@code [XXX]}, a zone offset
 * ({@code Z}, {@code +01:00}, {@code +0100}); values with an offset are converted to UTC, since Hive timestamps have
 * no zone.
 */
public final class TemporalFormat {
    /** Candidates in order of preference: ambiguous values (01/02/2024) take the earlier format. */
    private static final List<TemporalFormat> ALL = List.of(
            date("yyyy-MM-dd", '-', Order.YMD),
            date("yyyy/MM/dd", '/', Order.YMD),
            date("MM/dd/yyyy", '/', Order.MDY),
            date("dd/MM/yyyy", '/', Order.DMY),
            date("dd.MM.yyyy", '.', Order.DMY),
            date("dd-MM-yyyy", '-', Order.DMY),
            timestamp("yyyy-MM-dd'T'HH:mm:ss[.S][XXX]", '-', Order.YMD, 'T'),
            timestamp("yyyy-MM-dd HH:mm:ss[.S][XXX]", '-', Order.YMD, ' '),
            timestamp("yyyy/MM/dd HH:mm:ss[.S][XXX]", '/', Order.YMD, ' '),
            timestamp("MM/dd/yyyy HH:mm:ss[.S]", '/', Order.MDY, ' '),
            timestamp("dd/MM/yyyy HH:mm:ss[.S]", '/', Order.DMY, ' '),
            timestamp("dd.MM.yyyy HH:mm:ss[.S]", '.', Order.DMY, ' '));

    private enum Order {
        YMD,
        MDY,
        DMY
    }

    private final String pattern;
    private final boolean timestamp;
    private final DateTimeFormatter formatter;

    private TemporalFormat(String pattern, boolean timestamp, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.timestamp = timestamp;
        this.formatter = formatter;
    }

    /** Every format Sluice recognises, in order of preference. */
    public static List<TemporalFormat> all() {
        return ALL;
    }

    /** The format recorded under this pattern. */
    public static Optional<TemporalFormat> forPattern(String pattern) {
        return ALL.stream().filter(f -> f.pattern.equals(pattern)).findFirst();
    }

    public String pattern() {
        return pattern;
    }

    public boolean isTimestamp() {
        return timestamp;
    }

    /** True when the whole text is a valid value of this format (real calendar dates only). */
    public boolean matches(String text) {
        // Classifiers try every format on every candidate value; rejecting the text without an exception first keeps
        // that cheap. Only text of the right form is resolved, which checks the calendar (no February 30).
        ParsePosition position = new ParsePosition(0);
        if (formatter.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
            return false;
        }
        try {
            formatter.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public LocalDate parseDate(String text) {
        return LocalDate.from(formatter.parse(text));
    }

    /** The timestamp, converted to UTC when the text carries an offset. */
    public LocalDateTime parseTimestamp(String text) {
        TemporalAccessor parsed = formatter.parse(text);
        LocalDateTime local = LocalDateTime.from(parsed);
        if (parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
            ZoneOffset offset = ZoneOffset.from(parsed);
            return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return local;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static TemporalFormat date(String pattern, char separator, Order order) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
        appendDate(builder, separator, order);
        return new TemporalFormat(pattern, false, strict(builder));
    }

    private static TemporalFormat timestamp(String pattern, char separator, Order order, char dateTimeSeparator) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
        appendDate(builder, separator, order);
        builder.appendLiteral(dateTimeSeparator)
                .appendValue(HOUR_OF_DAY, 2)
                .appendLiteral(':')
                .appendValue(MINUTE_OF_HOUR, 2)
                .appendLiteral(':')
                .appendValue(SECOND_OF_MINUTE, 2)
                .optionalStart()
                .appendFraction(NANO_OF_SECOND, 1, 9, true)
                .optionalEnd();
        if (pattern.endsWith("[XXX]")) {
            builder.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd();
            builder.optionalStart().appendOffset("+HHMM", "Z").optionalEnd();
        }
        return new TemporalFormat(pattern, true, strict(builder));
    }

    private static void appendDate(DateTimeFormatterBuilder builder, char separator, Order order) {
        switch (order) {
            case YMD -> builder.appendValue(YEAR, 4, 4, SignStyle.NEVER)
                    .appendLiteral(separator)
                    .appendValue(MONTH_OF_YEAR, 2)
                    .appendLiteral(separator)
                    .appendValue(DAY_OF_MONTH, 2);
            case MDY -> builder.appendValue(MONTH_OF_YEAR, 2)
                    .appendLiteral(separator)
                    .appendValue(DAY_OF_MONTH, 2)
                    .appendLiteral(separator)
                    .appendValue(YEAR, 4, 4, SignStyle.NEVER);
            case DMY -> builder.appendValue(DAY_OF_MONTH, 2)
                    .appendLiteral(separator)
                    .appendValue(MONTH_OF_YEAR, 2)
                    .appendLiteral(separator)
                    .appendValue(YEAR, 4, 4, SignStyle.NEVER);
        }
    }

    private static DateTimeFormatter strict(DateTimeFormatterBuilder builder) {
        return builder.toFormatter(java.util.Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT)
                .withChronology(java.time.chrono.IsoChronology.INSTANCE);
    }
}
