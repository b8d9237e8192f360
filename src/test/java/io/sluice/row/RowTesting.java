package io.sluice.row;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Rows whose values are held unboxed, to check that every path reads and writes them as their boxed values. */
public final class RowTesting {
    /** Timestamps this many years from 1970 still fit a long of microseconds. */
    private static final int MICROS_YEARS = 290_000;

    private RowTesting() {}

    /**
     * A row of the same values, with the int, bigint, double, date and timestamp ones (timestamps exact to the
     * microsecond and near enough to 1970) set unboxed.
     */
    public static Row unboxed(Row row) {
        Row unboxed = new Row(row.width());
        for (int i = 0; i < row.width(); i++) {
            setUnboxed(unboxed, i, row.get(i));
        }
        return unboxed;
    }

    /** Sets {@code value} at {@code position}, unboxed where a row can hold it so. */
    public static void setUnboxed(Row row, int position, Object value) {
        if (value instanceof Integer v) {
            row.setInt(position, v);
        } else if (value instanceof Long v) {
            row.setLong(position, v);
        } else if (value instanceof Double v) {
            row.setDouble(position, v);
        } else if (value instanceof LocalDate v) {
            row.setEpochDay(position, v.toEpochDay());
        } else if (value instanceof LocalDateTime v
                && v.getNano() % 1_000 == 0
                && Math.abs(v.getYear() - 1970) < MICROS_YEARS) {
            row.setTimestampMicros(position, Temporals.epochMicros(v));
        } else {
            row.set(position, value);
        }
    }
}
