package io.sluice.catalog.sqlite;

import io.sluice.catalog.Column;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns to and from JSON for the partitions of one call, each distinct list converted once: the partitions of a
 * table nearly always share their columns, and converting them (type parsing included) would otherwise be most of
 * the work of adding or listing thousands of partitions.
 */
final class ColumnsJson {
    private final Map<List<Column>, String> written = new HashMap<>();
    private final Map<String, List<Column>> read = new HashMap<>();

    String write(List<Column> columns) {
        return written.computeIfAbsent(columns, CatalogJson::writeColumns);
    }

    List<Column> read(String json) {
        return read.computeIfAbsent(json, CatalogJson::readColumns);
    }
}
