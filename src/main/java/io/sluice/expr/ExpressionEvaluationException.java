package io.sluice.expr;

/**
 * An expression that failed on one row's values: the row is a bad record (sent to the job's error output with this
 * message), not a failure of the job.
 */
public final class ExpressionEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExpressionEvaluationException(String message) {
        super(message);
    }

    public ExpressionEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
