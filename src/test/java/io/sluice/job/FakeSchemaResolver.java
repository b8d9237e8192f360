package io.sluice.job;

import io.sluice.catalog.Column;
import io.sluice.catalog.TableId;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tables and file schemas for tests. */
public final class FakeSchemaResolver implements SchemaResolver {
    private final Map<TableId, TableSchema> tables = new HashMap<>();
    private final Map<String, StructType> files = new HashMap<>();

    /** A table from {@code "name type, ..."} columns and partition keys. */
    FakeSchemaResolver table(String id, String columns, String partitionKeys) {
        tables.put(TableId.parse(id), new TableSchema(columns(columns), columns(partitionKeys)));
        return this;
    }

    FakeSchemaResolver files(String path, String schema) {
        files.put(path, SchemaText.parse(schema));
        return this;
    }

    @Override
    public Optional<TableSchema> table(TableId id) {
        return Optional.ofNullable(tables.get(id));
    }

    @Override
    public List<TableId> tables(String database) {
        return tables.keySet().stream()
                .filter(id -> id.database().equals(database))
                .sorted()
                .toList();
    }

    @Override
    public Optional<StructType> files(PathSource source) {
        return Optional.ofNullable(files.get(source.path()));
    }

    private static List<Column> columns(String text) {
        List<Column> columns = new ArrayList<>();
        if (!text.isBlank()) {
            SchemaText.parse(text).fields().forEach(f -> columns.add(Column.of(f.name(), f.type())));
        }
        return columns;
    }
}
