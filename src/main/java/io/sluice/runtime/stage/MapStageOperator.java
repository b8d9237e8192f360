package io.sluice.runtime.stage;

import io.sluice.expr.CompiledExpression;
import io.sluice.expr.Expressions;
import io.sluice.job.ColumnRef;
import io.sluice.job.MapStage;
import io.sluice.job.NamedExpr;
import io.sluice.row.Row;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.Identifiers;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A {@code map} stage compiled for one task: its parts, in the order they apply (flatten, explode, filter, select,
 * derive, rename, drop, cast, function), become a chain of small operators over positions and compiled expressions,
 * built once; each input row is pushed through them. A custom row function is loaded from the thread's context class
 * loader (which Hadoop gives the job's shipped jars) and opened once; {@link #close} closes it. An expression that fails on a row's values throws {@link
 * io.sluice.expr.ExpressionEvaluationException} out of {@link #accept}: the caller sends that row to the error output.
 */
public final class MapStageOperator implements RowConsumer {
    private final StructType output;
    private final RowConsumer head;
    private final RowFunctionStep function;
    private final RowConsumer downstream;

    private MapStageOperator(StructType output, RowConsumer head, RowFunctionStep function, RowConsumer downstream) {
        this.output = output;
        this.head = head;
        this.function = function;
        this.downstream = downstream;
    }

    /** The schema of the rows a stage gives for rows of {@code input}, without keeping anything open. */
    public static StructType outputOf(MapStage stage, StructType input) {
        MapStageOperator operator = compile(stage, input, row -> {});
        operator.close();
        return operator.output();
    }

    /** Compiles the stage over rows of {@code input}; rows it gives go to {@code downstream}. */
    public static MapStageOperator compile(MapStage stage, StructType input, RowConsumer downstream) {
        List<Function<RowConsumer, RowConsumer>> steps = new ArrayList<>();
        StructType schema = input;
        for (ColumnRef struct : stage.flatten()) {
            int position = position(schema, struct.name());
            StructType fields = (StructType) schema.fields().get(position).type();
            int width = schema.fields().size();
            StructType flattened = flattened(schema, position, fields);
            int outWidth = flattened.fields().size();
            steps.add(next -> new Flatten(position, fields.fields().size(), width, outWidth, next));
            schema = flattened;
        }
        if (stage.explode().isPresent()) {
            MapStage.Explode explode = stage.explode().get();
            int position = position(schema, explode.column().name());
            DataType element = ((ArrayType) schema.fields().get(position).type()).elementType();
            schema = replaced(schema, position, StructField.of(explode.as().toLowerCase(Locale.ROOT), element));
            boolean outer = explode.outer();
            steps.add(next -> new Explode(position, outer, next));
        }
        if (stage.filter().isPresent()) {
            CompiledExpression condition =
                    Expressions.compile(stage.filter().get().sql(), schema);
            steps.add(next -> row -> {
                if (Boolean.TRUE.equals(condition.evaluate(row))) {
                    next.accept(row);
                }
            });
        }
        if (!stage.select().isEmpty()) {
            List<String> names = stage.select().stream().map(NamedExpr::name).toList();
            List<CompiledExpression> expressions = compileAll(stage.select(), schema);
            schema = struct(names, expressions);
            steps.add(next -> new Project(expressions, next));
        }
        for (NamedExpr derived : stage.derive()) {
            CompiledExpression computed = Expressions.compile(derived.expr().sql(), schema);
            List<CompiledExpression> columns = keepAndSet(schema, derived.name(), computed);
            schema = with(schema, derived.name(), computed.type());
            steps.add(next -> new Project(columns, next));
        }
        for (MapStage.Rename rename : stage.rename()) {
            int position = position(schema, rename.from().name());
            schema = replaced(
                    schema,
                    position,
                    StructField.of(
                            rename.to().toLowerCase(Locale.ROOT),
                            schema.fields().get(position).type()));
        }
        for (ColumnRef dropped : stage.drop()) {
            StructType before = schema;
            int position = position(schema, dropped.name());
            List<StructField> fields = new ArrayList<>(schema.fields());
            fields.remove(position);
            schema = new StructType(fields);
            steps.add(next -> new Project(references(before, position), next));
        }
        for (MapStage.Cast cast : stage.cast()) {
            String name =
                    schema.fields().get(position(schema, cast.column().name())).name();
            CompiledExpression converted =
                    Expressions.compile("CAST(" + Identifiers.quote(name) + " AS " + cast.type() + ")", schema);
            List<CompiledExpression> columns = keepAndSet(schema, name, converted);
            schema = with(schema, name, cast.type());
            steps.add(next -> new Project(columns, next));
        }
        RowFunctionStep function = null;
        if (stage.function().isPresent()) {
            MapStage.Function named = stage.function().get();
            function =
                    RowFunctionStep.open(named, schema, Thread.currentThread().getContextClassLoader(), downstream);
            schema = function.output();
        }
        RowConsumer head = function != null ? function : downstream;
        for (int i = steps.size() - 1; i >= 0; i--) {
            head = steps.get(i).apply(head);
        }
        return new MapStageOperator(schema, head, function, downstream);
    }

    /** The schema of the rows the stage gives. */
    public StructType output() {
        return output;
    }

    @Override
    public void accept(Row row) {
        head.accept(row);
    }

    /** Closes the stage's row function, if any, then the consumers after the stage. */
    @Override
    public void close() {
        try {
            if (function != null) {
                function.close();
            }
        } finally {
            downstream.close();
        }
    }

    private static List<CompiledExpression> compileAll(List<NamedExpr> expressions, StructType schema) {
        return expressions.stream()
                .map(e -> Expressions.compile(e.expr().sql(), schema))
                .toList();
    }

    /** Every column as it is, but {@code name}, which is computed (and added at the end when new). */
    private static List<CompiledExpression> keepAndSet(StructType schema, String name, CompiledExpression computed) {
        List<CompiledExpression> columns = new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < schema.fields().size(); i++) {
            if (schema.fields().get(i).name().equalsIgnoreCase(name)) {
                columns.add(computed);
                replaced = true;
            } else {
                columns.add(new ColumnValue(i, schema.fields().get(i).type()));
            }
        }
        if (!replaced) {
            columns.add(computed);
        }
        return columns;
    }

    private static List<CompiledExpression> references(StructType schema, int without) {
        List<CompiledExpression> columns = new ArrayList<>();
        for (int i = 0; i < schema.fields().size(); i++) {
            if (i != without) {
                columns.add(new ColumnValue(i, schema.fields().get(i).type()));
            }
        }
        return columns;
    }

    private static StructType with(StructType schema, String name, DataType type) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<StructField> fields = new ArrayList<>(schema.fields());
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(lower)) {
                fields.set(i, StructField.of(fields.get(i).name(), type));
                return new StructType(fields);
            }
        }
        fields.add(StructField.of(lower, type));
        return new StructType(fields);
    }

    private static StructType struct(List<String> names, List<CompiledExpression> expressions) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(StructField.of(
                    names.get(i).toLowerCase(Locale.ROOT), expressions.get(i).type()));
        }
        return new StructType(fields);
    }

    private static StructType replaced(StructType schema, int position, StructField field) {
        List<StructField> fields = new ArrayList<>(schema.fields());
        fields.set(position, field);
        return new StructType(fields);
    }

    private static StructType flattened(StructType schema, int position, StructType struct) {
        List<StructField> fields = new ArrayList<>(schema.fields().subList(0, position));
        String prefix = schema.fields().get(position).name();
        struct.fields()
                .forEach(f -> fields.add(StructField.of((prefix + "_" + f.name()).toLowerCase(Locale.ROOT), f.type())));
        fields.addAll(schema.fields().subList(position + 1, schema.fields().size()));
        return new StructType(fields);
    }

    private static int position(StructType schema, String name) {
        for (int i = 0; i < schema.fields().size(); i++) {
            if (schema.fields().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("column '" + name + "' not in " + schema + " (the job was validated?)");
    }

    /** A column passed through by position. */
    private record ColumnValue(int position, DataType type) implements CompiledExpression {
        @Override
        public Object evaluate(Row row) {
            return row.get(position);
        }

        @Override
        public void evaluateInto(Row row, Row out, int at) {
            out.setFrom(at, row, position);
        }

        @Override
        public int columnPosition() {
            return position;
        }
    }

    /**
     * Computes every output column from the input row into one reused output row. Columns passed on as they are
     * copied by position, without a call through the expression (one interface call per column a row makes, from a
     * call site every column's expression shares).
     */
    private static final class Project implements RowConsumer {
        /** Output positions of the copied columns, and the input positions they are copied from. */
        private final int[] copiedTo;

        private final int[] copiedFrom;
        /** Output positions of the computed columns, and their expressions. */
        private final int[] computedAt;

        private final CompiledExpression[] computed;
        private final RowConsumer next;
        private final Row out;

        Project(List<CompiledExpression> columns, RowConsumer next) {
            List<Integer> copies = new ArrayList<>();
            List<Integer> computes = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                (columns.get(i).columnPosition() >= 0 ? copies : computes).add(i);
            }
            this.copiedTo = copies.stream().mapToInt(Integer::intValue).toArray();
            this.copiedFrom = copies.stream()
                    .mapToInt(i -> columns.get(i).columnPosition())
                    .toArray();
            this.computedAt = computes.stream().mapToInt(Integer::intValue).toArray();
            this.computed = computes.stream().map(columns::get).toArray(CompiledExpression[]::new);
            this.next = next;
            this.out = new Row(columns.size());
        }

        @Override
        public void accept(Row row) {
            for (int i = 0; i < copiedTo.length; i++) {
                out.setFrom(copiedTo[i], row, copiedFrom[i]);
            }
            for (int i = 0; i < computed.length; i++) {
                computed[i].evaluateInto(row, out, computedAt[i]);
            }
            next.accept(out);
        }
    }

    /** One row per element of an array column; with {@code outer}, a row with a null element for none. */
    private static final class Explode implements RowConsumer {
        private final int position;
        private final boolean outer;
        private final RowConsumer next;

        Explode(int position, boolean outer, RowConsumer next) {
            this.position = position;
            this.outer = outer;
            this.next = next;
        }

        @Override
        public void accept(Row row) {
            List<?> elements = (List<?>) row.get(position);
            try {
                if (elements == null || elements.isEmpty()) {
                    if (outer) {
                        row.set(position, null);
                        next.accept(row);
                    }
                    return;
                }
                for (Object element : elements) {
                    row.set(position, element);
                    next.accept(row);
                }
            } finally {
                row.set(position, elements);
            }
        }
    }

    /** A struct column replaced by its fields, as columns {@code struct_field}. */
    private static final class Flatten implements RowConsumer {
        private final int position;
        private final int fields;
        private final int inWidth;
        private final RowConsumer next;
        private final Row out;

        Flatten(int position, int fields, int inWidth, int outWidth, RowConsumer next) {
            this.position = position;
            this.fields = fields;
            this.inWidth = inWidth;
            this.next = next;
            this.out = new Row(outWidth);
        }

        @Override
        public void accept(Row row) {
            for (int i = 0; i < position; i++) {
                out.setFrom(i, row, i);
            }
            Row struct = (Row) row.get(position);
            for (int f = 0; f < fields; f++) {
                if (struct == null) {
                    out.set(position + f, null);
                } else {
                    out.setFrom(position + f, struct, f);
                }
            }
            for (int i = position + 1; i < inWidth; i++) {
                out.setFrom(i + fields - 1, row, i);
            }
            next.accept(out);
        }
    }
}
