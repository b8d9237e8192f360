package io.sluice.expr;

import io.sluice.types.StructType;

/**
 * Compiles SQL expressions ({@code qty * price}, {@code CAST(ts AS DATE)}, {@code lower(country) IN ('de', 'fr')})
 * against a row schema. Parsing and type checking happen here, once; problems are reported as {@link
 * ExpressionException}s that name the expression, the position and what is wrong (with a suggestion for misspelt
 * columns).
 */
public final class Expressions {
    private Expressions() {}

    /** Compiles a scalar expression over rows of {@code schema}. */
    public static CompiledExpression compile(String sql, StructType schema) {
        throw new UnsupportedOperationException("expression compiler not built yet");
    }
}
