package io.sluice.runtime.io;

import static java.util.Objects.requireNonNull;

import io.sluice.row.Row;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How rows travel through a shuffle as a {@link KeyWritable} and a {@link RowWritable}: the value holds every column
 * but the grouping columns that the key gives back exactly ({@link KeyCodec#decodesExactly}); the reducer decodes
 * those from the group's key once and sets them in every row of the group. Sorting by a column no longer ships it
 * twice (W4's sort by customer and time: a fifth of the shuffle's bytes). Only grouping columns are left out: their
 * bytes, hence their values, are the same for every row of a group, whatever Hadoop's key holds while the values
 * are read.
 *
 * <p>Without columns to leave out the value is the whole row, encoded as it is.
 */
public final class ShuffleRows {
    private final KeyCodec key;
    private final RowCodec values;
    private final int width;
    private final int[] valuePositions;
    private final int[] keyPositions;
    private final int[] keyColumns;
    private final Row valueRow;
    private final Row keyRow;
    private final KeyReader keyReader = new KeyReader();
    private final BinaryInput valueInput = new BinaryInput();

    private ShuffleRows(KeyCodec key, StructType rows, int[] keyPositions, int[] keyColumns) {
        this.key = key;
        this.width = rows.fields().size();
        this.keyPositions = keyPositions;
        this.keyColumns = keyColumns;
        boolean[] fromKey = new boolean[width];
        for (int position : keyPositions) {
            fromKey[position] = true;
        }
        List<StructField> valueFields = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if (!fromKey[i]) {
                valueFields.add(rows.fields().get(i));
                positions.add(i);
            }
        }
        this.valuePositions = positions.stream().mapToInt(Integer::intValue).toArray();
        this.values = RowCodec.of(new StructType(valueFields));
        this.valueRow = new Row(valuePositions.length);
        this.keyRow = new Row(Arrays.stream(keyColumns).max().orElse(-1) + 1);
    }

    /** Rows of {@code rows} shuffled whole in the value. */
    public static ShuffleRows whole(StructType rows, KeyCodec key) {
        return new ShuffleRows(requireNonNull(key, "key is null"), rows, new int[0], new int[0]);
    }

    /** Rows of {@code rows} whose values leave out the grouping columns of {@code key} that it decodes exactly. */
    public static ShuffleRows withoutGroupingColumns(StructType rows, KeyCodec key) {
        return of(rows, key, leftOut(rows, key));
    }

    /** Rows of {@code rows} whose values leave out the columns at {@code keyPositions}, taken from the key instead. */
    static ShuffleRows of(StructType rows, KeyCodec key, int[] keyPositions) {
        int[] keyColumns = new int[keyPositions.length];
        for (int i = 0; i < keyPositions.length; i++) {
            keyColumns[i] = groupingColumnOf(key, keyPositions[i]);
        }
        return new ShuffleRows(key, rows, keyPositions, keyColumns);
    }

    /**
     * The row positions of the grouping columns that the key decodes exactly; one column stays in the value when the
     * key would give them all (a value has at least one column).
     */
    static int[] leftOut(StructType rows, KeyCodec key) {
        int[] positions = key.columns().subList(0, key.groupingColumns()).stream()
                .filter(column -> KeyCodec.decodesExactly(column.type()))
                .filter(column ->
                        column.type().equals(rows.fields().get(column.field()).type()))
                .mapToInt(KeyColumn::field)
                .distinct()
                .toArray();
        return positions.length < rows.fields().size() ? positions : Arrays.copyOf(positions, positions.length - 1);
    }

    private static int groupingColumnOf(KeyCodec key, int position) {
        for (int i = 0; i < key.groupingColumns(); i++) {
            if (key.columns().get(i).field() == position) {
                return i;
            }
        }
        throw new IllegalArgumentException("column " + position + " is not a grouping column of the key");
    }

    /** The row positions the values leave out (taken from the key). */
    public int[] keyPositions() {
        return keyPositions.clone();
    }

    /** The schema of the values. */
    public StructType valueSchema() {
        return values.schema();
    }

    /** Replaces {@code out}'s content with the value of {@code row}, which it returns. */
    public RowWritable encodeValue(Row row, RowWritable out) {
        if (keyPositions.length == 0) {
            return out.encode(values, row);
        }
        for (int i = 0; i < valuePositions.length; i++) {
            valueRow.setFrom(i, row, valuePositions[i]);
        }
        return out.encode(values, valueRow);
    }

    /** Reads the columns taken from the key of a group; call once per group, before {@link #decode}. */
    public void startGroup(KeyWritable groupKey) {
        startGroup(groupKey.bytes(), 0, groupKey.groupLength());
    }

    /**
     * As {@link #startGroup(KeyWritable)}, for a group whose key's grouping part is {@code bytes[offset, offset +
     * groupLength)}.
     */
    public void startGroup(byte[] bytes, int offset, int groupLength) {
        if (keyPositions.length > 0) {
            key.decode(bytes, offset, groupLength, keyRow, keyReader);
        }
    }

    /** Whether the rows take columns from their group's key ({@link #startGroup} has work to do). */
    public boolean takesColumnsFromKey() {
        return keyPositions.length > 0;
    }

    /** Decodes a value of the current group into {@code target} (as wide as the rows), which it returns. */
    public Row decode(RowWritable value, Row target) {
        return decode(value.bytes(), 0, value.length(), target);
    }

    /** As {@link #decode(RowWritable, Row)}, for the value {@code bytes[offset, offset + length)}. */
    public Row decode(byte[] bytes, int offset, int length, Row target) {
        if (keyPositions.length == 0) {
            return values.decode(valueInput.reset(bytes, offset, length), target);
        }
        values.decode(valueInput.reset(bytes, offset, length), valueRow);
        for (int i = 0; i < valuePositions.length; i++) {
            target.setFrom(valuePositions[i], valueRow, i);
        }
        for (int i = 0; i < keyPositions.length; i++) {
            target.setFrom(keyPositions[i], keyRow, keyColumns[i]);
        }
        return target;
    }

    /** The width of the rows. */
    public int width() {
        return width;
    }
}
