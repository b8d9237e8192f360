package io.sluice.api;

import io.sluice.row.Row;

/** Where a {@link RowFunction} sends its rows, one call per row, in the schema its {@code open} returned. */
@FunctionalInterface
public interface RowEmitter {
    void emit(Row row);
}
