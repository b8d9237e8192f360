package io.sluice.runtime.stage;

import io.sluice.expr.CompiledExpression;
import io.sluice.expr.Expressions;
import io.sluice.job.Aggregate;
import io.sluice.job.ColumnRef;
import io.sluice.job.ReduceStage;
import io.sluice.row.Row;
import io.sluice.runtime.aggregate.Aggregation;
import io.sluice.runtime.aggregate.Aggregators;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code reduce} stage compiled for one task: the rows of one group (consecutive, as the shuffle delivers them) are
 * added, then {@link #finish} gives one row — the group columns, then the aggregates. Map-side pre-aggregation uses
 * {@link #partial} and {@link #merge}: a partial row holds the group columns and each aggregate's partial value.
 */
public final class ReduceStageOperator {
    private final int[] groupPositions;
    private final CompiledExpression[] arguments;
    private final List<Aggregation<?>> aggregations = new ArrayList<>();
    private final StructType output;
    private final StructType partialSchema;
    private final Row groupValues;
    private boolean started;

    private ReduceStageOperator(ReduceStage stage, StructType input) {
        groupPositions =
                stage.groupBy().stream().mapToInt(c -> position(input, c)).toArray();
        arguments = new CompiledExpression[stage.aggregates().size()];
        List<StructField> outputFields = new ArrayList<>();
        List<StructField> partialFields = new ArrayList<>();
        for (int position : groupPositions) {
            outputFields.add(input.fields().get(position));
            partialFields.add(input.fields().get(position));
        }
        for (int i = 0; i < arguments.length; i++) {
            Aggregate aggregate = stage.aggregates().get(i);
            arguments[i] = aggregate
                    .argument()
                    .map(a -> Expressions.compile(a.sql(), input))
                    .orElse(null);
            Aggregation<?> aggregation = Aggregation.of(Aggregators.create(
                    aggregate.function().spelling(),
                    aggregate.distinct(),
                    arguments[i] == null ? null : arguments[i].type()));
            aggregations.add(aggregation);
            String name = aggregate.name().toLowerCase(Locale.ROOT);
            outputFields.add(StructField.of(name, aggregation.aggregator().resultType()));
            partialFields.add(StructField.of(name, aggregation.aggregator().partialType()));
        }
        output = new StructType(outputFields);
        partialSchema = new StructType(partialFields);
        groupValues = new Row(groupPositions.length);
    }

    public static ReduceStageOperator compile(ReduceStage stage, StructType input) {
        return new ReduceStageOperator(stage, input);
    }

    /** The schema of the rows {@link #finish} gives: group columns, then aggregates. */
    public StructType output() {
        return output;
    }

    /** The schema of partial rows: group columns, then each aggregate's partial value. */
    public StructType partialSchema() {
        return partialSchema;
    }

    int[] groupPositions() {
        return groupPositions;
    }

    CompiledExpression[] arguments() {
        return arguments;
    }

    List<Aggregation<?>> aggregations() {
        return aggregations;
    }

    /** Adds an input row to the current group (the first row of a group sets its group values). */
    public void add(Row row) {
        startIfNeeded(row, groupPositions);
        for (int i = 0; i < arguments.length; i++) {
            aggregations.get(i).add(arguments[i] == null ? null : arguments[i].evaluate(row));
        }
    }

    /** Adds a partial row (of {@link #partialSchema()}) to the current group. */
    public void merge(Row partial) {
        startIfNeeded(partial, null);
        for (int i = 0; i < arguments.length; i++) {
            aggregations.get(i).merge(partial.get(groupPositions.length + i));
        }
    }

    /** Ends the current group, giving its result row to {@code out}; a group that saw no row gives none. */
    public void finish(RowConsumer out) {
        if (!started) {
            return;
        }
        Row row = new Row(output.fields().size());
        fill(row, true);
        out.accept(row);
    }

    /** Ends the current group, giving its partial row to {@code out}. */
    public void partial(RowConsumer out) {
        Row row = new Row(partialSchema.fields().size());
        fill(row, false);
        out.accept(row);
    }

    private void fill(Row row, boolean result) {
        for (int i = 0; i < groupPositions.length; i++) {
            row.setFrom(i, groupValues, i);
        }
        for (int i = 0; i < aggregations.size(); i++) {
            Aggregation<?> aggregation = aggregations.get(i);
            row.set(groupPositions.length + i, result ? aggregation.result() : aggregation.partial());
            aggregation.reset();
        }
        started = false;
    }

    private void startIfNeeded(Row row, int[] positions) {
        if (started) {
            return;
        }
        for (int i = 0; i < groupPositions.length; i++) {
            groupValues.setFrom(i, row, positions == null ? i : positions[i]);
        }
        started = true;
    }

    private static int position(StructType schema, ColumnRef column) {
        for (int i = 0; i < schema.fields().size(); i++) {
            if (schema.fields().get(i).name().equalsIgnoreCase(column.name())) {
                return i;
            }
        }
        throw new IllegalStateException("group column '" + column.name() + "' not in " + schema);
    }
}
