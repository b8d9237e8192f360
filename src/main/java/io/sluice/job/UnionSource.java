package io.sluice.job;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * All rows of two or more other named sources ({@code union: [sales_2023, sales_2024]}). The inputs must have the same
 * column names (in any order, compared without case); the union has the columns of the first input, each of the type
 * that all the inputs' types widen to ({@link io.sluice.types.TypeWidening#widen}).
 */
public record UnionSource(List<SourceRef> inputs, int line) implements Source {
    public UnionSource {
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
    }
}
