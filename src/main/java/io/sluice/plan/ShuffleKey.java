package io.sluice.plan;

import static java.util.Objects.requireNonNull;

/** One column of a shuffle key, with its sort direction and where nulls go. */
public record ShuffleKey(String column, boolean descending, boolean nullsFirst) {
    public ShuffleKey {
        requireNonNull(column, "column is null");
    }

    static ShuffleKey ascending(String column) {
        return new ShuffleKey(column, false, true);
    }

    @Override
    public String toString() {
        return column
                + (descending ? " DESC" : "")
                + (nullsFirst == descending ? (nullsFirst ? " NULLS FIRST" : " NULLS LAST") : "");
    }
}
