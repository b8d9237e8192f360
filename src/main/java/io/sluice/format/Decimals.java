package io.sluice.format;

import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Decimal values as writers store them: at their column's scale, within its precision. */
public final class Decimals {
    private Decimals() {}

    /**
     * The value at the type's scale. A value with fewer fraction digits is padded; one that needs rounding, or has
     * more digits than the precision, is refused.
     *
     * @throws ArithmeticException for a value that does not fit
     * @throws ClassCastException for a value that is not a {@link BigDecimal}
     */
    public static BigDecimal fit(Object value, DecimalType type) {
        BigDecimal decimal = (BigDecimal) value;
        if (decimal.scale() != type.scale()) {
            decimal = decimal.setScale(type.scale(), RoundingMode.UNNECESSARY);
        }
        if (decimal.precision() > type.precision()) {
            throw new ArithmeticException(decimal.toPlainString() + " has more digits than " + type + " holds");
        }
        return decimal;
    }

    /**
     * The decimal of an unscaled value read from a file at the type's scale.
     *
     * @throws ArithmeticException when it has more digits than the type's precision, which the file's schema promised
     */
    public static BigDecimal ofUnscaled(BigInteger unscaled, DecimalType type) {
        BigDecimal value = new BigDecimal(unscaled, type.scale());
        if (value.precision() > type.precision()) {
            throw new ArithmeticException(value.toPlainString() + " has more digits than " + type + " holds");
        }
        return value;
    }

    /** The unscaled value of a decimal that fits its type, of at most 18 digits. */
    public static long unscaledLong(BigDecimal fitted) {
        return fitted.scaleByPowerOfTen(fitted.scale()).longValueExact();
    }
}
