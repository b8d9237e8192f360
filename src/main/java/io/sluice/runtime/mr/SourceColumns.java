package io.sluice.runtime.mr;

import io.sluice.expr.Expressions;
import io.sluice.job.Aggregate;
import io.sluice.job.ColumnRef;
import io.sluice.job.MapStage;
import io.sluice.job.NamedExpr;
import io.sluice.job.ReduceStage;
import io.sluice.job.SortKey;
import io.sluice.job.Stage;
import io.sluice.job.ValidatedJob;
import io.sluice.types.StructType;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Column pruning at the source: the columns of a job's source that its first stage reads, when that stage keeps only
 * what it computes from them — a {@code map} with a {@code select} (and no {@code flatten}, {@code explode} or row
 * function), or a {@code reduce}. Readers that can skip columns (delimited text) leave the others null without parsing
 * them, so a malformed value in a column the job never reads is not a bad record, as in Spark and Hive.
 */
final class SourceColumns {
    /** The table parameter that tells a reader which columns to parse: positions, comma-separated. */
    static final String READ_COLUMNS = io.sluice.format.csv.DelimitedFormat.READ_COLUMNS;

    private SourceColumns() {}

    /** The positions of the source columns the job reads, when that is not all of them. */
    static Optional<BitSet> read(ValidatedJob job) {
        List<Stage> stages = job.definition().stages();
        if (stages.isEmpty()) {
            return Optional.empty();
        }
        StructType input = job.inputOf(0);
        BitSet read = new BitSet();
        if (stages.get(0) instanceof MapStage map) {
            if (map.select().isEmpty()
                    || !map.flatten().isEmpty()
                    || map.explode().isPresent()
                    || map.function().isPresent()) {
                return Optional.empty();
            }
            map.filter().ifPresent(filter -> read.or(Expressions.columnsRead(filter.sql(), input)));
            for (NamedExpr column : map.select()) {
                read.or(Expressions.columnsRead(column.expr().sql(), input));
            }
        } else if (stages.get(0) instanceof ReduceStage reduce) {
            for (ColumnRef column : reduce.groupBy()) {
                read.set(position(input, column.name()));
            }
            for (Aggregate aggregate : reduce.aggregates()) {
                aggregate.argument().ifPresent(argument -> read.or(Expressions.columnsRead(argument.sql(), input)));
            }
            for (SortKey key : reduce.orderBy()) {
                read.set(position(input, key.column().name()));
            }
        } else {
            return Optional.empty();
        }
        return read.cardinality() < input.fields().size() ? Optional.of(read) : Optional.empty();
    }

    /** The parameter value for a set of positions. */
    static String parameter(BitSet columns) {
        return columns.stream().mapToObj(String::valueOf).collect(Collectors.joining(","));
    }

    private static int position(StructType schema, String name) {
        for (int i = 0; i < schema.fields().size(); i++) {
            if (schema.fields().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("column '" + name + "' not in " + schema);
    }
}
