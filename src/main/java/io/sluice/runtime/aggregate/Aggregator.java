package io.sluice.runtime.aggregate;

import io.sluice.types.DataType;

/**
 * An aggregate function over the values of one argument, with mutable state for speed: one state per group, updated
 * in place by {@link #add} for each input value (or by {@link #merge} for each partial result of a combiner or of
 * another map task), finished by {@link #result}.
 *
 * <p>A partial result is a plain value of {@link #partialType()} (numbers, lists, structs as {@link
 * io.sluice.row.Row}s), so combiner output and reducer input travel through {@link io.sluice.runtime.io.RowCodec}
 * like any other column. For every split of the input into consecutive parts, merging the parts' partials in order
 * gives the same result as adding all values to one state.
 *
 * <p>Aggregators keep references to the values they are given; values are immutable by contract. Get them from
 * {@link Aggregators#create}. One aggregator serves every group of a task; it is not meant to be shared between
 * threads.
 *
 * @param <S> the mutable state of one group
 */
public interface Aggregator<S> {
    /** How the aggregate reads in SQL, for messages: {@code sum(decimal(10,2))}, {@code count(DISTINCT string)}. */
    String describe();

    /** The type of the partial results that combiners emit and {@link #merge} takes. */
    DataType partialType();

    /** The type of {@link #result}, as Hive types it. */
    DataType resultType();

    /** The state of a group that has seen no value yet. */
    S createState();

    /** Adds one input value, which may be null (most aggregates skip nulls; {@code count(*)} counts every row). */
    void add(S state, Object value);

    /** Adds a partial result of {@link #partialType()}, as {@link #partial} made it. */
    void merge(S state, Object partial);

    /** The state as a value of {@link #partialType()}; the state must not be changed afterwards. */
    Object partial(S state);

    /** The aggregate's value, of {@link #resultType()}, null where SQL says so; the state must not be changed afterwards. */
    Object result(S state);

    /**
     * Empty states for many groups, for hash aggregation: one state object per group unless the aggregate keeps its
     * states in primitive arrays (counts, sums and averages of numbers do).
     */
    default GroupStates groupStates() {
        return new ObjectGroupStates<>(this);
    }
}
