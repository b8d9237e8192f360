package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import java.time.DateTimeException;

/** A compiled expression: the root of its node tree, and its text for the messages of rows it fails on. */
final class CompiledTree implements CompiledExpression {
    private final String sql;
    private final Node root;

    CompiledTree(String sql, Node root) {
        this.sql = sql;
        this.root = root;
    }

    @Override
    public DataType type() {
        return root.type();
    }

    @Override
    public Object evaluate(Row row) {
        try {
            return root.evaluate(row);
        } catch (ExpressionEvaluationException e) {
            throw new ExpressionEvaluationException("expression \"" + sql + "\": " + e.getMessage(), e);
        } catch (ArithmeticException | DateTimeException e) {
            // A value out of the range of java.time or of an exact operation the functions do not check themselves,
            // such as date_add(day, 10000000): a bad value of this row, not a failure of the job.
            throw new ExpressionEvaluationException("expression \"" + sql + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public void evaluateInto(Row row, Row out, int position) {
        try {
            root.evaluateInto(row, out, position);
        } catch (ExpressionEvaluationException e) {
            throw new ExpressionEvaluationException("expression \"" + sql + "\": " + e.getMessage(), e);
        } catch (ArithmeticException | DateTimeException e) {
            throw new ExpressionEvaluationException("expression \"" + sql + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public int columnPosition() {
        return Access.columnPosition(root);
    }

    /** True when the value does not depend on the row. */
    boolean isConstant() {
        return root.isConstant();
    }

    @Override
    public String toString() {
        return sql;
    }
}
