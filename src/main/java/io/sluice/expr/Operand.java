package io.sluice.expr;

import io.sluice.types.DataType;
import net.sf.jsqlparser.expression.Expression;

/**
 * A compiled node with the syntax it came from, which type checks need to say where a problem is. Exists only while
 * compiling; evaluation sees nodes alone.
 */
record Operand(Node node, Expression syntax) {
    DataType type() {
        return node.type();
    }

    boolean isConstant() {
        return node.isConstant();
    }

    boolean isUntypedNull() {
        return node instanceof Constant constant && constant.isUntypedNull();
    }

    /** The value of a constant operand. */
    Object value() {
        return ((Constant) node).value();
    }

    Operand with(Node replacement) {
        return new Operand(replacement, syntax);
    }
}
