package io.sluice.expr;

import static java.util.Objects.requireNonNull;

import io.sluice.row.Row;
import io.sluice.types.DataType;

/**
 * One operation of a compiled expression: typed when it is built, then evaluated per row. Nodes are immutable, so a
 * compiled tree may be shared between threads; they hold no per-row state and look nothing up by name.
 */
abstract class Node {
    private final DataType type;

    Node(DataType type) {
        this.type = requireNonNull(type, "type is null");
    }

    /** The type of the values {@link #evaluate} gives, as {@link io.sluice.row.Values} represents them. */
    final DataType type() {
        return type;
    }

    /** The value for one row, or null for SQL NULL. */
    abstract Object evaluate(Row row);

    /**
     * True for nodes that only read a value, of the row or constant: they never fail and never compute, so when and
     * how often they are evaluated does not matter.
     */
    boolean onlyReads() {
        return false;
    }

    /** True for nodes whose value does not depend on the row. */
    boolean isConstant() {
        return false;
    }
}
