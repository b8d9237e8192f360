package io.sluice.runtime.aggregate;

/**
 * The bookkeeping of group states held in primitive arrays: how many groups are in use, so that {@link #clear()}
 * costs nothing and {@link #grow} zeroes only the groups it brings (back) into use. Subclasses hold the arrays.
 */
abstract class PrimitiveGroupStates implements GroupStates {
    private int used;

    @Override
    public final void grow(int groups) {
        if (groups <= used) {
            return;
        }
        int capacity = capacity();
        if (groups > capacity) {
            resize(Math.max(groups, Math.max(16, capacity * 2)));
        }
        zero(used, groups);
        used = groups;
    }

    @Override
    public final void clear() {
        used = 0;
    }

    /** How many groups the arrays hold. */
    abstract int capacity();

    /** Copies the arrays into ones of {@code capacity} groups. */
    abstract void resize(int capacity);

    /** Empties the groups {@code [from, to)}. */
    abstract void zero(int from, int to);
}
