package io.sluice.job;

import static java.util.Objects.requireNonNull;

/** A reference to a named source of the job ({@code join: {with: customers}}), with the line it is on. */
public record SourceRef(String name, int line) {
    public SourceRef {
        requireNonNull(name, "name is null");
    }
}
