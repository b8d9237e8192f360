package io.sluice.format;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The text of a value as Hive's {@code CAST(x AS STRING)} writes it: {@code true}, {@code 42}, {@code 1.5}, decimals
 * without exponent ({@code 0.00000012}), dates {@code 2024-01-15}, timestamps {@code 2024-01-15 10:00:00} with the
 * fraction of the second only when there is one ({@code 10:00:00.25}), binary decoded as UTF-8.
 */
public final class TextForms {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    private TextForms() {}

    /** The text of a non-null primitive value. */
    public static String of(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDateTime timestamp) {
            return TIMESTAMP.format(timestamp);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
