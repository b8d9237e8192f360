package io.sluice.job;

import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.util.Locale;
import java.util.Optional;

/** The aggregate functions of a {@code reduce} stage, with the type of their results (as in Hive). */
public enum AggregateFunction {
    /** {@code count(*)}: rows; {@code count(x)}: non-null values; {@code count(DISTINCT x)}: distinct ones. */
    COUNT,
    SUM,
    MIN,
    MAX,
    AVG,
    /** The first value in the group's order ({@code order_by} of the stage, else the order rows arrive in). */
    FIRST,
    LAST,
    COLLECT_LIST;

    /** The function's name as written: {@code count}, {@code collect_list}... */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AggregateFunction> of(String name) {
        for (AggregateFunction function : values()) {
            if (function.spelling().equalsIgnoreCase(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** True when {@code DISTINCT} changes the result: count, sum, avg and collect_list. */
    public boolean allowsDistinct() {
        return this == COUNT || this == SUM || this == AVG || this == COLLECT_LIST;
    }

    /**
     * The type of the result for an argument of type {@code argument} (empty for {@code count(*)}); an argument the
     * function cannot take fails with an {@link IllegalArgumentException} saying why.
     *
     * <ul>
     *   <li>count: bigint;
     *   <li>sum: bigint for integers, double for float and double, decimal(p+10, s) for decimal(p, s);
     *   <li>avg: double, or decimal(p+4, s+4) for decimal(p, s) (at most 38 digits);
     *   <li>min, max, first, last: the argument's type (min and max of primitive types only);
     *   <li>collect_list: array of the argument's type.
     * </ul>
     */
    public DataType resultType(Optional<DataType> argument) {
        if (argument.isEmpty()) {
            if (this != COUNT) {
                throw new IllegalArgumentException(spelling() + "(*) is not an aggregate: only count takes *");
            }
            return PrimitiveType.BIGINT;
        }
        DataType type = argument.get();
        return switch (this) {
            case COUNT -> PrimitiveType.BIGINT;
            case SUM -> sum(type);
            case AVG -> avg(type);
            case MIN, MAX -> ordered(type);
            case FIRST, LAST -> type;
            case COLLECT_LIST -> ArrayType.of(type);
        };
    }

    private DataType sum(DataType type) {
        if (type instanceof DecimalType decimal) {
            return DecimalType.of(Math.min(DecimalType.MAX_PRECISION, decimal.precision() + 10), decimal.scale());
        }
        requireNumber(type);
        return type.isIntegral() ? PrimitiveType.BIGINT : PrimitiveType.DOUBLE;
    }

    private DataType avg(DataType type) {
        if (type instanceof DecimalType decimal) {
            int precision = Math.min(DecimalType.MAX_PRECISION, decimal.precision() + 4);
            return DecimalType.of(precision, Math.min(precision, decimal.scale() + 4));
        }
        requireNumber(type);
        return PrimitiveType.DOUBLE;
    }

    private DataType ordered(DataType type) {
        if (!type.isPrimitive()) {
            throw new IllegalArgumentException(spelling() + " needs values that can be ordered, got " + type);
        }
        return type;
    }

    private void requireNumber(DataType type) {
        if (!type.isNumeric()) {
            throw new IllegalArgumentException(spelling() + " needs a number, got " + type);
        }
    }
}
