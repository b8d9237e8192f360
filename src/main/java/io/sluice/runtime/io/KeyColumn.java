package io.sluice.runtime.io;

import static java.util.Objects.requireNonNull;

import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;

/**
 * One column of a sort or group key: which field of the row it is taken from, its type, its direction and where its
 * nulls go. {@link #asc} and {@link #desc} give Hive's defaults: ascending keys put nulls first, descending ones last.
 */
public record KeyColumn(int field, DataType type, Order order, Nulls nulls) {
    /** The direction of a key column. */
    public enum Order {
        ASC,
        DESC
    }

    /** Where the nulls of a key column sort, whatever its direction. */
    public enum Nulls {
        FIRST,
        LAST
    }

    public KeyColumn {
        requireNonNull(type, "type is null");
        requireNonNull(order, "order is null");
        requireNonNull(nulls, "nulls is null");
        if (field < 0) {
            throw new IllegalArgumentException("key field position must not be negative, got " + field);
        }
        requireOrderable(type, type);
    }

    /** Ascending, nulls first. */
    public static KeyColumn asc(int field, DataType type) {
        return new KeyColumn(field, type, Order.ASC, Nulls.FIRST);
    }

    /** Descending, nulls last. */
    public static KeyColumn desc(int field, DataType type) {
        return new KeyColumn(field, type, Order.DESC, Nulls.LAST);
    }

    public KeyColumn nullsFirst() {
        return new KeyColumn(field, type, order, Nulls.FIRST);
    }

    public KeyColumn nullsLast() {
        return new KeyColumn(field, type, order, Nulls.LAST);
    }

    /** The same column read from another field of the row. */
    public KeyColumn atField(int newField) {
        return new KeyColumn(newField, type, order, nulls);
    }

    public boolean descending() {
        return order == Order.DESC;
    }

    @Override
    public String toString() {
        return "#" + field + " " + type + " " + order + " NULLS " + nulls;
    }

    private static void requireOrderable(DataType type, DataType column) {
        if (type instanceof MapType) {
            throw new IllegalArgumentException(
                    "a key column of type " + column + " cannot be sorted or grouped: maps have no order in Hive");
        }
        if (type instanceof ArrayType array) {
            requireOrderable(array.elementType(), column);
        }
        if (type instanceof StructType struct) {
            for (StructField f : struct.fields()) {
                requireOrderable(f.type(), column);
            }
        }
    }
}
