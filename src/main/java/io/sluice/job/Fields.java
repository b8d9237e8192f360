package io.sluice.job;

import io.sluice.definition.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading the kinds of values job definitions share: expressions, column lists, sort keys. */
final class Fields {
    private Fields() {}

    static void problem(YamlMap map, String key, String message) {
        map.problems().add(map.line(key), map.field(key) + ": " + message);
    }

    static void problem(YamlMap map, String key, int line, String message) {
        map.problems().add(line, map.field(key) + ": " + message);
    }

    static Optional<Expr> expr(YamlMap map, String key) {
        Optional<String> text = map.string(key);
        if (text.isPresent() && text.get().isBlank()) {
            problem(map, key, "empty expression");
            return Optional.empty();
        }
        return text.map(sql -> new Expr(sql, map.line(key)));
    }

    static List<ColumnRef> columns(YamlMap map, String key) {
        List<ColumnRef> columns = new ArrayList<>();
        for (YamlMap.Item item : map.items(key)) {
            if (item.value().isBlank()) {
                problem(map, key, item.line(), "empty column name");
            } else {
                columns.add(new ColumnRef(item.value().trim(), item.line()));
            }
        }
        return columns;
    }

    static List<SortKey> sortKeys(YamlMap map, String key) {
        return sortKeys(map, key, map.items(key));
    }

    /** The sort keys of items read already. */
    static List<SortKey> sortKeys(YamlMap map, String key, List<YamlMap.Item> items) {
        List<SortKey> keys = new ArrayList<>();
        for (YamlMap.Item item : items) {
            try {
                keys.add(SortKeys.parse(item.value(), item.line()));
            } catch (IllegalArgumentException e) {
                problem(map, key, item.line(), e.getMessage());
            }
        }
        return keys;
    }

    /** A required list; reports it when absent or empty. */
    static List<ColumnRef> requiredColumns(YamlMap map, String key) {
        List<ColumnRef> columns = columns(map, key);
        if (columns.isEmpty() && !map.has(key)) {
            map.problems().add(map.line(), map.path() + ": missing required field '" + map.field(key) + "'");
        } else if (columns.isEmpty()) {
            problem(map, key, "list at least one column");
        }
        return columns;
    }
}
