package io.sluice.catalog;

/** How many partitions a {@link Catalog#putPartitions} call added, replaced, and found unchanged. */
public record PartitionChanges(int added, int updated, int unchanged) {}
