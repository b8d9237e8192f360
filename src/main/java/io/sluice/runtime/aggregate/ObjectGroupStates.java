package io.sluice.runtime.aggregate;

import java.util.Arrays;

/** Group states of any aggregator: one state object per group. */
final class ObjectGroupStates<S> implements GroupStates {
    private final Aggregator<S> aggregator;
    private Object[] states = new Object[0];
    private int used;

    ObjectGroupStates(Aggregator<S> aggregator) {
        this.aggregator = aggregator;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(int group, Object value) {
        aggregator.add((S) states[group], value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object partial(int group) {
        return aggregator.partial((S) states[group]);
    }

    @Override
    public void grow(int groups) {
        if (groups > states.length) {
            states = Arrays.copyOf(states, Math.max(groups, states.length * 2));
        }
        for (; used < groups; used++) {
            states[used] = aggregator.createState();
        }
    }

    @Override
    public void clear() {
        Arrays.fill(states, 0, used, null);
        used = 0;
    }
}
