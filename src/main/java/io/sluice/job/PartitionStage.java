package io.sluice.job;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;

/**
 * Spreads the rows over {@code reducers} partitions by key: rows with equal keys end up in the same partition (and
 * output file). {@link Method#HASH} spreads them by a hash of the key; {@link Method#RANGE} gives each partition a range
 * of keys (total order: partition {@code i} holds smaller keys than partition {@code i + 1}), from a sample of the
 * keys. Without {@code reducers}, the planner chooses.
 */
public record PartitionStage(List<ColumnRef> by, OptionalInt reducers, Method method, int line) implements Stage {

    public PartitionStage {
        by = List.copyOf(requireNonNull(by, "by is null"));
        requireNonNull(reducers, "reducers is null");
        requireNonNull(method, "method is null");
        if (by.isEmpty()) {
            throw new IllegalArgumentException("a partition stage needs at least one key");
        }
    }

    @Override
    public String kind() {
        return "partition";
    }

    /** How keys are assigned to partitions. */
    public enum Method {
        HASH,
        RANGE
    }
}
