package io.sluice.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * How map output reaches the reducers of one MapReduce job: the key columns it is sorted by, how many of them form a
 * group for one reduce call (the rest order rows within the group: secondary sort), how keys are spread over reducers,
 * and whether a combiner pre-aggregates on the map side.
 *
 * <p>Rows are spread over reducers by the grouping keys, unless {@code partitionKeys} names other columns: then those
 * choose each row's reducer and the keys only order the rows within it (a {@code partition} followed by a sort within
 * each partition).
 *
 * @param groupingKeys how many leading {@code keys} make up a group
 * @param reducers the number of reducers asked for, when the job says
 * @param combine whether the map side pre-aggregates (every aggregate of the reduce is algebraic)
 * @param partitionKeys the columns that choose the reducer, when they are not the grouping keys; else empty
 */
public record Shuffle(
        Kind kind,
        List<ShuffleKey> keys,
        int groupingKeys,
        Partitioning partitioning,
        OptionalInt reducers,
        boolean combine,
        List<ShuffleKey> partitionKeys) {

    public Shuffle {
        requireNonNull(kind, "kind is null");
        keys = List.copyOf(keys);
        requireNonNull(partitioning, "partitioning is null");
        requireNonNull(reducers, "reducers is null");
        partitionKeys = List.copyOf(partitionKeys);
        if (groupingKeys < 0 || groupingKeys > keys.size()) {
            throw new IllegalArgumentException("groupingKeys " + groupingKeys + " out of 0.." + keys.size());
        }
        if (!partitionKeys.isEmpty() && partitioning == Partitioning.SINGLE) {
            throw new IllegalArgumentException("a shuffle to a single reducer has no partition keys");
        }
    }

    /** A shuffle whose rows go to reducers by their grouping keys. */
    public Shuffle(
            Kind kind,
            List<ShuffleKey> keys,
            int groupingKeys,
            Partitioning partitioning,
            OptionalInt reducers,
            boolean combine) {
        this(kind, keys, groupingKeys, partitioning, reducers, combine, List.of());
    }

    /** The columns that choose each row's reducer: the partition keys, else the grouping keys; none for one reducer. */
    public List<ShuffleKey> partitionColumns() {
        if (partitioning == Partitioning.SINGLE) {
            return List.of();
        }
        return partitionKeys.isEmpty() ? keys.subList(0, groupingKeys) : partitionKeys;
    }

    /** Why the shuffle is there. */
    public enum Kind {
        GROUP,
        SORT,
        PARTITION,
        DISTINCT,
        JOIN
    }

    /** How keys are spread over reducers. */
    public enum Partitioning {
        /** By a hash of the grouping keys (or of the partition keys). */
        HASH,
        /**
         * By ranges of the grouping keys (or of the partition keys), from a sample: reducer outputs in order make a
         * total order.
         */
        RANGE,
        /** Everything to one reducer (an aggregate over all rows). */
        SINGLE
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        if (partitionKeys.isEmpty()) {
            text.append(kind.name().toLowerCase(java.util.Locale.ROOT))
                    .append(" on ")
                    .append(keys.isEmpty() ? "(none)" : columns(keys));
        } else {
            text.append("partition on ")
                    .append(columns(partitionKeys))
                    .append(", then sort within each reducer on ")
                    .append(columns(keys));
        }
        if (groupingKeys < keys.size() && groupingKeys > 0) {
            text.append(" (groups by the first ").append(groupingKeys).append(", the rest sort within a group)");
        }
        text.append("; ")
                .append(partitioning.name().toLowerCase(java.util.Locale.ROOT))
                .append(" partitioning");
        reducers.ifPresent(n -> text.append(", ").append(n).append(" reducers"));
        if (combine) {
            text.append("; combiner pre-aggregates on the map side");
        }
        return text.toString();
    }

    private static String columns(List<ShuffleKey> keys) {
        return keys.stream().map(ShuffleKey::toString).collect(Collectors.joining(", "));
    }
}
