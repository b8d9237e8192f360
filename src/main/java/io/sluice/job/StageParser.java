package io.sluice.job;

import io.sluice.definition.Suggestions;
import io.sluice.definition.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the {@code stages:} list: each item is a mapping with one key, the stage kind ({@code - map: {...}}). */
final class StageParser {
    private StageParser() {}

    static List<Stage> parse(YamlMap root) {
        List<Stage> stages = new ArrayList<>();
        for (YamlMap item : root.maps("stages")) {
            stage(item).ifPresent(stages::add);
        }
        return stages;
    }

    private static Optional<Stage> stage(YamlMap item) {
        List<String> keys = List.copyOf(item.keys());
        if (keys.size() != 1) {
            item.problems()
                    .add(
                            item.line(),
                            item.path() + ": expected one stage kind ("
                                    + String.join(", ", JobSyntax.STAGES.keySet()) + "), found "
                                    + (keys.isEmpty() ? "none" : "'" + String.join("', '", keys) + "'")
                                    + " (indent the stage's fields under its kind)");
            return Optional.empty();
        }
        String kind = keys.get(0);
        if (!JobSyntax.STAGES.containsKey(kind)) {
            String suggestion = Suggestions.closest(kind, JobSyntax.STAGES.keySet())
                    .map(s -> " (did you mean '" + s + "'?)")
                    .orElse(" (known: " + String.join(", ", JobSyntax.STAGES.keySet()) + ")");
            item.problems().add(item.line(), item.path() + ": unknown stage kind '" + kind + "'" + suggestion);
            return Optional.empty();
        }
        if (!item.isMap(kind)) {
            Fields.problem(item, kind, "expected the stage's fields, as in '- " + kind + ": {...}'");
            return Optional.empty();
        }
        YamlMap fields = item.map(kind).orElseThrow();
        int line = item.line();
        return switch (kind) {
            case "map" -> MapStageParser.parse(fields, line);
            case "partition" -> partition(fields, line);
            case "sort" -> sort(fields, line);
            case "reduce" -> reduce(fields, line);
            case "join" -> join(fields, line);
            default -> distinct(fields, line);
        };
    }

    private static Optional<Stage> partition(YamlMap map, int line) {
        map.rejectUnknownKeys(JobSyntax.PARTITION.toArray(String[]::new));
        List<ColumnRef> by = Fields.requiredColumns(map, "by");
        OptionalInt reducers =
                map.integer("reducers", 1, 100_000).map(OptionalInt::of).orElse(OptionalInt.empty());
        PartitionStage.Method method =
                map.enumValue("method", PartitionStage.Method.class).orElse(PartitionStage.Method.HASH);
        return by.isEmpty() ? Optional.empty() : Optional.of(new PartitionStage(by, reducers, method, line));
    }

    private static Optional<Stage> sort(YamlMap map, int line) {
        map.rejectUnknownKeys(JobSyntax.SORT.toArray(String[]::new));
        List<YamlMap.Item> items = map.items("by");
        List<SortKey> by = Fields.sortKeys(map, "by", items);
        if (!map.has("by")) {
            map.problems().add(map.line(), map.path() + ": missing required field '" + map.field("by") + "'");
        } else if (items.isEmpty()) {
            Fields.problem(map, "by", "list at least one sort key");
        }
        boolean global = map.bool("global").orElse(true);
        return by.isEmpty() ? Optional.empty() : Optional.of(new SortStage(by, global, line));
    }

    private static Optional<Stage> reduce(YamlMap map, int line) {
        map.rejectUnknownKeys(JobSyntax.REDUCE.toArray(String[]::new));
        List<ColumnRef> groupBy = Fields.columns(map, "group_by");
        List<String> groupNames = groupBy.stream().map(ColumnRef::name).toList();
        List<Aggregate> aggregates = new ArrayList<>();
        for (YamlMap.Entry entry : map.entries("aggregate")) {
            try {
                AggregateCalls.Call call = AggregateCalls.parse(entry.value(), groupNames);
                aggregates.add(new Aggregate(
                        entry.key(),
                        call.function(),
                        call.distinct(),
                        call.argument().map(sql -> new Expr(sql, entry.line())),
                        entry.line()));
            } catch (IllegalArgumentException e) {
                map.problems().add(entry.line(), map.field("aggregate") + "." + entry.key() + ": " + e.getMessage());
            }
        }
        if (groupBy.isEmpty() && aggregates.isEmpty()) {
            map.problems().add(map.line(), map.path() + ": give group_by, aggregate or both");
        }
        return Optional.of(new ReduceStage(groupBy, aggregates, Fields.sortKeys(map, "order_by"), line));
    }

    private static Optional<Stage> join(YamlMap map, int line) {
        map.rejectUnknownKeys(JobSyntax.JOIN.toArray(String[]::new));
        String with = map.requiredString("with").trim();
        JoinStage.Type type = map.enumValue("type", JoinStage.Type.class).orElse(JoinStage.Type.INNER);
        List<JoinStage.KeyPair> on = joinKeys(map);
        JoinStage.Strategy strategy =
                map.enumValue("strategy", JoinStage.Strategy.class).orElse(JoinStage.Strategy.AUTO);
        List<ColumnRef> columns = Fields.columns(map, "columns");
        Optional<String> prefix = map.string("prefix");
        if (with.isEmpty() || on.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new JoinStage(new SourceRef(with, map.line("with")), type, on, strategy, columns, prefix, line));
    }

    /** {@code on: [a, b]} (the same names on both sides) or {@code on: {left_column: right_column}}. */
    private static List<JoinStage.KeyPair> joinKeys(YamlMap map) {
        List<JoinStage.KeyPair> keys = new ArrayList<>();
        if (map.isMap("on")) {
            for (YamlMap.Entry entry : map.entries("on")) {
                keys.add(new JoinStage.KeyPair(
                        new ColumnRef(entry.key(), entry.line()),
                        new ColumnRef(entry.value().trim(), entry.line())));
            }
        } else {
            for (ColumnRef column : Fields.columns(map, "on")) {
                keys.add(new JoinStage.KeyPair(column, column));
            }
        }
        if (keys.isEmpty() && !map.has("on")) {
            map.problems().add(map.line(), map.path() + ": missing required field '" + map.field("on") + "'");
        } else if (keys.isEmpty()) {
            Fields.problem(map, "on", "list at least one key column");
        }
        return keys;
    }

    private static Optional<Stage> distinct(YamlMap map, int line) {
        map.rejectUnknownKeys(JobSyntax.DISTINCT.toArray(String[]::new));
        boolean all = !map.isList("on")
                && map.string("on")
                        .filter(v -> v.trim().equalsIgnoreCase("all"))
                        .isPresent();
        List<ColumnRef> on = all ? List.of() : Fields.columns(map, "on");
        DistinctStage.Keep keep =
                map.enumValue("keep", DistinctStage.Keep.class).orElse(DistinctStage.Keep.FIRST);
        List<SortKey> orderBy = Fields.sortKeys(map, "order_by");
        if (map.has("keep") && !map.has("order_by")) {
            Fields.problem(map, "keep", "keep needs order_by: the order that makes a row first or last");
        }
        return Optional.of(new DistinctStage(on, keep, orderBy, line));
    }
}
