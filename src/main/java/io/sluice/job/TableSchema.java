package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.Column;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** The columns and partition keys of a catalog table, as a job reads them. */
public record TableSchema(List<Column> columns, List<Column> partitionKeys) {
    public TableSchema {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        partitionKeys = List.copyOf(requireNonNull(partitionKeys, "partitionKeys is null"));
        if (columns.isEmpty() && partitionKeys.isEmpty()) {
            throw new IllegalArgumentException("a table has at least one column");
        }
    }

    /** The rows a job reads: the columns, then the partition keys (their values taken from the partition). */
    public StructType rowType() {
        List<StructField> fields = new ArrayList<>();
        for (Column column : columns) {
            fields.add(StructField.of(column.name(), column.type()));
        }
        for (Column key : partitionKeys) {
            fields.add(StructField.of(key.name(), key.type()));
        }
        return new StructType(fields);
    }
}
