package io.sluice.runtime.aggregate;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.Arrays;

/** {@code count(*)} (every row) and {@code count(x)} (rows where x is not null): bigint, 0 for no rows. */
final class Count implements Aggregator<Count.State> {
    static final class State {
        long count;
    }

    private final boolean everyRow;
    private final String description;

    Count(DataType argument) {
        this.everyRow = argument == null;
        this.description = everyRow ? "count(*)" : "count(" + argument + ")";
    }

    @Override
    public String describe() {
        return description;
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
        if (everyRow || value != null) {
            state.count++;
        }
    }

    @Override
    public void merge(State state, Object partial) {
        state.count += (Long) partial;
    }

    @Override
    public Object partial(State state) {
        return state.count;
    }

    @Override
    public Object result(State state) {
        return state.count;
    }

    @Override
    public GroupStates groupStates() {
        return new Counts(everyRow);
    }

    /** Counts of many groups in one {@code long[]}. */
    private static final class Counts extends PrimitiveGroupStates {
        private final boolean everyRow;
        private long[] counts = new long[0];

        Counts(boolean everyRow) {
            this.everyRow = everyRow;
        }

        @Override
        public void add(int group, Object value) {
            if (everyRow || value != null) {
                counts[group]++;
            }
        }

        @Override
        public void add(int group, Row values, int position) {
            if (everyRow || !values.isNull(position)) {
                counts[group]++;
            }
        }

        @Override
        public Object partial(int group) {
            return counts[group];
        }

        @Override
        int capacity() {
            return counts.length;
        }

        @Override
        void resize(int capacity) {
            counts = Arrays.copyOf(counts, capacity);
        }

        @Override
        void zero(int from, int to) {
            Arrays.fill(counts, from, to, 0L);
        }
    }
}
