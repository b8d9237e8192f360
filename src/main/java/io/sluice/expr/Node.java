package io.sluice.expr;

import static java.util.Objects.requireNonNull;

import io.sluice.row.Row;
import io.sluice.row.Temporals;
import io.sluice.types.DataType;
import java.time.LocalDateTime;

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
     * Sets position {@code position} of {@code out} to the value for {@code row}, as {@link #evaluate} gives it; nodes
     * whose values are numbers, dates or timestamps may set them unboxed.
     */
    void evaluateInto(Row row, Row out, int position) {
        out.set(position, evaluate(row));
    }

    /** True when the value for {@code row} is NULL; for nodes that {@link #onlyReads()}, without boxing it. */
    boolean isNull(Row row) {
        return evaluate(row) == null;
    }

    /**
     * The non-null value for {@code row} of a node of type timestamp, as microseconds since 1970-01-01T00:00.
     *
     * @throws ArithmeticException when the timestamp is too far from 1970 for a long of microseconds
     */
    long timestampMicros(Row row) {
        return Temporals.epochMicros((LocalDateTime) evaluate(row));
    }

    /** The non-null value for {@code row} of a node of an integral type, as a long. */
    long longValue(Row row) {
        return ((Number) evaluate(row)).longValue();
    }

    /** The non-null value for {@code row} of a node of a numeric type, as a double. */
    double doubleValue(Row row) {
        return ((Number) evaluate(row)).doubleValue();
    }

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
