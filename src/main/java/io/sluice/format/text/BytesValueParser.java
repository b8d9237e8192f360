package io.sluice.format.text;

import static java.util.Objects.requireNonNull;

import io.sluice.classify.TemporalFormat;
import io.sluice.format.TextValueParser;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * {@link TextValueParser} for text that is still bytes: the values a {@link TextValueParser} of the same column gives,
 * read straight from the bytes where that is simple — plain integers, decimals and doubles, {@code true}/{@code
 * false}, dates and timestamps in their recorded layout, UTF-8 or single-byte text — without a {@link String} or an
 * exception in between. Anything else (surrounding spaces, exponents, {@code NULL}, invalid values) is decoded and
 * handed to the {@link TextValueParser}, so both always agree, messages included. Built once per column of a reader,
 * and not thread-safe: string columns reuse the strings of values that repeat ({@link RepeatedStrings}).
 */
public final class BytesValueParser {
    /** What {@link #fast} returns when the bytes need the {@link TextValueParser}. */
    private static final Object DECLINED = new Object();

    /** What {@link #timestampMicros} and {@link #epochDay} return when the value is not read unboxed. */
    public static final long NOT_UNBOXED = TemporalLayout.DECLINED;

    private static final int MAX_LONG_DIGITS = 18;
    private static final long[] LONG_POWERS = longPowers();

    private enum Kind {
        STRING,
        BOOLEAN,
        TINYINT,
        SMALLINT,
        INT,
        BIGINT,
        FLOAT,
        DOUBLE,
        DECIMAL,
        DATE,
        TIMESTAMP,
        OTHER
    }

    private final TextValueParser parser;
    private final Charset charset;
    private final Kind kind;
    private final int scale;
    private final int integerDigits;
    private final TemporalLayout temporal;
    private final RepeatedStrings strings;
    private final PlainNumbers numbers = new PlainNumbers();

    private BytesValueParser(TextValueParser parser, Charset charset, Optional<TemporalFormat> format) {
        this.parser = parser;
        this.charset = charset;
        DataType type = parser.type();
        this.kind = kind(type);
        this.scale = type instanceof DecimalType decimal ? decimal.scale() : 0;
        this.integerDigits = type instanceof DecimalType decimal ? decimal.integerDigits() : 0;
        this.temporal =
                kind == Kind.DATE || kind == Kind.TIMESTAMP ? TemporalLayout.of(format, kind == Kind.TIMESTAMP) : null;
        this.strings = kind == Kind.STRING ? new RepeatedStrings(charset) : null;
    }

    /**
     * A parser of bytes in {@code charset} (which must be ASCII-compatible) that agrees with {@code parser}, built with
     * the same {@code format}.
     */
    public static BytesValueParser of(TextValueParser parser, Charset charset, Optional<TemporalFormat> format) {
        return new BytesValueParser(
                requireNonNull(parser, "parser is null"),
                requireNonNull(charset, "charset is null"),
                requireNonNull(format, "format is null"));
    }

    /**
     * The value of the bytes {@code [from, to)}, or null.
     *
     * @throws IllegalArgumentException as {@link TextValueParser#parse} does, for the same values
     */
    public Object parse(byte[] bytes, int from, int to) {
        if (from == to) {
            return null;
        }
        Object value = fast(bytes, from, to);
        return value != DECLINED ? value : parser.parse(text(bytes, from, to));
    }

    /**
     * For a timestamp column: the value of the non-empty bytes {@code [from, to)} as microseconds since
     * 1970-01-01T00:00 when they are read the fast way and exact to the microsecond, else {@link #NOT_UNBOXED} (then
     * {@link #parse} gives the value, or the error).
     */
    public long timestampMicros(byte[] bytes, int from, int to) {
        return kind == Kind.TIMESTAMP ? temporal.timestampMicros(bytes, from, to) : NOT_UNBOXED;
    }

    /**
     * For a date column: the value of the non-empty bytes {@code [from, to)} as days since 1970-01-01 when they are
     * read the fast way, else {@link #NOT_UNBOXED} (then {@link #parse} gives the value, or the error).
     */
    public long epochDay(byte[] bytes, int from, int to) {
        return kind == Kind.DATE ? temporal.epochDay(bytes, from, to) : NOT_UNBOXED;
    }

    /**
     * For a date or timestamp column: how many bytes a value without a fraction of a second or an offset has (10 or
     * 19), else 0. {@link #timestampMicros} and {@link #epochDay} read such a value only when each of its bytes is one
     * that {@link #plainTemporalMayHold} accepts.
     */
    public int plainTemporalLength() {
        return temporal == null ? 0 : TemporalLayout.plainLength(kind == Kind.TIMESTAMP);
    }

    /** See {@link #plainTemporalLength}; false for other columns. */
    public boolean plainTemporalMayHold(byte b) {
        return temporal != null && temporal.mayHold(b);
    }

