package io.sluice.runtime.io;

import io.sluice.row.Row;

/**
 * Writes non-null values of one type so that unsigned byte order is their ascending SQL order, and reads them back.
 * Every encoding is self-delimiting, so the columns of a key can follow each other and a value is never a prefix of a
 * different value's encoding: that keeps the order when a descending column inverts its bytes.
 */
interface KeyField {
    void write(Object value, BinaryOutput out);

    Object read(KeyReader in);

    /** Writes the non-null value at {@code position} of {@code row}; numbers, dates and timestamps unboxed. */
    default void write(Row row, int position, BinaryOutput out) {
        write(row.get(position), out);
    }

    /** Reads a value into {@code position} of {@code row}; numbers, dates and timestamps unboxed. */
    default void readInto(KeyReader in, Row row, int position) {
        row.set(position, read(in));
    }
}
