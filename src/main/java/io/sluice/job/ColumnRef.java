package io.sluice.job;

import static java.util.Objects.requireNonNull;

/**
 * A column named by a job definition ({@code group_by: [country]}), with the line of the file it is on. Names compare
 * without case, as in Hive.
 */
public record ColumnRef(String name, int line) {
    public ColumnRef {
        requireNonNull(name, "name is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name is empty");
        }
    }
}
