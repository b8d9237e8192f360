package io.sluice.job;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Joins the rows with those of another named source ({@code with}) on equal keys.
 *
 * <p>The result has the columns of the input, then those of the other source. A key written once ({@code on:
 * [customer_id]}, a pair of equal names) is one column, holding the key of whichever side has it (what SQL's {@code
 * USING} does); a pair of different names ({@code on: {customer_id: id}}) keeps both columns. {@code columns} lists
 * the other source's columns to take (all of them when empty) and {@code prefix} is put before their names, to tell
 * apart columns both sides have. {@code strategy} chooses between a map-side join that loads the other source into
 * memory ({@link Strategy#BROADCAST}) and a reduce-side join ({@link Strategy#SHUFFLE}); {@link Strategy#AUTO} lets the
 * planner decide by the other source's size.
 */
public record JoinStage(
        SourceRef with,
        Type type,
        List<KeyPair> on,
        Strategy strategy,
        List<ColumnRef> columns,
        Optional<String> prefix,
        int line)
        implements Stage {

    public JoinStage {
        requireNonNull(with, "with is null");
        requireNonNull(type, "type is null");
        on = List.copyOf(requireNonNull(on, "on is null"));
        requireNonNull(strategy, "strategy is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(prefix, "prefix is null");
        if (on.isEmpty()) {
            throw new IllegalArgumentException("a join needs at least one key");
        }
    }

    @Override
    public String kind() {
        return "join";
    }

    /** Which unmatched rows a join keeps: none, the input's, the other source's, or both. */
    public enum Type {
        INNER,
        LEFT,
        RIGHT,
        FULL
    }

    /** Where the join happens. */
    public enum Strategy {
        AUTO,
        BROADCAST,
        SHUFFLE
    }

    /** A key column of the input ({@code left}) equal to one of the other source ({@code right}). */
    public record KeyPair(ColumnRef left, ColumnRef right) {
        public KeyPair {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        /** True for a key written once, {@code on: [id]}: one output column for both sides. */
        public boolean isShared() {
            return left.name().equalsIgnoreCase(right.name());
        }
    }
}
