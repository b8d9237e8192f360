package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

import io.sluice.classify.InferredColumn;
import io.sluice.classify.TemporalFormat;
import java.util.Optional;

/** An inferred column and, for dates and timestamps, the text format its values are in. */
record TypedColumn(InferredColumn column, Optional<TemporalFormat> format) {
    TypedColumn {
        requireNonNull(column, "column is null");
        requireNonNull(format, "format is null");
    }

    String name() {
        return column.name();
    }
}
