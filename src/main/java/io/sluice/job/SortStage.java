package io.sluice.job;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Orders the rows by keys. A {@code global} sort (the default) orders the whole output: the planner partitions the rows
 * by ranges of the keys (sampled) so that the output files, in name order, are sorted as one. With {@code global:
 * false} only the rows of each partition are sorted, keeping the partitioning of a preceding {@code partition}
 * stage.
 */
public record SortStage(List<SortKey> by, boolean global, int line) implements Stage {

    public SortStage {
        by = List.copyOf(requireNonNull(by, "by is null"));
        if (by.isEmpty()) {
            throw new IllegalArgumentException("a sort stage needs at least one key");
        }
    }

    @Override
    public String kind() {
        return "sort";
    }
}
