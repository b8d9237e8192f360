package io.sluice.expr;

import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The types of literals as written, as Hive 3 types them: whole numbers are int, else bigint, else a decimal of
 * their digits (up to 38), else double; numbers with a point are exact decimals ({@code 1.50} is {@code
 * decimal(3,2)}); numbers with an exponent are doubles. Strings are taken as written between the quotes, a doubled
 * quote standing for one: unlike Hive, a backslash is no escape character, so {@code '\d+'} is the regular expression
 * {@code \d+}.
 */
final class Literals {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Literals() {}

    static Constant number(String text) {
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return Constant.of(PrimitiveType.DOUBLE, Double.parseDouble(text));
        }
        if (text.indexOf('.') < 0) {
            return whole(new BigInteger(text));
        }
        BigDecimal value = new BigDecimal(text);
        int precision = Math.max(value.precision(), value.scale());
        if (precision > DecimalType.MAX_PRECISION || value.scale() < 0) {
            return Constant.of(PrimitiveType.DOUBLE, value.doubleValue());
        }
        return Constant.of(DecimalType.of(Math.max(precision, 1), value.scale()), value);
    }

    private static Constant whole(BigInteger value) {
        if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
            return Constant.of(PrimitiveType.INT, value.intValue());
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return Constant.of(PrimitiveType.BIGINT, value.longValue());
        }
        int digits = value.abs().toString().length();
        if (digits <= DecimalType.MAX_PRECISION) {
            return Constant.of(DecimalType.of(digits, 0), new BigDecimal(value));
        }
        return Constant.of(PrimitiveType.DOUBLE, value.doubleValue());
    }

    static Constant string(String value) {
        return Constant.of(PrimitiveType.STRING, value);
    }

    static Constant bool(boolean value) {
        return Constant.of(PrimitiveType.BOOLEAN, value);
    }
}
