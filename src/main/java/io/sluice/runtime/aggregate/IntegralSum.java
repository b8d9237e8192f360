package io.sluice.runtime.aggregate;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;

/** {@code sum} of tinyint, smallint, int or bigint: bigint, null when every value is null; overflow is an error. */
final class IntegralSum implements Aggregator<IntegralSum.State> {
    static final class State {
        long sum;
        boolean any;
    }

    private final DataType argument;

    IntegralSum(DataType argument) {
        this.argument = argument;
    }

    @Override
    public String describe() {
        return "sum(" + argument + ")";
    }

    @Override
    public DataType partialType() {
        return PrimitiveType.BIGINT;
    }

    @Override
    public DataType resultType() {
        return PrimitiveType.BIGINT;
    }

    @Override
    public State createState() {
        return new State();
    }

    @Override
    public void add(State state, Object value) {
        if (value != null) {
            try {
                state.sum = Math.addExact(state.sum, ((Number) value).longValue());
            } catch (ArithmeticException e) {
                throw new SluiceException(
                        ErrorCode.INVALID_ARGUMENT,
                        describe() + " overflows bigint after " + state.sum + " + " + value);
            }
            state.any = true;
        }
    }

    @Override
    public void merge(State state, Object partial) {
        add(state, partial);
    }

    @Override
    public Object partial(State state) {
        return state.any ? state.sum : null;
    }

    @Override
    public Object result(State state) {
        return partial(state);
    }
}
