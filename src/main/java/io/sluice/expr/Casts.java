package io.sluice.expr;

import io.sluice.format.TextForms;
import io.sluice.format.TextValueParser;
import io.sluice.row.Row;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.VarcharType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * {@code CAST(x AS type)} between primitive types, chosen once for the source and target types.
 *
 * <ul>
 *   <li>to text: the text Hive writes ({@link TextForms}); {@code varchar(n)} and {@code char(n)} keep n characters;
 *   <li>from text: as the text formats read values ({@link TextValueParser}, ISO dates and timestamps); binary takes
 *       the UTF-8 bytes;
 *   <li>between numbers: see {@link NumberCasts}; booleans are 1 and 0, numbers are true unless zero;
 *   <li>date to timestamp is midnight, timestamp to date drops the time; timestamps and numbers convert through
 *       seconds since 1970-01-01 UTC.
 * </ul>
 *
 * A value that does not convert fails the row with the value and the target type; it never becomes NULL.
 */
final class Casts {
    private Casts() {}

    /** The conversion of non-null values, or empty when Sluice cannot cast between these types. */
    static Optional<Calls.Function1> conversion(DataType from, DataType to) {
        if (from.equals(to)) {
            return Optional.of(value -> value);
        }
        if (!from.isPrimitive() || !to.isPrimitive()) {
            return Optional.empty();
        }
        if (to.isText()) {
            return Optional.of(toText(from, to));
        }
        if (from.isText()) {
            return Optional.of(fromText(to));
        }
        if (to.isNumeric()) {
            return NumberCasts.conversion(from, to);
        }
        if (to == PrimitiveType.BOOLEAN) {
            return from.isNumeric() ? Optional.of(Casts::isNonZero) : Optional.empty();
        }
        if (to == PrimitiveType.DATE) {
            return from == PrimitiveType.TIMESTAMP
                    ? Optional.of(value -> ((LocalDateTime) value).toLocalDate())
                    : Optional.empty();
        }
        if (to == PrimitiveType.TIMESTAMP) {
            return toTimestamp(from);
        }
        return Optional.empty();
    }

    /** {@code CAST(timestamp AS DATE)}: the date part; into a row, unboxed. */
    static Node timestampToDate(Node timestamp) {
        return new TimestampToDate(timestamp);
    }

    private static final class TimestampToDate extends Node {
        private static final long MICROS_PER_DAY = 86_400_000_000L;
        private final Node timestamp;

        TimestampToDate(Node timestamp) {
            super(PrimitiveType.DATE);
            this.timestamp = timestamp;
        }

        @Override
        Object evaluate(Row row) {
            Object value = timestamp.evaluate(row);
            return value == null ? null : ((LocalDateTime) value).toLocalDate();
        }

        @Override
        void evaluateInto(Row row, Row out, int position) {
            if (timestamp.isNull(row)) {
                out.set(position, null);
                return;
            }
            long micros;
            try {
                micros = timestamp.timestampMicros(row);
            } catch (ArithmeticException e) {
                out.set(position, evaluate(row)); // too far from 1970 for microseconds, not for a date
                return;
            }
            out.setEpochDay(position, Math.floorDiv(micros, MICROS_PER_DAY));
        }
    }

    /** Hive's number to boolean: any number but zero is true. */
    private static Boolean isNonZero(Object number) {
        if (number instanceof BigDecimal decimal) {
            return Logic.truth(decimal.signum() != 0);
        }
        if (number instanceof Double || number instanceof Float) {
            return Logic.truth(((Number) number).doubleValue() != 0);
        }
        return Logic.truth(((Number) number).longValue() != 0);
    }

    private static Calls.Function1 toText(DataType from, DataType to) {
        int length = maxLength(to);
        if (from.isText()) {
            return value -> truncate((String) value, length);
        }
        return value -> truncate(TextForms.of(value), length);
    }

    private static int maxLength(DataType text) {
        if (text instanceof VarcharType varchar) {
            return varchar.length();
        }
        return text instanceof CharType fixed ? fixed.length() : Integer.MAX_VALUE;
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    private static Calls.Function1 fromText(DataType to) {
        if (to == PrimitiveType.BINARY) {
            return value -> ((String) value).getBytes(StandardCharsets.UTF_8);
        }
        if (to == PrimitiveType.DATE) {
            return value -> Temporals.date((String) value);
        }
        if (to == PrimitiveType.TIMESTAMP) {
            return value -> Temporals.timestamp((String) value);
        }
        TextValueParser parser = TextValueParser.of(to, Optional.empty());
        return value -> parse(parser, (String) value);
    }

    private static Object parse(TextValueParser parser, String text) {
        if (parser.isNull(text)) {
            // "" or "NULL" is no value of the type: failing says so, where a null would hide it.
            throw Temporals.invalid(text, parser.type().toString());
        }
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw Temporals.invalid(text, parser.type().toString());
        }
    }

    private static Optional<Calls.Function1> toTimestamp(DataType from) {
        if (from == PrimitiveType.DATE) {
            return Optional.of(value -> ((LocalDate) value).atStartOfDay());
        }
        if (from.isNumeric()) {
            return Optional.of(NumberCasts::timestampOfSeconds);
        }
        return Optional.empty();
    }
}
