package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One partition of a table: its values, one per partition key in key order, and where its data is. Timestamps are set
 * by the catalog when it stores the partition.
 */
public record Partition(
        TableId table,
        List<String> values,
        StorageDescriptor storageDescriptor,
        Map<String, String> parameters,
        Optional<Instant> createTime) {

    /** The value Hive stores for a partition key whose value is null; filters treat it as SQL {@code NULL}. */
    public static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";

    public Partition {
        requireNonNull(table, "table is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a partition needs at least one value");
        }
        requireNonNull(storageDescriptor, "storageDescriptor is null");
        parameters = Parameters.copyOf(parameters);
        requireNonNull(createTime, "createTime is null");
    }

    public static Partition of(TableId table, List<String> values, StorageDescriptor storageDescriptor) {
        return new Partition(table, values, storageDescriptor, Map.of(), Optional.empty());
    }

    public Partition withParameters(Map<String, String> newParameters) {
        return new Partition(table, values, storageDescriptor, newParameters, createTime);
    }

    public Partition withCreateTime(Instant newCreateTime) {
        return new Partition(table, values, storageDescriptor, parameters, Optional.of(newCreateTime));
    }

    /** The same partition without what the catalog adds, for comparing definitions. */
    public Partition definition() {
        return new Partition(table, values, storageDescriptor, parameters, Optional.empty());
    }
}
