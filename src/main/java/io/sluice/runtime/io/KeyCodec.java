package io.sluice.runtime.io;

import static java.util.Objects.requireNonNull;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.VarcharType;
import java.util.List;

/**
 * Sort and group keys whose unsigned lexicographic byte order is their SQL order, so that Hadoop sorts and groups
 * them by comparing bytes and never decodes a key while sorting.
 *
 * <p>Each column is a null flag byte, never inverted: {@code 00} for null and {@code 01} for a value with NULLS
 * FIRST, {@code 01} for a value and {@code 02} for null with NULLS LAST. A value follows its {@code 01}; a descending
 * column inverts every bit of the value's bytes. Values (ascending):
 *
 * <ul>
 *   <li>boolean: {@code 00} or {@code 01}; tinyint, smallint, int, bigint: 1, 2, 4 or 8 bytes big-endian with the sign
 *       bit flipped;
 *   <li>float, double: 4 or 8 bytes of IEEE bits, positives with the sign bit flipped, negatives inverted; -0.0 is
 *       written as 0.0 and NaN as the canonical NaN, which sorts after +Infinity;
 *   <li>decimal: compared at the column's scale as an integer: header {@code 0x80 + n} (positive) or {@code 0x80 - n}
 *       (negative) for an unscaled value of n magnitude bytes, then the magnitude big-endian, inverted when negative;
 *       zero is {@code 0x80} alone;
 *   <li>date: epoch day plus 2^39 in 5 bytes; timestamp: epoch microseconds with the sign bit flipped (8 bytes), then
 *       the nanoseconds below the microsecond (2 bytes);
 *   <li>string, varchar, char: UTF-8, whose byte order is code point order as in Hive's comparison of text, with
 *       {@code 00} escaped as {@code 00 FF} and ended by {@code 00 01}, so a prefix sorts first; char values lose
 *       their trailing spaces, which Hive ignores. binary: the bytes, escaped and ended the same way;
 *   <li>struct: each field as {@code 00} (null) or {@code 01} and the field's value; array: each element as {@code 01}
 *       (null) or {@code 02} and the element, then {@code 00}. Nested nulls sort first (before the inversion of a
 *       descending column). Maps cannot be keys.
 * </ul>
 *
 * <p>Every value encoding is self-delimiting, which keeps composite keys in column-by-column order and lets descending
 * columns simply invert their bytes. Equal values have equal bytes, so grouping compares bytes too.
 *
 * <p>{@link #decode} gives the values back, except that -0.0 becomes 0.0, NaN payloads are lost and char values come
 * back without trailing spaces. Encoding allocates nothing beyond the output buffer's growth (decimals aside);
 * decoding, done once per group, allocates its values. Immutable and thread-safe.
 */
public final class KeyCodec {
    private static final int PRESENT = 1;

    private final List<KeyColumn> columns;
    private final int groupingColumns;
    private final KeyField[] fields;
    private final int[] positions;
    private final boolean[] descending;
    private final int[] nullFlags;

    private KeyCodec(List<KeyColumn> columns, int groupingColumns) {
        this.columns = List.copyOf(columns);
        this.groupingColumns = groupingColumns;
        int n = this.columns.size();
        this.fields = new KeyField[n];
        this.positions = new int[n];
        this.descending = new boolean[n];
        this.nullFlags = new int[n];
        for (int i = 0; i < n; i++) {
            KeyColumn column = this.columns.get(i);
            fields[i] = KeyFields.forType(column.type());
            positions[i] = column.field();
            descending[i] = column.descending();
            nullFlags[i] = column.nulls() == KeyColumn.Nulls.FIRST ? 0 : 2;
        }
    }

    /**
     * A key of these columns, all of which group. A key of no columns is empty: every row has the same key, as a
     * {@code reduce} without {@code group_by} wants (the whole input is one group).
     */
    public static KeyCodec of(List<KeyColumn> columns) {
        return of(columns, requireNonNull(columns, "columns is null").size());
    }

    /**
     * A key of these columns whose first {@code groupingColumns} group the rows (the rest only order the rows of a
     * group: a secondary sort).
     */
    public static KeyCodec of(List<KeyColumn> columns, int groupingColumns) {
        requireNonNull(columns, "columns is null");
        int least = columns.isEmpty() ? 0 : 1;
        if (groupingColumns < least || groupingColumns > columns.size()) {
            throw new IllegalArgumentException("grouping columns must be between " + least + " and " + columns.size()
                    + ", got " + groupingColumns);
        }
        return new KeyCodec(columns, groupingColumns);
    }

    public List<KeyColumn> columns() {
        return columns;
    }

    public int groupingColumns() {
        return groupingColumns;
    }

    /**
     * Appends the key of {@code row}, each column taken from its {@link KeyColumn#field()}, and returns the byte length
     * of the grouping columns' part, which starts the key.
     *
     * @throws SluiceException when a value is not of its column's Java type
     */
    public int encode(Row row, BinaryOutput out) {
        int start = out.length();
        int grouping = 0;
        int i = 0;
        try {
            for (; i < fields.length; i++) {
                encodeColumn(i, row, positions[i], out);
                if (i + 1 == groupingColumns) {
                    grouping = out.length() - start;
                }
            }
        } catch (ClassCastException e) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR,
                    "cannot encode key column " + columns.get(i) + ": the value is " + e.getMessage(),
                    e);
        }
        return grouping;
    }

    private void encodeColumn(int column, Row row, int position, BinaryOutput out) {
        if (row.isNull(position)) {
            out.writeByte(nullFlags[column]);
            return;
        }
        out.writeByte(PRESENT);
        int start = out.length();
        fields[column].write(row, position, out);
        if (descending[column]) {
            out.invert(start, out.length());
        }
    }

    /**
     * Whether {@link #decode} gives values of this type back exactly as they were encoded (equal and of the same
     * scale): not so for floating point (-0.0, NaN payloads), char (trailing spaces) and nested types that may hold
     * them.
     */
    public static boolean decodesExactly(DataType type) {
        if (type instanceof PrimitiveType primitive) {
            return primitive != PrimitiveType.FLOAT && primitive != PrimitiveType.DOUBLE;
        }
        return type instanceof DecimalType || type instanceof VarcharType;
    }

    /**
     * Decodes the first {@code target.width()} columns of the key in {@code bytes[offset, offset + length)} into {@code
     * target}, in key column order, and returns it. A target as wide as {@link #groupingColumns()} reads a group's key.
     */
    public Row decode(byte[] bytes, int offset, int length, Row target) {
        return decode(bytes, offset, length, target, new KeyReader());
    }

    /** As {@link #decode(byte[], int, int, Row)}, through a reader that callers decoding many keys reuse. */
    Row decode(byte[] bytes, int offset, int length, Row target, KeyReader reader) {
        if (target.width() > fields.length) {
            throw new IllegalArgumentException(
                    "a key of " + fields.length + " columns cannot fill a row of " + target.width() + " values");
        }
        KeyReader in = reader.reset(bytes, offset, length);
        for (int i = 0; i < target.width(); i++) {
            decodeColumn(i, in, target);
        }
        return target;
    }

    private void decodeColumn(int column, KeyReader in, Row target) {
        int flag = in.nextRaw();
        if (flag != PRESENT) {
            target.set(column, null);
            return;
        }
        in.inverted(descending[column]);
        fields[column].readInto(in, target, column);
        in.inverted(false);
    }
}
