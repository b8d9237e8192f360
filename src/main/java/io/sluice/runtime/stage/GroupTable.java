package io.sluice.runtime.stage;

import io.sluice.row.Row;
import io.sluice.row.Values;
import java.util.Arrays;

/**
 * The groups of a hash aggregation: group values to group numbers ({@code 0, 1, 2, ...} in the order groups are
 * added), in an open-addressing table (linear probing, at most half full). Groups are equal when their values are
 * equal by {@code equals}, whether the rows hold them boxed or not ({@link Row#valueEquals}, {@link Row#hashAt}).
 *
 * <p>The values' own hash codes are mixed column by column rather than combined as {@link Arrays#hashCode} does:
 * small structured values (two-letter codes, dates of one year) give {@code 31 * h1 + h2} sums that collide by the
 * thousand, and every collision costs an {@code equals} per lookup.
 */
final class GroupTable {
    private static final int MIX = 0x9E3779B9;

    private final int width;
    private Object[] values;
    /**
     * How each value was held in the row it came from when unboxed ({@link Row#unboxedKind}, else null) and its bits:
     * rows holding theirs the same way compare bits, not a boxed date or number, with it.
     */
    private Object[] kinds;

    private long[] bits;
    private int[] hashes;
    private int[] slots;
    private int shift;
    private int size;

    GroupTable(int width) {
        this.width = width;
        this.values = new Object[16 * width];
        this.kinds = new Object[16 * width];
        this.bits = new long[16 * width];
        this.hashes = new int[16];
        this.slots = new int[64];
        this.shift = Integer.SIZE - 6;
    }

    int size() {
        return size;
    }

    /** Column {@code column} of group {@code group}'s values. */
    Object value(int group, int column) {
        return values[group * width + column];
    }

    /**
     * The number of the group whose values equal those at {@code positions} of {@code row} (by {@code equals},
     * whether the row holds them boxed or not); when there is none, a new group of (copies of) those values is added and
     * {@code ~number} returned (negative: the caller starts its states).
     */
    int groupOf(Row row, int[] positions) {
        int hash = hash(row, positions);
        for (int slot = hash * MIX >>> shift; ; slot = (slot + 1) & (slots.length - 1)) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                int group = add(row, positions, hash);
                slots[slot] = group + 1;
                if (size * 2 > slots.length) {
                    rehash();
                }
                return ~group;
            }
            if (hashes[entry] == hash && equal(entry, row, positions)) {
                return entry;
            }
        }
    }

    /** Forgets every group. */
    void clear() {
        Arrays.fill(values, 0, size * width, null);
        Arrays.fill(kinds, 0, size * width, null);
        Arrays.fill(slots, 0);
        size = 0;
    }

    /** Adds a group (this and {@link #rehash} are not inlined by C2: bin/compiler-directives.json). */
    private int add(Row row, int[] positions, int hash) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            values = Arrays.copyOf(values, size * 2 * width);
            kinds = Arrays.copyOf(kinds, size * 2 * width);
            bits = Arrays.copyOf(bits, size * 2 * width);
        }
        for (int i = 0; i < width; i++) {
            int at = size * width + i;
            values[at] = Values.copy(row.get(positions[i]));
            kinds[at] = row.unboxedKind(positions[i]);
            bits[at] = row.unboxedBits(positions[i]);
        }
        hashes[size] = hash;
        return size++;
    }

    private boolean equal(int entry, Row row, int[] positions) {
        int start = entry * width;
        for (int i = 0; i < width; i++) {
            if (!row.valueEquals(positions[i], values[start + i], kinds[start + i], bits[start + i])) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        shift--;
        int mask = slots.length - 1;
        for (int group = 0; group < size; group++) {
            int slot = hashes[group] * MIX >>> shift;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = group + 1;
        }
    }

    private static int hash(Row row, int[] positions) {
        int hash = 0;
        for (int position : positions) {
            hash = (hash + row.hashAt(position)) * MIX;
            hash ^= hash >>> 15;
        }
        return hash;
    }
}
