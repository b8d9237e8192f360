package io.sluice.format.parquet;

import io.sluice.row.Row;

/** Writes one non-null value of a Hive type to Parquet's record consumer, inside its field. */
abstract class ValueWriter {
    abstract void write(Object value);

    /**
     * Writes the non-null value at {@code position} of {@code row}; writers of int, bigint, double, date and timestamp
     * values read it unboxed.
     */
    void write(Row row, int position) {
        write(row.get(position));
    }
}
