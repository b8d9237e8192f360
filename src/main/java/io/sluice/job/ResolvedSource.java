package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.PartitionFilter;
import io.sluice.types.StructType;
import java.util.Optional;

/**
 * A source with the schema of its rows and, for a table read with {@code where}, the filter that chooses the
 * partitions to read.
 */
public record ResolvedSource(Source source, StructType schema, Optional<PartitionFilter> partitionFilter) {
    public ResolvedSource {
        requireNonNull(source, "source is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(partitionFilter, "partitionFilter is null");
    }
}
