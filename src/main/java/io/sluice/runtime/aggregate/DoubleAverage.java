package io.sluice.runtime.aggregate;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.Arrays;

/** {@code avg} of integral, float or double values: double, null when every value is null. */
final class DoubleAverage implements Aggregator<DoubleAverage.State> {
    static final class State {
        double sum;
        long count;
    }

    private static final StructType PARTIAL =
            StructType.of(StructField.of("sum", PrimitiveType.DOUBLE), StructField.of("count", PrimitiveType.BIGINT));

    private final DataType argument;

    DoubleAverage(DataType argument) {
        this.argument = argument;
    }

    @Override
    public String describe() {
        return "avg(" + argument + ")";
    }

    @Override
    public DataType partialType() {
        return PARTIAL;
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
            state.count++;
        }
    }

    @Override
    public void merge(State state, Object partial) {
        Row row = (Row) partial;
        state.sum += (Double) row.get(0);
        state.count += (Long) row.get(1);
    }

    @Override
    public Object partial(State state) {
        return Row.of(state.sum, state.count);
    }

    @Override
    public Object result(State state) {
        return state.count == 0 ? null : state.sum / state.count;
    }

    @Override
    public GroupStates groupStates() {
        return new Averages();
    }

    /** Sums and counts of many groups in a {@code double[]} and a {@code long[]}. */
    private static final class Averages extends PrimitiveGroupStates {
        private double[] sums = new double[0];
        private long[] counts = new long[0];

        @Override
        public void add(int group, Object value) {
            if (value != null) {
                sums[group] += ((Number) value).doubleValue();
                counts[group]++;
            }
        }

        @Override
        public Object partial(int group) {
            return Row.of(sums[group], counts[group]);
        }

        @Override
        int capacity() {
            return sums.length;
        }

        @Override
        void resize(int capacity) {
            sums = Arrays.copyOf(sums, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }

        @Override
        void zero(int from, int to) {
            Arrays.fill(sums, from, to, 0.0);
            Arrays.fill(counts, from, to, 0L);
        }
    }
}
