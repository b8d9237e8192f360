package io.sluice.job;

import io.sluice.definition.Problems;
import io.sluice.definition.Suggestions;
import io.sluice.expr.ExpressionException;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.util.Collection;
import java.util.Optional;

/** The checks stages share: columns that exist, expressions that type, keys that can be compared. */
final class Checks {
    private final Problems problems;
    private final ExpressionTyper typer;
    private final RowFunctionTyper functions;

    Checks(Problems problems, ExpressionTyper typer) {
        this(problems, typer, RowFunctionTyper.none());
    }

    Checks(Problems problems, ExpressionTyper typer, RowFunctionTyper functions) {
        this.problems = problems;
        this.typer = typer;
        this.functions = functions;
    }

    /** What a row function gives for the columns, or a problem at its line and empty. */
    Optional<StructType> functionOutput(MapStage.Function function, StructType input, String field) {
        try {
            return Optional.of(functions.outputOf(function.className(), input, function.options()));
        } catch (IllegalArgumentException e) {
            problem(function.line(), field, e.getMessage());
            return Optional.empty();
        }
    }

    void problem(int line, String field, String message) {
        problems.add(line, field + ": " + message);
    }

    /** The column, or a problem naming the closest one. */
    Optional<Columns.Col> column(Columns columns, ColumnRef ref, String field) {
        return column(columns, ref, field, "");
    }

    /** The column of another source ({@code where} names it in messages: " in source 'customers'"). */
    Optional<Columns.Col> column(Columns columns, ColumnRef ref, String field, String where) {
        Optional<Columns.Col> column = columns.get(ref.name());
        if (column.isEmpty() && !columns.isOpen()) {
            problem(ref.line(), field, "unknown column '" + ref.name() + "'" + where + didYouMean(ref.name(), columns));
        }
        return column;
    }

    static String didYouMean(String name, Columns columns) {
        return suggestion(name, columns.names());
    }

    static String suggestion(String name, Collection<String> candidates) {
        return Suggestions.closest(name, candidates)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
    }

    /** The type of a row-by-row expression: aggregate calls have no place in it. */
    Optional<DataType> scalar(Expr expr, Columns columns, String field) {
        Optional<SqlText.Name> aggregate = SqlText.aggregateCall(expr.sql());
        if (aggregate.isPresent()) {
            problem(
                    expr.line(),
                    field,
                    "aggregate function " + aggregate.get().text()
                            + "() outside a reduce stage: aggregate in a reduce stage, then use the result");
            return Optional.empty();
        }
        return typeOf(expr, columns, field);
    }

    /**
     * The type of an expression, empty after a problem, or when it may use a column whose type is unknown (the
     * problem of that column was reported where it was made).
     */
    Optional<DataType> typeOf(Expr expr, Columns columns, String field) {
        Optional<String> name = SqlText.columnName(expr.sql());
        if (name.isPresent()) {
            return column(columns, new ColumnRef(name.get(), expr.line()), field)
                    .flatMap(Columns.Col::type);
        }
        Optional<StructType> schema = columns.known();
        if (schema.isEmpty()
                || columns.isOpen()
                || columns.unknown().stream().anyMatch(c -> SqlText.mentions(expr.sql(), c))) {
            return Optional.empty();
        }
        try {
            return Optional.of(typer.typeOf(expr.sql(), schema.get()));
        } catch (ExpressionException e) {
            problem(expr.line(), field, e.getMessage());
            return Optional.empty();
        }
    }

    /** A condition: boolean. */
    void condition(Expr expr, Columns columns, String field) {
        scalar(expr, columns, field)
                .filter(type -> type != PrimitiveType.BOOLEAN)
                .ifPresent(type -> problem(
                        expr.line(), field, "expected a condition (boolean), got " + type + ": '" + expr.sql() + "'"));
    }

    /** A key rows are ordered by: of a primitive type. */
    void orderable(Columns columns, ColumnRef ref, String field, String verb) {
        column(columns, ref, field)
                .flatMap(Columns.Col::type)
                .filter(type -> !type.isPrimitive())
                .ifPresent(type ->
                        problem(ref.line(), field, "cannot " + verb + " by " + type + " column '" + ref.name() + "'"));
    }

    /** A key rows are grouped by: any type but a map, whose values have no equality. */
    void comparable(Columns columns, ColumnRef ref, String field, String verb) {
        column(columns, ref, field)
                .flatMap(Columns.Col::type)
                .filter(Checks::containsMap)
                .ifPresent(type ->
                        problem(ref.line(), field, "cannot " + verb + " by " + type + " column '" + ref.name() + "'"));
    }

    /** True for maps and types holding maps: their values have no equality. */
    static boolean containsMap(DataType type) {
        if (type instanceof ArrayType array) {
            return containsMap(array.elementType());
        }
        if (type instanceof StructType struct) {
            return struct.fields().stream().anyMatch(f -> containsMap(f.type()));
        }
        return type instanceof MapType;
    }
}
