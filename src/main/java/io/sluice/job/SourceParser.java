package io.sluice.job;

import io.sluice.catalog.TableId;
import io.sluice.definition.YamlMap;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a source: {@code {table: db.t, where: ...}}, {@code {path: ..., format: csv, ...}} or {@code {union: [..]}}. */
final class SourceParser {
    private SourceParser() {}

    static Optional<Source> parse(YamlMap source) {
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("table", "path", "union")) {
            if (source.has(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.size() != 1) {
            String found = kinds.isEmpty() ? "none" : String.join(" and ", kinds);
            source.problems()
                    .add(
                            source.line(),
                            source.path() + ": give one of 'table', 'path' or 'union' (found " + found + ")");
            return Optional.empty();
        }
        return switch (kinds.get(0)) {
            case "table" -> table(source);
            case "path" -> path(source);
            default -> union(source);
        };
    }

    private static Optional<Source> table(YamlMap source) {
        source.rejectUnknownKeys(JobSyntax.TABLE_SOURCE.toArray(String[]::new));
        Optional<TableId> table = source.parsed("table", TableId::parse);
        Optional<Expr> where = Fields.expr(source, "where");
        return table.map(id -> new TableSource(id, where, source.line()));
    }

    private static Optional<Source> path(YamlMap source) {
        String path = source.requiredString("path");
        Optional<SourceFormat> format = source.has("format")
                ? source.enumValue("format", SourceFormat.class)
                : formatFromExtension(source, path);
        List<String> known = new ArrayList<>(List.of("path", "format", "schema"));
        known.addAll(format.map(SourceFormat::options).orElse(FormatOptions.CSV_READ));
        source.rejectUnknownKeys(known.toArray(String[]::new));
        Optional<StructType> schema = source.parsed("schema", SchemaText::parse);
        Map<String, String> options =
                options(source, format.map(SourceFormat::options).orElse(List.of()));
        if (path.isBlank() || format.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PathSource(path, format.get(), options, schema, source.line()));
    }

    private static Optional<SourceFormat> formatFromExtension(YamlMap source, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (SourceFormat format : SourceFormat.values()) {
            if (lower.endsWith("." + format.spelling())) {
                return Optional.of(format);
            }
        }
        if (!path.isBlank()) {
            source.problems()
                    .add(
                            source.line("path"),
                            source.path() + ": missing field '" + source.field("format")
                                    + "' (csv, json, parquet, orc or avro): the path does not tell it");
        }
        return Optional.empty();
    }

    /** The format options present, checked; shared by sources and the output. */
    static Map<String, String> options(YamlMap map, List<String> names) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : names) {
            map.parsed(name, value -> FormatOptions.check(name, value)).ifPresent(v -> options.put(name, v));
        }
        return options;
    }

    private static Optional<Source> union(YamlMap source) {
        source.rejectUnknownKeys(JobSyntax.UNION_SOURCE.toArray(String[]::new));
        List<SourceRef> inputs = new ArrayList<>();
        for (YamlMap.Item item : source.items("union")) {
            inputs.add(new SourceRef(item.value().trim(), item.line()));
        }
        if (inputs.size() < 2) {
            Fields.problem(source, "union", "list at least two sources to unite");
            return Optional.empty();
        }
        return Optional.of(new UnionSource(inputs, source.line()));
    }
}
