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
 * @param groupingKeys how many leading {@code keys} make up a group
 * @param reducers the number of reducers asked for, when the job says
 * @param combine whether the map side pre-aggregates (every aggregate of the reduce is algebraic)
 */
public record Shuffle(
        Kind kind,
        List<ShuffleKey> keys,
        int groupingKeys,
        Partitioning partitioning,
        OptionalInt reducers,
        boolean combine) {

    public Shuffle {
        requireNonNull(kind, "kind is null");
        keys = List.copyOf(keys);
        requireNonNull(partitioning, "partitioning is null");
        requireNonNull(reducers, "reducers is null");
        if (groupingKeys < 0 || groupingKeys > keys.size()) {
            throw new IllegalArgumentException("groupingKeys " + groupingKeys + " out of 0.." + keys.size());
        }
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
        /** By a hash of the grouping keys. */
        HASH,
        /** By ranges of the whole key, from a sample: reducer outputs in order make a total order. */
        RANGE,
        /** Everything to one reducer (an aggregate over all rows). */
        SINGLE
    }

    String describe() {
        String key = keys.isEmpty()
                ? "(none)"
                : keys.stream().map(ShuffleKey::toString).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder(kind.name().toLowerCase(java.util.Locale.ROOT))
                .append(" on ")
                .append(key);
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
}
