package io.sluice.job;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An output column of a {@code reduce} stage: one aggregate call over the rows of a group, {@code revenue: "sum(qty *
 * price)"}. {@code argument} is the expression inside the call, empty for {@code count(*)}; {@code distinct} is {@code
 * count(DISTINCT x)}.
 */
public record Aggregate(String name, AggregateFunction function, boolean distinct, Optional<Expr> argument, int line) {

    public Aggregate {
        requireNonNull(name, "name is null");
        requireNonNull(function, "function is null");
        requireNonNull(argument, "argument is null");
        if (argument.isEmpty() && (function != AggregateFunction.COUNT || distinct)) {
            throw new IllegalArgumentException("only count(*) has no argument");
        }
        if (distinct && !function.allowsDistinct()) {
            throw new IllegalArgumentException(function.spelling() + " does not take DISTINCT");
        }
    }

    /** The call as SQL: {@code count(DISTINCT order_id)}. */
    public String call() {
        return function.spelling() + "(" + (distinct ? "DISTINCT " : "")
                + argument.map(Expr::sql).orElse("*") + ")";
    }
}
