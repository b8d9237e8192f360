package io.sluice.runtime.aggregate;

import io.sluice.row.Row;

/**
 * The states of one aggregate for many groups at once, addressed by group number ({@code 0, 1, 2, ...} in the order
 * groups appear), for hash aggregation. Aggregates over numbers keep their states in primitive arrays ({@code long[]}
 * counts, {@code double[]} sums), so adding a value neither allocates nor goes through a state object; the others keep
 * one {@link Aggregator} state object per group.
 *
 * <p>Adding values through a {@code GroupStates} gives exactly what adding them to one state per group with {@link
 * Aggregator#add} gives, and {@link #partial} the same partial value. Not meant to be shared between threads.
 */
public interface GroupStates {
    /** Adds one input value (possibly null) to group {@code group}, which must have been {@linkplain #grow made}. */
    void add(int group, Object value);

    /**
     * Adds the value at {@code position} of {@code values} (possibly null) to group {@code group}: as {@link
     * #add(int, Object)}, but reading numbers unboxed where the states are numbers.
     */
    default void add(int group, Row values, int position) {
        add(group, values.get(position));
    }

    /** The partial value of a group, as {@link Aggregator#partial} gives it. */
    Object partial(int group);

    /** Makes room for groups {@code [0, groups)}; groups not seen before start empty. */
    void grow(int groups);

    /** Forgets every group: each starts empty again. */
    void clear();
}
