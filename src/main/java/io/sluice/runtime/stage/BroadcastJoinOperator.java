package io.sluice.runtime.stage;

import static java.util.Objects.requireNonNull;

import io.sluice.row.Row;
import io.sluice.types.PrimitiveType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A map-side ({@code broadcast}) join: the other source's rows are held in a hash table by their widened keys, and each
 * input row is joined with the rows of its key as it passes; an {@code inner} join drops input rows without a match, a
 * {@code left} join keeps them with nulls. Rows of the other source whose key has a null are never matched. {@code
 * right} and {@code full} joins need every input row seen before unmatched rows of the other source are known, which
 * no single mapper does: they are shuffle joins.
 */
public final class BroadcastJoinOperator implements RowConsumer {
    private final JoinLayout layout;
    /**
     * The other source's rows by key: the key's value itself when there is one key column (hashed and compared as it
     * is, without a {@link Row} around it), else a {@link Row} of the key values.
     */
    private final Map<Object, Row[]> table;

    private final boolean singleKey;
    private final RowConsumer next;
    private final Row probe;

    private BroadcastJoinOperator(JoinLayout layout, Map<Object, Row[]> table, RowConsumer next) {
        this.layout = layout;
        this.table = table;
        this.next = next;
        this.probe = new Row(layout.keyTypes().size());
        this.singleKey = singleKey(layout);
    }

    /** One key column, whose values compare by their own {@code equals} (not so byte arrays: binary). */
    private static boolean singleKey(JoinLayout layout) {
        return layout.keyTypes().size() == 1 && layout.keyTypes().get(0) != PrimitiveType.BINARY;
    }

    /**
     * A join of the rows pushed to it with {@code others} (each copied, the reader may reuse it), pushing joined rows to
     * {@code next}.
     */
    public static BroadcastJoinOperator of(JoinLayout layout, Iterable<Row> others, RowConsumer next) {
        requireNonNull(layout, "layout is null");
        if (layout.keepsUnmatchedRight()) {
            throw new IllegalArgumentException(
                    "a " + layout.stage().type().name().toLowerCase(java.util.Locale.ROOT)
                            + " join keeps unmatched rows of the other source: it cannot be a broadcast join");
        }
        Map<Object, List<Row>> rows = new HashMap<>();
        int width = layout.keyTypes().size();
        boolean single = singleKey(layout);
        for (Row other : others) {
            Row key = new Row(width);
            if (layout.rightKey(other, key)) {
                rows.computeIfAbsent(single ? key.get(0) : key, k -> new ArrayList<>(1))
                        .add(other.copy());
            }
        }
        Map<Object, Row[]> table = new HashMap<>();
        rows.forEach((key, matches) -> table.put(key, matches.toArray(Row[]::new)));
        return new BroadcastJoinOperator(layout, table, requireNonNull(next, "next is null"));
    }

    /** The number of rows of the other source held (those with a null key are not). */
    public int size() {
        return table.values().stream().mapToInt(matches -> matches.length).sum();
    }

    @Override
    public void accept(Row row) {
        Row[] matches = layout.leftKey(row, probe) ? table.get(singleKey ? probe.get(0) : probe) : null;
        if (matches == null) {
            if (layout.keepsUnmatchedLeft()) {
                next.accept(layout.join(row, null));
            }
            return;
        }
        for (Row match : matches) {
            next.accept(layout.join(row, match));
        }
    }

    /** Closes the consumers after the join (a row function there may emit rows as it closes). */
    @Override
    public void close() {
        next.close();
    }
}
