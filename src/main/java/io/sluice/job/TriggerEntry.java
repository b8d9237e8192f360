package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.definition.YamlMap;

/**
 * One entry of a job's {@code triggers:} list, kept as written (placeholders filled) for the scheduler to read: {@code
 * - schedule: "0 2 * * *"}, {@code - after: {all: {crawl_sales: SUCCEEDED}}}. The mapping keeps its lines; the reader
 * reports its problems through {@link YamlMap#withProblems}.
 */
public record TriggerEntry(YamlMap definition) {
    public TriggerEntry {
        requireNonNull(definition, "definition is null");
    }

    /** The line where the entry starts. */
    public int line() {
        return definition.line();
    }
}
