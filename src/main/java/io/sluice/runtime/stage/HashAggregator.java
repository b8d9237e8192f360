package io.sluice.runtime.stage;

import io.sluice.expr.CompiledExpression;
import io.sluice.job.ReduceStage;
import io.sluice.row.Row;
import io.sluice.runtime.aggregate.GroupStates;
import io.sluice.runtime.io.BinaryOutput;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.types.StructType;
import java.util.Arrays;

/**
 * Map-side pre-aggregation of a {@code reduce} stage whose aggregates all have partials: rows are added to a hash
 * table of groups keyed by their group values ({@link GroupTable}; a group's shuffle key is encoded once), whose
 * aggregate states live in arrays by group number ({@link GroupStates}: primitive arrays for counts and sums, so a
 * row allocates nothing), and each group leaves the mapper as one partial row (group columns, then each aggregate's
 * partial value) instead of all its rows.
 *
 * <p>Memory stays bounded: when the table holds {@code maxGroups} groups, all of them are emitted and the table starts
 * empty (the reducer merges the partials of a group from every flush and every task). When the first {@value
 * #PROBE_ROWS} rows show little reduction (more groups than half the rows), hashing cannot pay for itself and the
 * aggregator switches to emitting one partial per row, as Hive's map-side group-by does.
 */
public final class HashAggregator implements RowConsumer {
    static final int PROBE_ROWS = 100_000;

    /** Receives a group's encoded key ({@code key[0, length)}, grouping part first) and its partial row. */
    @FunctionalInterface
    public interface PartialConsumer {
        void accept(byte[] key, int length, int groupLength, Row partial);
    }

    private final KeyCodec keyCodec;
    private final int[] groupPositions;
    private final CompiledExpression[] arguments;
    /**
     * For each argument that is a plain column, its position in the input rows, which the states read in place;
     * else -1 (the argument is evaluated into {@link #argumentValues}, or is absent, as for {@code count(*)}).
     */
    private final int[] columnArguments;

    private final GroupStates[] states;
    private final int partialWidth;
    private final int maxGroups;
    private final PartialConsumer out;
    private final BinaryOutput keyBuffer = new BinaryOutput(64);
    private final Object[] probe;
    /** The arguments' values of the row being added, unboxed where they can be. */
    private final Row argumentValues;

    private final GroupTable groups;
    private byte[][] keys = new byte[16][];
    private int[] groupLengths = new int[16];
    private long rows;
    private boolean hashing = true;

    private HashAggregator(ReduceStageOperator reduce, KeyCodec keyCodec, int maxGroups, PartialConsumer out) {
        if (maxGroups < 1) {
            throw new IllegalArgumentException("maxGroups must be positive, got " + maxGroups);
        }
        this.keyCodec = keyCodec;
        this.groupPositions = reduce.groupPositions();
        this.arguments = reduce.arguments();
        this.columnArguments = Arrays.stream(arguments)
                .mapToInt(argument -> argument == null ? -1 : argument.columnPosition())
                .toArray();
        this.states = reduce.aggregations().stream()
                .map(a -> a.aggregator().groupStates())
                .toArray(GroupStates[]::new);
        this.partialWidth = reduce.partialSchema().fields().size();
        this.argumentValues = new Row(arguments.length);
        this.probe = new Object[groupPositions.length];
        this.groups = new GroupTable(groupPositions.length);
        this.maxGroups = maxGroups;
        this.out = out;
    }

    /**
     * Pre-aggregates rows of {@code input} for {@code stage}; {@code keyCodec} encodes the group columns of an input
     * row as the shuffle key.
     */
    public static HashAggregator of(
            ReduceStage stage, StructType input, KeyCodec keyCodec, int maxGroups, PartialConsumer out) {
        return new HashAggregator(ReduceStageOperator.compile(stage, input), keyCodec, maxGroups, out);
    }

    /** The schema of the partial rows given to the consumer. */
    public static StructType partialSchema(ReduceStage stage, StructType input) {
        return ReduceStageOperator.compile(stage, input).partialSchema();
    }

    @Override
    public void accept(Row row) {
        // Evaluate first: a row an argument fails on (a bad record) changes no group.
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null) {
                argumentValues.set(i, null);
            } else if (columnArguments[i] < 0) {
                arguments[i].evaluateInto(row, argumentValues, i);
            }
        }
        if (!hashing) {
            emitSingle(row);
            return;
        }
        rows++;
        int group = groups.groupOf(row, groupPositions);
        if (group >= 0) {
            add(group, row);
        } else {
            addFirst(~group, row);
        }
    }

    /**
     * Starts a group with its first row. The table grows only here, so here too are its limits checked: full, it is
     * emitted and emptied; holding more groups than half of the first {@value #PROBE_ROWS} rows, hashing stops (the
     * check a count of rows at {@value #PROBE_ROWS} would make, made as soon as its answer is certain and off the path
     * of rows that find their group, where a branch first taken after compilation would send the compiled code back to
     * the interpreter). Not inlined by C2 (bin/compiler-directives.json).
     */
    private void addFirst(int group, Row row) {
        start(group, row);
        add(group, row);
        if (groups.size() >= maxGroups) {
            flush();
        } else if (groups.size() * 2L > PROBE_ROWS && rows <= PROBE_ROWS) {
            flush();
            hashing = false;
        }
    }

    /** Emits every group held and empties the table; call once more after the last row. */
    public void flush() {
        for (int group = 0; group < groups.size(); group++) {
            emit(group, keys[group], groupLengths[group]);
        }
        groups.clear();
        for (GroupStates state : states) {
            state.clear();
        }
    }

    /** Without hashing: the row's own partial, straight out (group 0 of the states, emptied for every row). */
    private void emitSingle(Row row) {
        for (int i = 0; i < groupPositions.length; i++) {
            probe[i] = row.get(groupPositions[i]);
        }
        for (GroupStates state : states) {
            state.clear();
            state.grow(1);
        }
        add(0, row);
        keyBuffer.reset();
        int groupLength = keyCodec.encode(row, keyBuffer);
        Row partial = partialRow(0, probe);
        out.accept(keyBuffer.buffer(), keyBuffer.length(), groupLength, partial);
    }

    /** A new group: its shuffle key, encoded once, and empty states. */
    private void start(int group, Row first) {
        if (group == keys.length) {
            keys = Arrays.copyOf(keys, group * 2);
            groupLengths = Arrays.copyOf(groupLengths, group * 2);
        }
        keyBuffer.reset();
        groupLengths[group] = keyCodec.encode(first, keyBuffer);
        keys[group] = Arrays.copyOf(keyBuffer.buffer(), keyBuffer.length());
        for (GroupStates state : states) {
            state.grow(group + 1);
        }
    }

    /** Adds the arguments' values of {@code row} to the states of {@code group}. */
    private void add(int group, Row row) {
        for (int i = 0; i < states.length; i++) {
            int column = columnArguments[i];
            if (column >= 0) {
                states[i].add(group, row, column);
            } else {
                states[i].add(group, argumentValues, i);
            }
        }
    }

    private void emit(int group, byte[] key, int groupLength) {
        Object[] values = new Object[groupPositions.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = groups.value(group, i);
        }
        out.accept(key, key.length, groupLength, partialRow(group, values));
    }

    private Row partialRow(int group, Object[] groupValues) {
        Row partial = new Row(partialWidth);
        for (int i = 0; i < groupValues.length; i++) {
            partial.set(i, groupValues[i]);
        }
        for (int i = 0; i < states.length; i++) {
            partial.set(groupValues.length + i, states[i].partial(group));
        }
        return partial;
    }
}
