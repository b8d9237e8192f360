package io.sluice.types;

/** {@code decimal(precision, scale)}: up to 38 digits, of which {@code scale} are after the point. */
public record DecimalType(int precision, int scale) implements DataType {
    public static final int MAX_PRECISION = 38;
    /** Hive's {@code decimal} without parameters. */
    public static final DecimalType DEFAULT = new DecimalType(10, 0);

    public DecimalType {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException(
                    "decimal precision must be between 1 and " + MAX_PRECISION + ", got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException(
                    "decimal scale must be between 0 and the precision " + precision + ", got " + scale);
        }
    }

    public static DecimalType of(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    /** Digits before the point. */
    public int integerDigits() {
        return precision - scale;
    }

    @Override
    public String toString() {
        return "decimal(" + precision + "," + scale + ")";
    }
}
