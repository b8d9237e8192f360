package io.sluice.runtime.aggregate;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.Arrays;

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
            state.sum = plus(state.sum, value);
            state.any = true;
        }
    }

    private long plus(long sum, Object value) {
        try {
            return Math.addExact(sum, ((Number) value).longValue());
        } catch (ArithmeticException e) {
            throw new SluiceException(
                    ErrorCode.INVALID_ARGUMENT, describe() + " overflows bigint after " + sum + " + " + value);
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
        return new Sums();
    }

    /** Sums of many groups in a {@code long[]}, and whether each saw a value. */
    private final class Sums extends PrimitiveGroupStates {
        private long[] sums = new long[0];
        private boolean[] any = new boolean[0];

        @Override
        public void add(int group, Object value) {
            if (value != null) {
                sums[group] = plus(sums[group], value);
                any[group] = true;
            }
        }

        @Override
        public void add(int group, Row values, int position) {
            if (!values.isNull(position)) {
                long value = values.getLong(position);
                try {
                    sums[group] = Math.addExact(sums[group], value);
                } catch (ArithmeticException e) {
                    plus(sums[group], value); // fails, saying so
                }
                any[group] = true;
            }
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
            Arrays.fill(sums, from, to, 0L);
            Arrays.fill(any, from, to, false);
        }
    }
}
