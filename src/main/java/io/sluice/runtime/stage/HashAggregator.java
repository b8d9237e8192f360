package io.sluice.runtime.stage;

import io.sluice.expr.CompiledExpression;
import io.sluice.job.ReduceStage;
import io.sluice.row.Row;
import io.sluice.runtime.aggregate.Aggregator;
import io.sluice.runtime.io.BinaryOutput;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.types.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Map-side pre-aggregation of a {@code reduce} stage whose aggregates all have partials: rows are added to a hash
 * table of groups keyed by their group values (a group's shuffle key is encoded once), and each group leaves the mapper as one partial row (group
 * columns, then each aggregate's partial value) instead of all its rows.
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
    private final Aggregator<Object>[] aggregators;
    private final int partialWidth;
    private final int maxGroups;
    private final PartialConsumer out;
    private final BinaryOutput keyBuffer = new BinaryOutput(64);
    private final Probe probe;
    private final Object[] argumentValues;
    private final Map<Probe, Group> groups = new LinkedHashMap<>();
    private long rows;
    private boolean hashing = true;

    @SuppressWarnings("unchecked")
    private HashAggregator(ReduceStageOperator reduce, KeyCodec keyCodec, int maxGroups, PartialConsumer out) {
        if (maxGroups < 1) {
            throw new IllegalArgumentException("maxGroups must be positive, got " + maxGroups);
        }
        this.keyCodec = keyCodec;
        this.groupPositions = reduce.groupPositions();
        this.arguments = reduce.arguments();
        this.aggregators = reduce.aggregations().stream()
                .map(a -> (Aggregator<Object>) a.aggregator())
                .toArray(Aggregator[]::new);
        this.partialWidth = reduce.partialSchema().fields().size();
        this.argumentValues = new Object[arguments.length];
        this.probe = new Probe(new Object[groupPositions.length]);
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
            argumentValues[i] = arguments[i] == null ? null : arguments[i].evaluate(row);
        }
        if (!hashing) {
            keyBuffer.reset();
            int groupLength = keyCodec.encode(row, keyBuffer);
            Group single = new Group(keyBuffer.buffer(), keyBuffer.length(), groupLength, row);
            add(single);
            emit(single);
            return;
        }
        for (int i = 0; i < groupPositions.length; i++) {
            probe.values[i] = row.get(groupPositions[i]);
        }
        Group group = groups.get(probe.hashed());
        if (group == null) {
            keyBuffer.reset();
            int groupLength = keyCodec.encode(row, keyBuffer);
            group = new Group(
                    Arrays.copyOf(keyBuffer.buffer(), keyBuffer.length()), keyBuffer.length(), groupLength, row);
            groups.put(new Probe(group.values).hashed(), group);
        }
        add(group);
        rows++;
        if (groups.size() >= maxGroups) {
            flush();
        } else if (rows == PROBE_ROWS && groups.size() * 2L > rows) {
            flush();
            hashing = false;
        }
    }

    /** Emits every group held and empties the table; call once more after the last row. */
    public void flush() {
        for (Group group : groups.values()) {
            emit(group);
        }
        groups.clear();
    }

    private void add(Group group) {
        for (int i = 0; i < aggregators.length; i++) {
            aggregators[i].add(group.states[i], argumentValues[i]);
        }
    }

    private void emit(Group group) {
        Row partial = new Row(partialWidth);
        for (int i = 0; i < group.values.length; i++) {
            partial.set(i, group.values[i]);
        }
        for (int i = 0; i < aggregators.length; i++) {
            partial.set(group.values.length + i, aggregators[i].partial(group.states[i]));
        }
        out.accept(group.key, group.length, group.groupLength, partial);
    }

    /** One group: its key bytes, its group column values and one state per aggregate. */
    private final class Group {
        final byte[] key;
        final int length;
        final int groupLength;
        final Object[] values;
        final Object[] states;

        Group(byte[] key, int length, int groupLength, Row first) {
            this.key = key;
            this.length = length;
            this.groupLength = groupLength;
            this.values = new Object[groupPositions.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = first.get(groupPositions[i]);
            }
            this.states = new Object[aggregators.length];
            for (int i = 0; i < states.length; i++) {
                states[i] = aggregators[i].createState();
            }
        }
    }

    /**
     * A hash-table key over a group's values; one instance is reused for lookups, stored keys are their group's values.
     * Values equal by {@code equals} have equal key bytes; the few values with equal bytes that {@code equals} tells
     * apart (-0.0 and 0.0, decimals of different scales) make two groups here, whose partials the reducer merges.
     */
    private static final class Probe {
        final Object[] values;
        private int hash;

        Probe(Object[] values) {
            this.values = values;
        }

        Probe hashed() {
            hash = Arrays.hashCode(values);
            return this;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Probe that && that.hash == hash && Arrays.equals(values, that.values);
        }
    }
}
