package io.sluice.format;

import io.sluice.catalog.Column;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.List;

/** Conversions between catalog columns and row schemas. */
public final class Schemas {
    private Schemas() {}

    /** The row schema of these columns, in order. */
    public static StructType struct(List<Column> columns) {
        return new StructType(
                columns.stream().map(c -> StructField.of(c.name(), c.type())).toList());
    }
}
