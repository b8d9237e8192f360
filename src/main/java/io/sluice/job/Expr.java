package io.sluice.job;

import static java.util.Objects.requireNonNull;

/**
 * A SQL expression of a job definition as written ({@code qty * price}), with the line of the file it is on. The text
 * is compiled against the schema of the row it applies to by the validator and, once per task, by the runtime.
 */
public record Expr(String sql, int line) {
    public Expr {
        requireNonNull(sql, "sql is null");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("expression is empty");
        }
    }
}