    /** The bytes as text. */
    public String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, charset);
    }

    private Object fast(byte[] b, int from, int to) {
        return switch (kind) {
            case STRING -> isNullMarker(b, from, to) ? null : strings.text(b, from, to);
            case BOOLEAN -> bool(b, from, to);
            case TINYINT -> {
                long v = integer(b, from, to);
                yield v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE ? (Object) (byte) v : DECLINED;
            }
            case SMALLINT -> {
                long v = integer(b, from, to);
                yield v >= Short.MIN_VALUE && v <= Short.MAX_VALUE ? (Object) (short) v : DECLINED;
            }
            case INT -> {
                long v = integer(b, from, to);
                yield v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : DECLINED;
            }
            case BIGINT -> {
                long v = integer(b, from, to);
                yield v != Long.MIN_VALUE ? (Object) v : DECLINED;
            }
            case FLOAT -> floating(b, from, to, true);
            case DOUBLE -> floating(b, from, to, false);
            case DECIMAL -> decimal(b, from, to);
            case DATE -> orDeclined(temporal.date(b, from, to));
            case TIMESTAMP -> orDeclined(temporal.timestamp(b, from, to));
            case OTHER -> DECLINED;
        };
    }

    private static Object orDeclined(Object value) {
        return value == null ? DECLINED : value;
    }

    /** {@code \N}: the only null marker a string column has besides the empty text. */
    private static boolean isNullMarker(byte[] b, int from, int to) {
        return to - from == 2 && b[from] == '\\' && b[from + 1] == 'N';
    }

    private static Object bool(byte[] b, int from, int to) {
        int length = to - from;
        if (length == 4 && b[from] == 't' && b[from + 1] == 'r' && b[from + 2] == 'u' && b[from + 3] == 'e') {
            return Boolean.TRUE;
        }
        if (length == 5
                && b[from] == 'f'
                && b[from + 1] == 'a'
                && b[from + 2] == 'l'
                && b[from + 3] == 's'
                && b[from + 4] == 'e') {
            return Boolean.FALSE;
        }
        return DECLINED;
    }

    /** A signed integer of at most 18 digits, else {@link Long#MIN_VALUE}. */
    private long integer(byte[] b, int from, int to) {
        return numbers.scanInteger(b, from, to) == to ? numbers.integer() : Long.MIN_VALUE;
    }

    /**
     * A plain decimal number {@code [sign] digits [. digits]} whose digits fit the significand exactly, divided by a
     * power of ten that is exact too: one correctly rounded division, so the result equals {@link
     * Double#parseDouble} (and {@link Float#parseFloat}).
     */
    private Object floating(byte[] b, int from, int to, boolean single) {
        if (numbers.scanDecimal(b, from, to) != to) {
            return DECLINED;
        }
        if (single) {
            return numbers.isExactFloat() ? (Object) numbers.asFloat() : DECLINED;
        }
        return numbers.isExactDouble() ? (Object) numbers.asDouble() : DECLINED;
    }

    /**
     * A plain decimal number with no more fraction digits than the scale (so no rounding) and at most 18 digits once
     * scaled, within the type's precision.
     */
    private Object decimal(byte[] b, int from, int to) {
        int i = from;
        boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int significant = 0;
        int fraction = -1;
        for (; i < to; i++) {
            int digit = b[i] - '0';
            if (digit >= 0 && digit <= 9) {
                if (++digits > MAX_LONG_DIGITS) {
                    return DECLINED;
                }
                unscaled = unscaled * 10 + digit;
                if (fraction >= 0) {
                    fraction++;
                } else if (unscaled != 0) {
                    significant++; // integer digits after leading zeros
                }
            } else if (b[i] == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return DECLINED;
            }
        }
        int fractionDigits = Math.max(fraction, 0);
        int missing = scale - fractionDigits;
        if (digits == 0 || missing < 0 || digits + missing > MAX_LONG_DIGITS || significant > integerDigits) {
            return DECLINED;
        }
        unscaled *= LONG_POWERS[missing];
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    private static Kind kind(DataType type) {
        if (type instanceof DecimalType) {
            return Kind.DECIMAL;
        }
        if (!(type instanceof PrimitiveType primitive)) {
            return Kind.OTHER; // varchar and char: truncation and padding rules stay in one place
        }
        return switch (primitive) {
            case STRING -> Kind.STRING;
            case BOOLEAN -> Kind.BOOLEAN;
            case TINYINT -> Kind.TINYINT;
            case SMALLINT -> Kind.SMALLINT;
            case INT -> Kind.INT;
            case BIGINT -> Kind.BIGINT;
            case FLOAT -> Kind.FLOAT;
            case DOUBLE -> Kind.DOUBLE;
            case DATE -> Kind.DATE;
            case TIMESTAMP -> Kind.TIMESTAMP;
            case BINARY -> Kind.OTHER;
        };
    }

    private static long[] longPowers() {
        long[] powers = new long[MAX_LONG_DIGITS + 1];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }
}
