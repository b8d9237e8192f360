package io.sluice.classify;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.Column;
import io.sluice.types.DataType;

/** A column a classifier found, with the reason for its type (the sample values that decided it). */
public record InferredColumn(String name, DataType type, String reason) {
    public InferredColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(reason, "reason is null");
    }

    public Column toColumn() {
        return Column.of(name, type);
    }
}
