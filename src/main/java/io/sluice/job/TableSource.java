package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.TableId;
import java.util.Optional;

/**
 * The rows of a catalog table; the table's partition keys come after its columns. {@code where} is a filter on the
 * partition keys ({@code year = '2024'}, see {@link io.sluice.catalog.PartitionFilter}): only the partitions it keeps
 * are read.
 */
public record TableSource(TableId table, Optional<Expr> where, int line) implements Source {
    public TableSource {
        requireNonNull(table, "table is null");
        requireNonNull(where, "where is null");
    }
}
