package io.sluice.runtime.io;

import io.sluice.row.Row;

/**
 * Writes and reads the non-null values of one type in {@link RowCodec}'s format. Built once per column, so the type is
 * decided when the codec is made, never per value. Nulls are recorded by the enclosing struct, array or map.
 */
interface ValueCodec {
    void write(Object value, BinaryOutput out);

    Object read(BinaryInput in);

    /** Writes the non-null value at {@code position} of {@code row}; numbers, dates and timestamps unboxed. */
    default void write(Row row, int position, BinaryOutput out) {
        write(row.get(position), out);
    }

    /** Reads a value into {@code position} of {@code row}; numbers, dates and timestamps unboxed. */
    default void readInto(BinaryInput in, Row row, int position) {
        row.set(position, read(in));
    }
}
