package io.sluice.catalog;

import java.util.List;

/**
 * A filter on partition keys, written as a SQL boolean expression: {@code year = '2024' AND month >= '02'}.
 *
 * <p>Parsed once, checked against the table's partition keys, then evaluated per partition.
 */
public final class PartitionFilter {
    private final String expression;

    private PartitionFilter(String expression) {
        this.expression = expression;
    }

    /** Parses a filter over the given partition keys; unknown keys and malformed expressions fail with the reason. */
    public static PartitionFilter parse(String expression, List<Column> partitionKeys) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** True when the partition with these values (one per key, in key order) passes the filter. */
    public boolean matches(List<String> values) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
