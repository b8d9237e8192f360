package io.sluice.runtime.aggregate;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.Arrays;

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

    @Override
    public GroupStates groupStates() {
        return new Sums(argument == PrimitiveType.DOUBLE);
    }

    /** Sums of many groups in a {@code double[]}, and whether each saw a value. */
    private static final class Sums extends PrimitiveGroupStates {
        /** True when the values are doubles (else floats). */
        private final boolean doubles;

        private double[] sums = new double[0];
        private boolean[] any = new boolean[0];

        Sums(boolean doubles) {
            this.doubles = doubles;
        }

        @Override
        public void add(int group, Object value) {
            if (value != null) {
                sums[group] += ((Number) value).doubleValue();
                any[group] = true;
            }
        }

        @Override
        public void add(int group, Row values, int position) {
            if (values.isNull(position)) {
                return;
            }
            sums[group] += doubles ? values.getDouble(position) : ((Number) values.get(position)).doubleValue();
            any[group] = true;
        }

        @Override
        public Object partial(int group) {
            return any[group] ? sums[group] : null;
        }

        @Override
        int capacity() {
            return sums.length;
        }

        @Override
        void resize(int capacity) {
            sums = Arrays.copyOf(sums, capacity);
            any = Arrays.copyOf(any, capacity);
        }

        @Override
        void zero(int from, int to) {
            Arrays.fill(sums, from, to, 0.0);
            Arrays.fill(any, from, to, false);
        }
    }
}
