package io.sluice.runtime.aggregate;

import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;

/** {@code sum} of float or double: double, null when every value is null. */
final class DoubleSum implements Aggregator<DoubleSum.State> {
    static final class State {
        double sum;
        boolean any;
    }

    private final DataType argument;

    DoubleSum(DataType argument) {
        this.argument = argument;
    }

    @Override
    public String describe() {
        return "sum(" + argument + ")";
    }

    @Override
    public DataType partialType() {
        return PrimitiveType.DOUBLE;
    }

    @Override
    public DataType resultType() {
        return PrimitiveType.DOUBLE;
    }

    @Override
    public State createState() {
        return new State();
    }

    @Override
    public void add(State state, Object value) {
        if (value != null) {
            state.sum += ((Number) value).doubleValue();
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
