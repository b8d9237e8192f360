package io.sluice.runtime.aggregate;

import io.sluice.types.DataType;

/**
 * {@code first} and {@code last}: the first or last value of the group in the order the aggregate sees them, null
 * included. Across map tasks that order is the order in which partials are merged, which Hadoop does not fix: the
 * result is deterministic only when the group's rows reach one state in a defined order (a secondary sort, no
 * combiner).
 */
final class Positional implements Aggregator<Positional.State> {
    static final class State {
        Object value;
        boolean seen;
    }

    private final boolean last;
    private final DataType argument;

    private Positional(boolean last, DataType argument) {
        this.last = last;
        this.argument = argument;
    }

    static Positional first(DataType argument) {
        return new Positional(false, argument);
    }

    static Positional last(DataType argument) {
        return new Positional(true, argument);
    }

    @Override
    public String describe() {
        return (last ? "last(" : "first(") + argument + ")";
    }

    @Override
    public DataType partialType() {
        return argument;
    }

    @Override
    public DataType resultType() {
        return argument;
    }

    @Override
    public State createState() {
        return new State();
    }

    @Override
    public void add(State state, Object value) {
        if (last || !state.seen) {
            state.value = value;
            state.seen = true;
        }
    }

    /** A partial of a group always comes from at least one row, so it counts as a seen value, null or not. */
    @Override
    public void merge(State state, Object partial) {
        add(state, partial);
    }

    @Override
    public Object partial(State state) {
        return state.value;
    }

    @Override
    public Object result(State state) {
        return state.value;
    }
}
