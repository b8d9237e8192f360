package io.sluice.runtime.aggregate;

import static java.util.Objects.requireNonNull;

/**
 * An {@link Aggregator} bound to the state of the current group, for callers that hold aggregators of different
 * state types side by side ({@code Aggregation<?>} needs no casts). {@link #reset()} starts the next group.
 */
public final class Aggregation<S> {
    private final Aggregator<S> aggregator;
    private S state;

    private Aggregation(Aggregator<S> aggregator) {
        this.aggregator = requireNonNull(aggregator, "aggregator is null");
        this.state = aggregator.createState();
    }

    public static <S> Aggregation<S> of(Aggregator<S> aggregator) {
        return new Aggregation<>(aggregator);
    }

    public Aggregator<S> aggregator() {
        return aggregator;
    }

    public void add(Object value) {
        aggregator.add(state, value);
    }

    public void merge(Object partial) {
        aggregator.merge(state, partial);
    }

    public Object partial() {
        return aggregator.partial(state);
    }

    public Object result() {
        return aggregator.result(state);
    }

    /** Starts a new group with a fresh state (the previous result or partial stays valid). */
    public void reset() {
        state = aggregator.createState();
    }
}
