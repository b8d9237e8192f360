package io.sluice.runtime.aggregate;

import io.sluice.types.DataType;
import java.util.Comparator;

/** {@code min} and {@code max}: of the argument's type, null when every value is null. */
final class Extreme implements Aggregator<Extreme.State> {
    static final class State {
        Object value;
    }

    private final String name;
    private final DataType argument;
    private final Comparator<Object> order;
    private final int keepWhen;

    private Extreme(String name, DataType argument, Comparator<Object> order, int keepWhen) {
        this.name = name;
        this.argument = argument;
        this.order = order;
        this.keepWhen = keepWhen;
    }

    static Extreme min(DataType argument, Comparator<Object> order) {
        return new Extreme("min", argument, order, -1);
    }

    static Extreme max(DataType argument, Comparator<Object> order) {
        return new Extreme("max", argument, order, 1);
    }

    @Override
    public String describe() {
        return name + "(" + argument + ")";
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
        if (value != null && (state.value == null || Integer.signum(order.compare(value, state.value)) == keepWhen)) {
            state.value = value;
        }
    }

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
