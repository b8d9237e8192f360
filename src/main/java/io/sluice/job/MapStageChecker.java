package io.sluice.job;

import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a {@code map} stage, part by part in the order they apply, and gives the columns it makes. */
final class MapStageChecker {
    private final Checks checks;
    private final String field;

    private MapStageChecker(Checks checks, String field) {
        this.checks = checks;
        this.field = field;
    }

    static Columns check(MapStage stage, String field, Columns input, Checks checks) {
        MapStageChecker checker = new MapStageChecker(checks, field);
        Columns columns = input;
        for (ColumnRef struct : stage.flatten()) {
            columns = checker.flatten(columns, struct);
        }
        if (stage.explode().isPresent()) {
            columns = checker.explode(columns, stage.explode().get());
        }
        Columns filtered = columns;
        stage.filter().ifPresent(filter -> checks.condition(filter, filtered, field + ".filter"));
        if (!stage.select().isEmpty()) {
            columns = checker.select(columns, stage.select());
        }
        for (NamedExpr derived : stage.derive()) {
            columns = columns.with(
                    derived.name(), checks.scalar(derived.expr(), columns, field + ".derive." + derived.name()));
        }
        for (MapStage.Rename rename : stage.rename()) {
            columns = checker.rename(columns, rename);
        }
        for (ColumnRef dropped : stage.drop()) {
            if (checks.column(columns, dropped, field + ".drop").isPresent()) {
                columns = columns.without(dropped.name());
            }
        }
        for (MapStage.Cast cast : stage.cast()) {
            columns = checker.cast(columns, cast);
        }
        if (columns.isEmpty()) {
            checks.problem(stage.line(), field, "no columns left: a stage must give at least one column");
        }
        if (stage.function().isPresent()) {
            columns = checker.function(columns, stage.function().get());
        }
        return columns;
    }

    private Columns flatten(Columns columns, ColumnRef ref) {
        String at = field + ".flatten";
        Optional<Columns.Col> column = checks.column(columns, ref, at);
        if (column.isEmpty() || column.get().type().isEmpty()) {
            return columns;
        }
        if (!(column.get().type().get() instanceof StructType struct)) {
            checks.problem(
                    ref.line(),
                    at,
                    "column '" + ref.name() + "' is " + column.get().type().get() + ", not a struct");
            return columns;
        }
        List<Columns.Col> fields = new ArrayList<>();
        for (StructField structField : struct.fields()) {
            String name = column.get().name() + "_" + structField.name();
            if (columns.has(name)) {
                checks.problem(
                        ref.line(),
                        at,
                        "flattening '" + ref.name() + "' gives column '" + name + "', which exists already");
            } else {
                fields.add(new Columns.Col(name, Optional.of(structField.type())));
            }
        }
        return columns.replace(column.get().name(), fields);
    }

    private Columns explode(Columns columns, MapStage.Explode explode) {
        String at = field + ".explode";
        Optional<Columns.Col> column = checks.column(columns, explode.column(), at);
        if (column.isEmpty()) {
            return columns;
        }
        String name = column.get().name();
        if (!explode.as().equalsIgnoreCase(name) && columns.has(explode.as())) {
            checks.problem(explode.column().line(), at, "column '" + explode.as() + "' exists already");
            return columns.without(name);
        }
        Optional<DataType> type = column.get().type();
        if (type.isPresent() && !(type.get() instanceof ArrayType)) {
            checks.problem(explode.column().line(), at, "column '" + name + "' is " + type.get() + ", not an array");
            return columns.replace(name, List.of(new Columns.Col(explode.as(), Optional.empty())));
        }
        Optional<DataType> element = type.map(t -> ((ArrayType) t).elementType());
        return columns.replace(name, List.of(new Columns.Col(explode.as(), element)));
    }

    private Columns select(Columns columns, List<NamedExpr> select) {
        Columns selected = Columns.empty();
        for (NamedExpr column : select) {
            String at = field + ".select." + column.name();
            Optional<DataType> type = checks.scalar(column.expr(), columns, at);
            if (selected.has(column.name())) {
                checks.problem(column.line(), at, "column '" + column.name() + "' is selected twice");
            }
            selected = selected.with(column.name(), type);
        }
        return selected;
    }

    private Columns rename(Columns columns, MapStage.Rename rename) {
        String at = field + ".rename." + rename.from().name();
        Optional<Columns.Col> column = checks.column(columns, rename.from(), at);
        if (column.isEmpty()) {
            return columns;
        }
        if (!rename.to().equalsIgnoreCase(column.get().name()) && columns.has(rename.to())) {
            checks.problem(rename.from().line(), at, "column '" + rename.to() + "' exists already");
            return columns;
        }
        return columns.renamed(column.get().name(), rename.to());
    }

    private Columns cast(Columns columns, MapStage.Cast cast) {
        String at = field + ".cast." + cast.column().name();
        Optional<Columns.Col> column = checks.column(columns, cast.column(), at);
        if (column.isEmpty()) {
            return columns;
        }
        column.get()
                .type()
                .filter(from -> !Casts.allowed(from, cast.type()))
                .ifPresent(
                        from -> checks.problem(cast.column().line(), at, "cannot cast " + from + " to " + cast.type()));
        return columns.with(column.get().name(), Optional.of(cast.type()));
    }

    /** The function's declared columns; unknown (and not reported further) when the input's types are not known. */
    private Columns function(Columns columns, MapStage.Function function) {
        Optional<StructType> input = columns.schema();
        if (input.isEmpty()) {
            return Columns.empty().opened();
        }
        Optional<StructType> output = checks.functionOutput(function, input.get(), field + ".function");
        if (output.isPresent() && output.get().fields().isEmpty()) {
            checks.problem(function.line(), field + ".function", "the function declares no columns");
        }
        return output.filter(o -> !o.fields().isEmpty()).map(Columns::of).orElseGet(() -> Columns.empty()
                .opened());
    }
}
