package io.sluice.expr;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;

/**
 * An expression that cannot be compiled: a syntax error, an unknown column or function, or a type mismatch. The
 * message names the expression and what is wrong; {@link #position()} is the 0-based offset in the expression text
 * where the problem is, or -1 when it concerns the whole expression.
 */
public final class ExpressionException extends SluiceException {
    private static final long serialVersionUID = 1L;

    private final int position;

    public ExpressionException(String message, int position) {
        super(ErrorCode.INVALID_DEFINITION, message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
