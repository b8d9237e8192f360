package io.sluice.runtime.aggregate;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code sum} of decimal(p,s): decimal(min(38, p + 10), s) as in Hive, null when every value is null. A sum beyond
 * 38 digits is an error (Hive would return null).
 */
final class DecimalSum implements Aggregator<DecimalSum.State> {
    static final class State {
        BigDecimal sum;
    }

    private final DecimalType argument;
    private final DecimalType sumType;

    DecimalSum(DecimalType argument) {
        this.argument = argument;
        this.sumType = sumType(argument);
    }

    static DecimalType sumType(DecimalType argument) {
        return DecimalType.of(Math.min(DecimalType.MAX_PRECISION, argument.precision() + 10), argument.scale());
    }

    /** The sum at the type's scale, or an error when it has more digits than the type holds. */
    static BigDecimal fit(BigDecimal sum, DecimalType type, String aggregate) {
        BigDecimal scaled = sum.setScale(type.scale(), RoundingMode.UNNECESSARY);
        if (scaled.precision() > type.precision()) {
            throw new SluiceException(
                    ErrorCode.INVALID_ARGUMENT,
                    aggregate + " overflows " + type + ": the sum " + scaled.toPlainString() + " has "
                            + scaled.precision() + " digits");
        }
        return scaled;
    }

    @Override
    public String describe() {
        return "sum(" + argument + ")";
    }

    @Override
    public DataType partialType() {
        return sumType;
    }

    @Override
    public DataType resultType() {
        return sumType;
    }

    @Override
    public State createState() {
        return new State();
    }

    @Override
    public void add(State state, Object value) {
        if (value != null) {
            BigDecimal decimal = (BigDecimal) value;
            state.sum = state.sum == null ? decimal : state.sum.add(decimal);
        }
    }

    @Override
    public void merge(State state, Object partial) {
        add(state, partial);
    }

    @Override
    public Object partial(State state) {
        return state.sum == null ? null : fit(state.sum, sumType, describe());
    }

    @Override
    public Object result(State state) {
        return partial(state);
    }
}
