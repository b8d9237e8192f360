package io.sluice.format.orc;

import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;

/**
 * Reads the value of one row of a column vector as a {@link io.sluice.row.Values} value of the table's type. Built once
 * per column of a file, used for every row; the vector is passed in each time since ORC may replace child vectors
 * as it grows them.
 */
abstract class VectorReader {

    /** The value at {@code row}, or null. */
    final Object read(ColumnVector vector, int row) {
        int index = vector.isRepeating ? 0 : row;
        if (!vector.noNulls && vector.isNull[index]) {
            return null;
        }
        return value(vector, index);
    }

    /** The non-null value at {@code index}. */
    abstract Object value(ColumnVector vector, int index);
}
