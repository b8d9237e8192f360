package io.sluice.job;

import static java.util.Objects.requireNonNull;

import io.sluice.catalog.Column;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job checked against the schemas of its sources ({@link JobValidator}): the schema of the rows after each stage,
 * what the planner and the runtime build on.
 *
 * <p>{@code stageSchemas.get(i)} is the schema of the rows stage {@code i} gives; the first stage reads {@code
 * source.schema()}.
 */
public record ValidatedJob(
        JobDefinition definition,
        ResolvedSource source,
        Map<String, ResolvedSource> sources,
        List<StructType> stageSchemas) {

    public ValidatedJob {
        requireNonNull(definition, "definition is null");
        requireNonNull(source, "source is null");
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(sources, "sources is null")));
        stageSchemas = List.copyOf(requireNonNull(stageSchemas, "stageSchemas is null"));
        if (stageSchemas.size() != definition.stages().size()) {
            throw new IllegalArgumentException(
                    "expected a schema for each of the " + definition.stages().size() + " stages");
        }
    }

    /** The schema of the rows stage {@code index} (0-based) reads. */
    public StructType inputOf(int index) {
        return index == 0 ? source.schema() : stageSchemas.get(index - 1);
    }

    /** The schema of the rows stage {@code index} (0-based) gives. */
    public StructType schemaAfter(int index) {
        return stageSchemas.get(index);
    }

    /** The schema of the rows written: that of the last stage, or of the source when there is none. */
    public StructType outputSchema() {
        return stageSchemas.isEmpty() ? source.schema() : stageSchemas.get(stageSchemas.size() - 1);
    }

    /** The columns of the data files: the output schema without the {@code partition_by} columns. */
    public List<Column> outputColumns() {
        List<Column> columns = new ArrayList<>();
        for (StructField field : outputSchema().fields()) {
            if (!isPartitionColumn(field.name())) {
                columns.add(Column.of(field.name(), field.type()));
            }
        }
        return columns;
    }

    /** The partition keys of the output, in {@code partition_by} order. */
    public List<Column> outputPartitionKeys() {
        List<Column> keys = new ArrayList<>();
        for (ColumnRef column : definition.output().partitionBy()) {
            StructField field = outputSchema().field(column.name()).orElseThrow();
            keys.add(Column.of(field.name(), field.type()));
        }
        return keys;
    }

    private boolean isPartitionColumn(String name) {
        return definition.output().partitionBy().stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
    }
}
