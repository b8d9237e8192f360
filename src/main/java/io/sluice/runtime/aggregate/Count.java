package io.sluice.runtime.aggregate;

import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;

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
}
