package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.DataType;

/**
 * A SQL expression compiled against an input schema: typed once, evaluated per row without parsing or lookups by
 * name. Evaluation follows SQL null semantics (an operation on NULL gives NULL, {@code AND}/{@code OR} use
 * three-valued logic). Values are of the Java types {@link io.sluice.row.Values} gives for {@link #type()}.
 */
public interface CompiledExpression {

    /** The type of the values this expression gives. */
    DataType type();

    /**
     * The value for one row of the input schema, or null.
     *
     * @throws ExpressionEvaluationException when the row's values make the expression fail (division by zero, a
     *     cast of text that is not a number...), naming the expression and the value
     */
    Object evaluate(Row row);

    /**
     * Sets position {@code position} of {@code out} to the value for {@code row}, as {@link #evaluate} gives it, but
     * possibly unboxed ({@link Row#setDouble}...), which saves boxing values that are only passed on.
     *
     * @throws ExpressionEvaluationException as {@link #evaluate} does
     */
    default void evaluateInto(Row row, Row out, int position) {
        out.set(position, evaluate(row));
    }

    /**
     * The position of the input column this expression is, when it is a plain column reference (its value is that
     * column's, as is), else -1: callers then copy the value ({@link Row#setFrom}) or read it in place instead of
     * evaluating the expression.
     */
    default int columnPosition() {
        return -1;
    }
}
