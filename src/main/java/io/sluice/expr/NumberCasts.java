package io.sluice.expr;

import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Casts to numbers: from numbers, booleans (1 and 0) and timestamps (seconds since 1970-01-01 UTC, with the fraction
 * for float, double and decimal). Fractions are truncated toward zero for integral types and rounded half-up to a
 * decimal's scale, as in Hive; a value out of the target's range fails the row, where Hive would wrap it around or
 * give NULL.
 */
final class NumberCasts {
    private static final double LONG_LIMIT = 0x1p63;

    private NumberCasts() {}

    static Optional<Calls.Function1> conversion(DataType from, DataType to) {
        if (from == PrimitiveType.BOOLEAN) {
            Calls.Function1 number = number(PrimitiveType.INT, to);
            return Optional.of(value -> number.apply((Boolean) value ? 1 : 0));
        }
        if (from == PrimitiveType.TIMESTAMP) {
            return Optional.of(fromTimestamp(to));
        }
        return from.isNumeric() ? Optional.of(number(from, to)) : Optional.empty();
    }

    private static Calls.Function1 number(DataType from, DataType to) {
        if (to instanceof DecimalType decimal) {
            return value -> fit(decimal(value, decimal), decimal);
        }
        if (to == PrimitiveType.DOUBLE) {
            return value -> ((Number) value).doubleValue();
        }
        if (to == PrimitiveType.FLOAT) {
            return value -> ((Number) value).floatValue();
        }
        PrimitiveType integral = (PrimitiveType) to;
        if (from.isIntegral()) {
            return value -> integral(((Number) value).longValue(), integral, value);
        }
        if (from instanceof DecimalType) {
            return value -> integral(truncated((BigDecimal) value, integral), integral, value);
        }
        return value -> integral(truncated(((Number) value).doubleValue(), integral), integral, value);
    }

    private static Object integral(long value, PrimitiveType type, Object original) {
        Object result = Arithmetic.integral(type, value);
        if (result == null) {
            throw outOfRange(original, type);
        }
        return result;
    }

    private static long truncated(BigDecimal value, PrimitiveType type) {
        try {
            return value.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(value.toPlainString(), type);
        }
    }

    private static long truncated(double value, PrimitiveType type) {
        if (Double.isNaN(value) || value >= LONG_LIMIT || value < -LONG_LIMIT) {
            throw outOfRange(value, type);
        }
        return (long) value;
    }

    private static BigDecimal decimal(Object value, DecimalType type) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw outOfRange(value, type);
            }
            // The shortest text of the double, as Hive does: 0.1 is 0.1, not 0.1000000000000000055...
            return value instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(number);
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    /** The decimal at the type's scale, rounded half-up; fails when it has too many integer digits. */
    static BigDecimal fit(BigDecimal value, DecimalType type) {
        BigDecimal scaled = value.scale() == type.scale() ? value : value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.integerDigits()) {
            throw outOfRange(value.toPlainString(), type);
        }
        return scaled;
    }

    private static Calls.Function1 fromTimestamp(DataType to) {
        if (to.isIntegral()) {
            PrimitiveType integral = (PrimitiveType) to;
            return value -> integral(Temporals.epochSeconds((LocalDateTime) value), integral, value);
        }
        Calls.Function1 number = number(DecimalType.of(DecimalType.MAX_PRECISION, 9), to);
        return value -> number.apply(seconds((LocalDateTime) value));
    }

    private static BigDecimal seconds(LocalDateTime timestamp) {
        return BigDecimal.valueOf(Temporals.epochSeconds(timestamp)).add(BigDecimal.valueOf(timestamp.getNano(), 9));
    }

    /** A timestamp of a number of seconds since 1970-01-01 UTC; a fraction gives the nanoseconds. */
    static LocalDateTime timestampOfSeconds(Object value) {
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            BigDecimal seconds = decimal(value, DecimalType.of(DecimalType.MAX_PRECISION, 9));
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            int nanos = seconds.subtract(whole).movePointRight(9).intValue();
            try {
                return Temporals.ofEpochSeconds(whole.longValueExact(), nanos);
            } catch (ArithmeticException e) {
                throw outOfRange(value, PrimitiveType.TIMESTAMP);
            }
        }
        return Temporals.ofEpochSeconds(((Number) value).longValue(), 0);
    }

    static ExpressionEvaluationException outOfRange(Object value, DataType type) {
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
        return new ExpressionEvaluationException(text + " is out of range for " + type);
    }
}
