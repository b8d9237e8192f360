package io.sluice.job;

import static java.util.Objects.requireNonNull;

/**
 * A sort key: {@code "col [ASC|DESC] [NULLS FIRST|LAST]"}. Without a {@code NULLS} clause nulls come first in ascending
 * and last in descending order, as in Hive and Spark (nulls count as the smallest value).
 */
public record SortKey(ColumnRef column, boolean descending, boolean nullsFirst) {
    public SortKey {
        requireNonNull(column, "column is null");
    }

    public static SortKey ascending(ColumnRef column) {
        return new SortKey(column, false, true);
    }

    public static SortKey descending(ColumnRef column) {
        return new SortKey(column, true, false);
    }

    /** The key as written in full: {@code day DESC NULLS LAST}. */
    public String sql() {
        return column.name() + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
