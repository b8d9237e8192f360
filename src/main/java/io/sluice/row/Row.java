package io.sluice.row;

import java.util.Arrays;

/**
 * One record: values by position, as the schema that goes with it orders them. Rows are mutable so that readers can
 * fill the same row again for every record instead of allocating one each time; {@link #copy()} when a row must
 * outlive the next read.
 *
 * <p>Values are {@code null} (SQL NULL) or of the Java type {@link Values} gives for the column's Hive type.
 */
public final class Row {
    private final Object[] values;

    public Row(int width) {
        this.values = new Object[width];
    }

    private Row(Object[] values) {
        this.values = values;
    }

    /** A row holding these values (not copied). */
    public static Row of(Object... values) {
        return new Row(values);
    }

    public int width() {
        return values.length;
    }

    public Object get(int position) {
        return values[position];
    }

    public void set(int position, Object value) {
        values[position] = value;
    }

    /** Sets every value to null. */
    public void clear() {
        Arrays.fill(values, null);
    }

    /** A copy whose values are shared (they are immutable, but for nested rows, lists and maps, which are copied). */
    public Row copy() {
        Object[] copy = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = Values.copy(values[i]);
        }
        return new Row(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && Arrays.deepEquals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
