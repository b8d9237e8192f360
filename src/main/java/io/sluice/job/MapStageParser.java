package io.sluice.job;

import io.sluice.definition.YamlMap;
import io.sluice.types.DataType;
import io.sluice.types.Identifiers;
import io.sluice.types.TypeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a {@code map} stage. */
final class MapStageParser {
    private MapStageParser() {}

    static Optional<Stage> parse(YamlMap map, int line) {
        map.rejectUnknownKeys(JobSyntax.MAP.toArray(String[]::new));
        if (JobSyntax.MAP.stream().noneMatch(map::has)) {
            map.problems().add(map.line(), map.path() + ": give at least one of " + String.join(", ", JobSyntax.MAP));
        }
        return Optional.of(new MapStage(
                Fields.columns(map, "flatten"),
                explode(map),
                Fields.expr(map, "filter"),
                select(map),
                namedExprs(map, "derive"),
                renames(map),
                Fields.columns(map, "drop"),
                casts(map),
                function(map),
                line));
    }

    /** {@code function: com.acme.Mask}, or {@code function: {class: com.acme.Mask, options: {k: v}}}. */
    private static Optional<MapStage.Function> function(YamlMap map) {
        if (!map.has("function")) {
            return Optional.empty();
        }
        if (!map.isMap("function")) {
            return map.string("function")
                    .map(String::trim)
                    .filter(name -> checkClassName(map, "function", name))
                    .map(name -> new MapStage.Function(name, Map.of(), map.line("function")));
        }
        YamlMap function = map.map("function").orElseThrow();
        function.rejectUnknownKeys(JobSyntax.FUNCTION.toArray(String[]::new));
        String name = function.requiredString("class").trim();
        Map<String, String> options = new LinkedHashMap<>();
        if (function.has("options") && !function.isMap("options")) {
            Fields.problem(function, "options", "expected a mapping of option names to values, as in {columns: email}");
        }
        for (YamlMap.Entry entry : function.entries("options")) {
            options.put(entry.key(), entry.value());
        }
        if (name.isEmpty() || !checkClassName(function, "class", name)) {
            return Optional.empty();
        }
        return Optional.of(new MapStage.Function(name, options, function.line("class")));
    }

    private static boolean checkClassName(YamlMap map, String key, String name) {
        if (name.matches(
                "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                        + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*(\\$[\\p{javaJavaIdentifierPart}]+)*")) {
            return true;
        }
        Fields.problem(map, key, "'" + name + "' is not a Java class name, such as com.acme.Mask");
        return false;
    }

    private static List<NamedExpr> select(YamlMap map) {
        if (map.has("select") && !map.isList("select") && !map.isMap("select")) {
            Fields.problem(map, "select", "expected a list of columns, or a mapping of names to expressions");
            return List.of();
        }
        if (!map.isList("select")) {
            return namedExprs(map, "select");
        }
        List<NamedExpr> columns = new ArrayList<>();
        for (ColumnRef column : Fields.columns(map, "select")) {
            columns.add(
                    new NamedExpr(column.name(), new Expr(Identifiers.quoteIfNeeded(column.name()), column.line())));
        }
        if (columns.isEmpty()) {
            Fields.problem(map, "select", "list at least one column");
        }
        return columns;
    }

    private static List<NamedExpr> namedExprs(YamlMap map, String key) {
        if (map.has(key) && !map.isMap(key)) {
            Fields.problem(
                    map, key, "expected a mapping of column names to expressions, as in {total: \"qty * price\"}");
            return List.of();
        }
        Optional<YamlMap> expressions = map.map(key);
        if (expressions.isEmpty()) {
            return List.of();
        }
        List<NamedExpr> columns = new ArrayList<>();
        for (YamlMap.Entry entry : expressions.get().entries()) {
            if (entry.value().isBlank()) {
                map.problems().add(entry.line(), expressions.get().field(entry.key()) + ": empty expression");
            } else {
                columns.add(new NamedExpr(entry.key(), new Expr(entry.value(), entry.line())));
            }
        }
        if (expressions.get().keys().isEmpty()) {
            Fields.problem(map, key, "list at least one column");
        }
        return columns;
    }

    private static List<MapStage.Rename> renames(YamlMap map) {
        List<MapStage.Rename> renames = new ArrayList<>();
        for (YamlMap.Entry entry : map.entries("rename")) {
            if (entry.value().isBlank()) {
                map.problems().add(entry.line(), map.field("rename") + "." + entry.key() + ": empty new name");
            } else {
                renames.add(new MapStage.Rename(
                        new ColumnRef(entry.key(), entry.line()), entry.value().trim()));
            }
        }
        return renames;
    }

    private static List<MapStage.Cast> casts(YamlMap map) {
        List<MapStage.Cast> casts = new ArrayList<>();
        for (YamlMap.Entry entry : map.entries("cast")) {
            try {
                DataType type = DataType.parse(entry.value());
                casts.add(new MapStage.Cast(new ColumnRef(entry.key(), entry.line()), type));
            } catch (TypeParseException e) {
                map.problems().add(entry.line(), map.field("cast") + "." + entry.key() + ": " + e.getMessage());
            }
        }
        return casts;
    }

    /** {@code explode: tags} or {@code explode: {column: tags, as: tag, outer: true}}. */
    private static Optional<MapStage.Explode> explode(YamlMap map) {
        if (!map.isMap("explode")) {
            return map.string("explode")
                    .filter(column -> !column.isBlank())
                    .map(column -> new MapStage.Explode(
                            new ColumnRef(column.trim(), map.line("explode")), column.trim(), false));
        }
        YamlMap explode = map.map("explode").orElseThrow();
        explode.rejectUnknownKeys(JobSyntax.EXPLODE.toArray(String[]::new));
        String column = explode.requiredString("column").trim();
        String as = explode.string("as").map(String::trim).orElse(column);
        boolean outer = explode.bool("outer").orElse(false);
        if (column.isEmpty() || as.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MapStage.Explode(new ColumnRef(column, explode.line("column")), as, outer));
    }
}
