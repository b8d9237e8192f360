package io.sluice.job;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Groups the rows by {@code group_by} and gives one row per group: the group-by columns, then one column per
 * aggregate. Without {@code group_by} the whole input is one group. {@code order_by} orders the rows of each group for
 * {@code first}, {@code last} and {@code collect_list}.
 */
public record ReduceStage(List<ColumnRef> groupBy, List<Aggregate> aggregates, List<SortKey> orderBy, int line)
        implements Stage {

    public ReduceStage {
        groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
    }

    @Override
    public String kind() {
        return "reduce";
    }
}
