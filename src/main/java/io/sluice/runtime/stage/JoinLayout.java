package io.sluice.runtime.stage;

import io.sluice.format.ValueConversion;
import io.sluice.job.ColumnRef;
import io.sluice.job.JoinStage;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TypeWidening;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a {@code join} stage puts rows together, as the validator defines its columns: the input's columns (a key
 * written once, {@code on: [id]}, becomes one column of the widened key type holding whichever side's key is there),
 * then the other source's {@code columns} (all by default) with the {@code prefix} before their names, shared keys
 * left out. Keys of both sides are widened to one type per pair so that equal keys compare equal; a null key matches
 * nothing. The rows it gives are reused.
 */
public final class JoinLayout {
    private final JoinStage stage;
    private final StructType output;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final ValueConversion[] leftKeyConversions;
    private final ValueConversion[] rightKeyConversions;
    private final DataType[] keyTypes;
    /** For each left column: the key pair index it is the shared column of, or -1. */
    private final int[] sharedKey;

    private final int[] taken;
    private final Row out;

    private JoinLayout(JoinStage stage, StructType left, StructType right) {
        this.stage = stage;
        int keys = stage.on().size();
        leftKeys = new int[keys];
        rightKeys = new int[keys];
        leftKeyConversions = new ValueConversion[keys];
        rightKeyConversions = new ValueConversion[keys];
        keyTypes = new DataType[keys];
        sharedKey = new int[left.fields().size()];
        java.util.Arrays.fill(sharedKey, -1);
        List<StructField> fields = new ArrayList<>(left.fields());
        Set<String> sharedNames = new HashSet<>();
        for (int i = 0; i < keys; i++) {
            JoinStage.KeyPair pair = stage.on().get(i);
            leftKeys[i] = require(left, pair.left(), "the join's input");
            rightKeys[i] =
                    require(right, pair.right(), "source '" + stage.with().name() + "'");
            DataType leftType = left.fields().get(leftKeys[i]).type();
            DataType rightType = right.fields().get(rightKeys[i]).type();
            keyTypes[i] = TypeWidening.widen(leftType, rightType)
                    .orElseThrow(() -> new IllegalArgumentException("join keys '"
                            + pair.left().name() + "' and '" + pair.right().name() + "' are of types " + leftType
                            + " and " + rightType + ", which do not widen to one type"));
            leftKeyConversions[i] = ValueWidening.of(leftType, keyTypes[i]);
            rightKeyConversions[i] = ValueWidening.of(rightType, keyTypes[i]);
            if (pair.isShared()) {
                sharedNames.add(right.fields().get(rightKeys[i]).name().toLowerCase(Locale.ROOT));
                sharedKey[leftKeys[i]] = i;
                fields.set(
                        leftKeys[i],
                        StructField.of(left.fields().get(leftKeys[i]).name(), keyTypes[i]));
            }
        }
        List<Integer> takenPositions = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>();
        if (stage.columns().isEmpty()) {
            for (int i = 0; i < right.fields().size(); i++) {
                candidates.add(i);
            }
        } else {
            for (ColumnRef column : stage.columns()) {
                candidates.add(require(right, column, "source '" + stage.with().name() + "'"));
            }
        }
        for (int position : candidates) {
            StructField field = right.fields().get(position);
            if (!sharedNames.contains(field.name().toLowerCase(Locale.ROOT))) {
                takenPositions.add(position);
                fields.add(StructField.of(stage.prefix().orElse("") + field.name(), field.type()));
            }
        }
        taken = takenPositions.stream().mapToInt(Integer::intValue).toArray();
        output = new StructType(fields);
        out = new Row(fields.size());
    }

    /**
     * The layout of {@code stage} joining rows of {@code left} (the stage's input) with rows of {@code right} (its
     * {@code with} source).
     *
     * @throws IllegalArgumentException when a key or column is not in its side's schema, or key types do not meet
     */
    public static JoinLayout of(JoinStage stage, StructType left, StructType right) {
        return new JoinLayout(stage, left, right);
    }

    public JoinStage stage() {
        return stage;
    }

    /** The schema of the joined rows. */
    public StructType output() {
        return output;
    }

    /** The widened types of the key pairs, in {@code on} order. */
    public List<DataType> keyTypes() {
        return List.of(keyTypes);
    }

    /**
     * Fills the first columns of {@code key} with a left row's widened keys; false when one is null (it matches
     * nothing).
     */
    public boolean leftKey(Row row, Row key) {
        return key(row, leftKeys, leftKeyConversions, key);
    }

    /** As {@link #leftKey}, for a row of the other source. */
    public boolean rightKey(Row row, Row key) {
        return key(row, rightKeys, rightKeyConversions, key);
    }

    private static boolean key(Row row, int[] positions, ValueConversion[] conversions, Row key) {
        boolean complete = true;
        for (int i = 0; i < positions.length; i++) {
            Object value = row.get(positions[i]);
            complete &= value != null;
            key.set(i, value == null ? null : normalized(conversions[i].apply(value)));
        }
        return complete;
    }

    /** SQL compares 0.0 and -0.0 equal: one of them stands for both, as in the shuffle's key bytes. */
    private static Object normalized(Object value) {
        if (value instanceof Double d && d == 0.0) {
            return 0.0;
        }
        if (value instanceof Float f && f == 0.0f) {
            return 0.0f;
        }
        return value;
    }

    /**
     * The joined row of {@code left} and {@code right}; either may be null for an unmatched row of the other side, whose
     * columns are then null (a shared key takes the other side's key). The row is reused.
     */
    public Row join(Row left, Row right) {
        int width = sharedKey.length;
        for (int i = 0; i < width; i++) {
            int key = sharedKey[i];
            if (key >= 0) {
                Row side = left != null ? left : right;
                int position = left != null ? leftKeys[key] : rightKeys[key];
                ValueConversion conversion = left != null ? leftKeyConversions[key] : rightKeyConversions[key];
                Object value = side.get(position);
                out.set(i, value == null ? null : conversion.apply(value));
            } else {
                if (left == null) {
                    out.set(i, null);
                } else {
                    out.setFrom(i, left, i);
                }
            }
        }
        for (int i = 0; i < taken.length; i++) {
            if (right == null) {
                out.set(width + i, null);
            } else {
                out.setFrom(width + i, right, taken[i]);
            }
        }
        return out;
    }

    /** Whether unmatched rows of the input stay ({@code left}, {@code full}). */
    public boolean keepsUnmatchedLeft() {
        return stage.type() == JoinStage.Type.LEFT || stage.type() == JoinStage.Type.FULL;
    }

    /** Whether unmatched rows of the other source stay ({@code right}, {@code full}). */
    public boolean keepsUnmatchedRight() {
        return stage.type() == JoinStage.Type.RIGHT || stage.type() == JoinStage.Type.FULL;
    }

    private static int require(StructType schema, ColumnRef column, String side) {
        int position = ValueWidening.position(schema, column.name());
        if (position < 0) {
            throw new IllegalArgumentException("column '" + column.name() + "' is not in " + side + ": " + schema);
        }
        return position;
    }
}
