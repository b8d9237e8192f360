package io.sluice.job;

import io.sluice.types.DataType;
import io.sluice.types.TypeWidening;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks the stages that group or order rows, and joins, giving the columns each makes. */
final class StageChecks {
    private StageChecks() {}

    static Columns partition(PartitionStage stage, String field, Columns input, Checks checks) {
        for (ColumnRef key : stage.by()) {
            if (stage.method() == PartitionStage.Method.RANGE) {
                checks.orderable(input, key, field + ".by", "range-partition");
            } else {
                checks.comparable(input, key, field + ".by", "partition");
            }
        }
        return input;
    }

    static Columns sort(SortStage stage, String field, Columns input, Checks checks) {
        for (SortKey key : stage.by()) {
            checks.orderable(input, key.column(), field + ".by", "sort");
        }
        return input;
    }

    static Columns distinct(DistinctStage stage, String field, Columns input, Checks checks) {
        for (ColumnRef column : stage.on()) {
            checks.comparable(input, column, field + ".on", "deduplicate");
        }
        if (stage.onAllColumns()) {
            for (Columns.Col column : input.all()) {
                checks.comparable(input, new ColumnRef(column.name(), stage.line()), field, "deduplicate");
            }
        }
        for (SortKey key : stage.orderBy()) {
            checks.orderable(input, key.column(), field + ".order_by", "order");
        }
        return input;
    }

    static Columns reduce(ReduceStage stage, String field, Columns input, Checks checks) {
        Columns output = Columns.empty();
        for (ColumnRef key : stage.groupBy()) {
            checks.comparable(input, key, field + ".group_by", "group");
            Optional<Columns.Col> column = input.get(key.name());
            if (output.has(key.name())) {
                checks.problem(key.line(), field + ".group_by", "column '" + key.name() + "' is listed twice");
            } else {
                // An unknown key (reported) still names a column of the output, so later stages are not blamed.
                output = output.with(
                        column.map(Columns.Col::name).orElse(key.name()), column.flatMap(Columns.Col::type));
            }
        }
        for (Aggregate aggregate : stage.aggregates()) {
            String at = field + ".aggregate." + aggregate.name();
            Optional<DataType> type = aggregateType(aggregate, at, input, checks);
            if (output.has(aggregate.name())) {
                checks.problem(
                        aggregate.line(),
                        at,
                        "column '" + aggregate.name() + "' exists already (a group_by column or an aggregate above)");
            }
            output = output.with(aggregate.name(), type);
        }
        for (SortKey key : stage.orderBy()) {
            checks.orderable(input, key.column(), field + ".order_by", "order");
        }
        return input.isOpen() ? output.opened() : output;
    }

    private static Optional<DataType> aggregateType(Aggregate aggregate, String at, Columns input, Checks checks) {
        Optional<DataType> argument = Optional.empty();
        if (aggregate.argument().isPresent()) {
            argument = checks.typeOf(aggregate.argument().get(), input, at);
            if (argument.isEmpty()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(aggregate.function().resultType(argument));
        } catch (IllegalArgumentException e) {
            checks.problem(aggregate.line(), at, e.getMessage() + ": '" + aggregate.call() + "'");
            return Optional.empty();
        }
    }

    static Columns join(
            JoinStage stage,
            String field,
            Columns input,
            Set<String> defined,
            Map<String, ResolvedSource> sources,
            Checks checks) {
        String name = stage.with().name();
        if (stage.strategy() == JoinStage.Strategy.BROADCAST
                && (stage.type() == JoinStage.Type.RIGHT || stage.type() == JoinStage.Type.FULL)) {
            checks.problem(
                    stage.line(),
                    field + ".strategy",
                    "a " + stage.type().name().toLowerCase(Locale.ROOT) + " join keeps the rows of '" + name
                            + "' that nothing matched, which no single mapper of a broadcast join knows:"
                            + " use strategy: shuffle (or auto)");
        }
        if (!defined.contains(name)) {
            checks.problem(stage.with().line(), field + ".with", SourceSchemas.unknownSource(name, defined));
        }
        ResolvedSource other = sources.get(name);
        if (other == null) {
            return input.opened(); // its columns are not known: a problem reported already
        }
        Columns right = Columns.of(other.schema());
        String in = " in source '" + name + "'";
        Columns output = input;
        Set<String> sharedKeys = new TreeSet<>();
        for (JoinStage.KeyPair key : stage.on()) {
            Optional<Columns.Col> left = checks.column(input, key.left(), field + ".on");
            Optional<Columns.Col> rightKey = checks.column(right, key.right(), field + ".on", in);
            if (left.isEmpty() || rightKey.isEmpty()) {
                continue;
            }
            if (left.get().type().filter(Checks::containsMap).isPresent()) {
                checks.problem(
                        key.left().line(),
                        field + ".on",
                        "cannot join by " + left.get().type().get() + " column '"
                                + left.get().name() + "'");
            }
            Optional<DataType> type = keyType(key, left.get(), rightKey.get(), name, field, checks);
            if (key.isShared()) {
                sharedKeys.add(rightKey.get().name().toLowerCase(Locale.ROOT));
                output = output.with(left.get().name(), type);
            }
        }
        List<String> clashes = new ArrayList<>();
        for (Columns.Col column : taken(stage, right, field, in, checks)) {
            String columnName = stage.prefix().orElse("") + column.name();
            if (sharedKeys.contains(column.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (output.has(columnName)) {
                clashes.add(columnName);
            } else {
                output = output.with(columnName, column.type());
            }
        }
        if (!clashes.isEmpty()) {
            checks.problem(
                    stage.line(),
                    field,
                    (clashes.size() == 1 ? "column '" : "columns '")
                            + String.join("', '", clashes) + "' of '" + name + "'"
                            + (clashes.size() == 1 ? " clashes" : " clash") + " with the input's: take fewer with"
                            + " 'columns:' or set a 'prefix:' such as " + name + "_");
        }
        return output;
    }

    private static Optional<DataType> keyType(
            JoinStage.KeyPair key, Columns.Col left, Columns.Col right, String source, String field, Checks checks) {
        if (left.type().isEmpty() || right.type().isEmpty()) {
            return Optional.empty();
        }
        Optional<DataType> type =
                TypeWidening.widen(left.type().get(), right.type().get());
        if (type.isEmpty()) {
            checks.problem(
                    key.left().line(),
                    field + ".on",
                    "key types differ: '" + left.name() + "' is "
                            + left.type().get() + " but '" + right.name() + "' of '" + source + "' is "
                            + right.type().get()
                            + ": cast one of them in a map stage");
        }
        return type.isPresent() ? type : left.type();
    }

    private static List<Columns.Col> taken(JoinStage stage, Columns right, String field, String in, Checks checks) {
        if (stage.columns().isEmpty()) {
            return right.all();
        }
        List<Columns.Col> taken = new ArrayList<>();
        for (ColumnRef column : stage.columns()) {
            checks.column(right, column, field + ".columns", in).ifPresent(taken::add);
        }
        return taken;
    }
}
