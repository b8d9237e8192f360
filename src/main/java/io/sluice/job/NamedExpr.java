package io.sluice.job;

import static java.util.Objects.requireNonNull;

/** An output column computed by an expression: {@code revenue: "qty * price"}. */
public record NamedExpr(String name, Expr expr) {
    public NamedExpr {
        requireNonNull(name, "name is null");
        requireNonNull(expr, "expr is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name is empty");
        }
    }

    /** The line of the expression. */
    public int line() {
        return expr.line();
    }
}
