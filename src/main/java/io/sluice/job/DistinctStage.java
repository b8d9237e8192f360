package io.sluice.job;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Keeps one row per distinct value of the {@code on} columns (of all columns when {@code on} is empty). Which row of
 * equal ones stays is decided by {@code order_by}: the first or, with {@link Keep#LAST}, the last in that order.
 */
public record DistinctStage(List<ColumnRef> on, Keep keep, List<SortKey> orderBy, int line) implements Stage {

    public DistinctStage {
        on = List.copyOf(requireNonNull(on, "on is null"));
        requireNonNull(keep, "keep is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
    }

    @Override
    public String kind() {
        return "distinct";
    }

    /** True when every column is part of the key. */
    public boolean onAllColumns() {
        return on.isEmpty();
    }

    /** Which of the rows with equal keys is kept. */
    public enum Keep {
        FIRST,
        LAST
    }
}
