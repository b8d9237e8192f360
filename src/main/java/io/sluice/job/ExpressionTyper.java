package io.sluice.job;

import io.sluice.expr.ExpressionException;
import io.sluice.expr.Expressions;
import io.sluice.types.DataType;
import io.sluice.types.StructType;

/**
 * Finds the type of a SQL expression over rows of a schema, as {@link JobValidator} needs it to check a job before
 * anything runs. Implementations parse and type-check the text; they do not evaluate it.
 */
@FunctionalInterface
public interface ExpressionTyper {

    /**
     * The type of the values of a scalar expression over rows of {@code schema}.
     *
     * @throws ExpressionException when the expression is malformed, names an unknown column or function, or mixes
     *     types that do not go together; the message names the expression and what is wrong
     */
    DataType typeOf(String sql, StructType schema);

    /** The typer of Sluice's expression compiler: the types the runtime will compute with. */
    static ExpressionTyper compiling() {
        return (sql, schema) -> Expressions.compile(sql, schema).type();
    }
}
