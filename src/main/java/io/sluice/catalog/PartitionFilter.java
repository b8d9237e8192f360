package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A filter on partition keys, written as a SQL boolean expression: {@code year = '2024' AND month >= '02'}.
 *
 * <p>Parsed once, checked against the table's partition keys, then evaluated per partition.
 *
 * <p>Grammar: comparisons {@code = != <> < <= > >=} between a partition key and a literal ({@code '2024'} or {@code
 * 2024}, on either side), {@code [NOT] IN (...)}, {@code [NOT] BETWEEN x AND y}, {@code [NOT] LIKE} with {@code %} and
 * {@code _} (backslash or an {@code ESCAPE} character makes them literal), {@code IS [NOT] NULL}, {@code AND}, {@code
 * OR}, {@code NOT} and parentheses. Keys match case-insensitively and may be backquoted.
 *
 * <p>Values of numeric keys ({@link io.sluice.types.DataType#isNumeric()}) compare as numbers, so {@code hour = 7}
 * matches {@code 07}, and a value that is not a number matches no comparison; values of other keys compare as text,
 * so {@code month >= '02'} is lexicographic, as in Hive. The value {@value Partition#NULL_VALUE} is SQL {@code NULL}:
 * only {@code IS NULL} matches it, and, as in SQL, neither {@code year = '2024'} nor {@code NOT year = '2024'} does.
 *
 * <p>Every problem, from a syntax error to an unknown key, fails with {@code INVALID_ARGUMENT} naming the expression
 * and the reason.
 */
public final class PartitionFilter {
    private final String expression;
    private final List<Column> partitionKeys;
    private final Condition condition;

    private PartitionFilter(String expression, List<Column> partitionKeys, Condition condition) {
        this.expression = expression;
        this.partitionKeys = partitionKeys;
        this.condition = condition;
    }

    /** Parses a filter over the given partition keys; unknown keys and malformed expressions fail with the reason. */
    public static PartitionFilter parse(String expression, List<Column> partitionKeys) {
        requireNonNull(expression, "expression is null");
        List<Column> keys = List.copyOf(requireNonNull(partitionKeys, "partitionKeys is null"));
        return new PartitionFilter(expression, keys, PartitionFilterCompiler.compile(expression, keys));
    }

    /** True when the partition with these values (one per key, in key order) passes the filter. */
    public boolean matches(List<String> values) {
        requireNonNull(values, "values is null");
        if (values.size() != partitionKeys.size()) {
            throw new IllegalArgumentException("expected " + partitionKeys.size() + " partition values, got " + values);
        }
        return condition.evaluate(values) == Truth.TRUE;
    }

    public String expression() {
        return expression;
    }

    /** The partition keys the filter was parsed against, in order. */
    public List<Column> partitionKeys() {
        return partitionKeys;
    }

    @Override
    public String toString() {
        return expression;
    }
}
