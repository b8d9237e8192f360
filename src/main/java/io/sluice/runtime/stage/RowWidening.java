package io.sluice.runtime.stage;

import io.sluice.format.ValueConversion;
import io.sluice.row.Row;
import io.sluice.types.StructField;
import io.sluice.types.StructType;

/**
 * Turns rows of one schema into rows of another with the same column names (in any order, any case) and types the
 * first's widen to: how the rows of one input of a union become rows of the union. The output row is reused.
 */
public final class RowWidening {
    private final int[] positions;
    private final ValueConversion[] conversions;
    private final boolean identity;
    private final Row out;

    private RowWidening(int[] positions, ValueConversion[] conversions, boolean identity) {
        this.positions = positions;
        this.conversions = conversions;
        this.identity = identity;
        this.out = new Row(positions.length);
    }

    /**
     * The conversion of rows of {@code from} into rows of {@code to}.
     *
     * @throws IllegalArgumentException when {@code to} has a column {@code from} lacks, or a type does not widen
     */
    public static RowWidening of(StructType from, StructType to) {
        int[] positions = new int[to.fields().size()];
        ValueConversion[] conversions = new ValueConversion[positions.length];
        boolean identity = from.equals(to);
        for (int i = 0; i < positions.length; i++) {
            StructField field = to.fields().get(i);
            positions[i] = ValueWidening.position(from, field.name());
            if (positions[i] < 0) {
                throw new IllegalArgumentException("rows of " + from + " have no column '" + field.name() + "'");
            }
            conversions[i] = ValueWidening.of(from.fields().get(positions[i]).type(), field.type());
        }
        return new RowWidening(positions, conversions, identity);
    }

    /** The row as the target schema has it: {@code row} itself when the schemas are equal, else the reused row. */
    public Row apply(Row row) {
        if (identity) {
            return row;
        }
        for (int i = 0; i < positions.length; i++) {
            Object value = row.get(positions[i]);
            out.set(i, value == null ? null : conversions[i].apply(value));
        }
        return out;
    }
}
