package io.sluice.runtime.aggregate;

import io.sluice.row.Row;
import io.sluice.runtime.io.BinaryOutput;
import io.sluice.runtime.io.KeyCodec;
import io.sluice.runtime.io.KeyColumn;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An aggregate over the distinct non-null values of its argument ({@code count(DISTINCT x)}, {@code sum(DISTINCT x)},
 * ...). The state is the set of values seen, each held as its key encoding ({@link KeyCodec}), so that values SQL
 * calls equal are one (-0.0 and 0.0, char values that differ in trailing spaces) and a repeated value costs a lookup,
 * not an allocation. Sets of different map tasks cannot be combined into anything smaller than their union: the
 * partial is the array of the distinct values, in key order.
 *
 * <p>Memory: every distinct value of a group stays in memory, about its encoded size plus 64 bytes, on the map side
 * (per group and map task) and on the reduce side (per group). For high-cardinality arguments, plan a two-step
 * aggregation (group by the key and the argument first) instead.
 */
final class Distinct<S> implements Aggregator<Distinct.State> {
    static final class State {
        final Set<EncodedValue> values = new HashSet<>();
    }

    private final String description;
    private final DataType argument;
    private final Aggregator<S> inner;
    private final ArrayType partialType;
    private final KeyCodec codec;
    private final BinaryOutput scratch = new BinaryOutput(64);
    private final Row one = new Row(1);
    private final EncodedValue probe = new EncodedValue();

    /** Distinct values of {@code argument} fed to {@code inner}; described as {@code description}. */
    Distinct(String description, DataType argument, Aggregator<S> inner) {
        this.description = description;
        this.argument = argument;
        this.inner = inner;
        this.partialType = ArrayType.of(argument);
        this.codec = KeyCodec.of(List.of(KeyColumn.asc(0, argument)));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public DataType partialType() {
        return partialType;
    }

    @Override
    public DataType resultType() {
        return inner.resultType();
    }

    @Override
    public State createState() {
        return new State();
    }

    @Override
    public void add(State state, Object value) {
        if (value == null) {
            return;
        }
        scratch.reset();
        one.set(0, value);
        codec.encode(one, scratch);
        one.set(0, null);
        probe.point(scratch.buffer(), scratch.length());
        if (!state.values.contains(probe)) {
            state.values.add(probe.copy());
        }
    }

    @Override
    public void merge(State state, Object partial) {
        for (Object value : (List<?>) partial) {
            add(state, value);
        }
    }

    @Override
    public Object partial(State state) {
        List<EncodedValue> sorted = sorted(state);
        List<Object> values = new ArrayList<>(sorted.size());
        for (EncodedValue value : sorted) {
            values.add(decode(value));
        }
        return values;
    }

    @Override
    public Object result(State state) {
        S innerState = inner.createState();
        for (EncodedValue value : sorted(state)) {
            inner.add(innerState, decode(value));
        }
        return inner.result(innerState);
    }

    private static List<EncodedValue> sorted(State state) {
        List<EncodedValue> sorted = new ArrayList<>(state.values);
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.bytes, 0, a.length, b.bytes, 0, b.length));
        return sorted;
    }

    private Object decode(EncodedValue value) {
        return codec.decode(value.bytes, 0, value.length, new Row(1)).get(0);
    }

    /** Key bytes compared by content; one mutable instance probes the set without copying. */
    static final class EncodedValue {
        private byte[] bytes;
        private int length;
        private int hash;

        void point(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
            int h = 1;
            for (int i = 0; i < length; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        EncodedValue copy() {
            EncodedValue copy = new EncodedValue();
            copy.bytes = Arrays.copyOf(bytes, length);
            copy.length = length;
            copy.hash = hash;
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EncodedValue value
                    && value.hash == hash
                    && Arrays.equals(bytes, 0, length, value.bytes, 0, value.length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
