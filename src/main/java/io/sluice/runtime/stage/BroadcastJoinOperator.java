package io.sluice.runtime.stage;

import static java.util.Objects.requireNonNull;

import io.sluice.row.Row;
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
    private final Map<Row, List<Row>> table;
    private final RowConsumer next;
    private final Row probe;

    private BroadcastJoinOperator(JoinLayout layout, Map<Row, List<Row>> table, RowConsumer next) {
        this.layout = layout;
        this.table = table;
        this.next = next;
        this.probe = new Row(layout.keyTypes().size());
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
        Map<Row, List<Row>> table = new HashMap<>();
        int width = layout.keyTypes().size();
        for (Row other : others) {
            Row key = new Row(width);
            if (layout.rightKey(other, key)) {
                table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(other.copy());
            }
        }
        return new BroadcastJoinOperator(layout, table, requireNonNull(next, "next is null"));
    }

    /** The number of rows of the other source held (those with a null key are not). */
    public int size() {
        return table.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void accept(Row row) {
        List<Row> matches = layout.leftKey(row, probe) ? table.get(probe) : null;
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
}
