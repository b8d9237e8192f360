package io.sluice.format.orc;

import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;

/**
 * Sets one row of a column vector from a {@link io.sluice.row.Values} value of its Hive type. Built once per column
 * of a file; the vector is passed in each time since child vectors of lists and maps are replaced as they grow.
 */
abstract class VectorWriter {

    /** Sets {@code row} of the vector to the value, or to null. */
    final void write(ColumnVector vector, int row, Object value) {
        if (value == null) {
            vector.noNulls = false;
            vector.isNull[row] = true;
            return;
        }
        vector.isNull[row] = false;
        set(vector, row, value);
    }

    /** Sets {@code row} of the vector to a non-null value. */
    abstract void set(ColumnVector vector, int row, Object value);
}
