package io.sluice.runtime.io;

import io.sluice.row.Row;
import io.sluice.types.ArrayType;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The SQL order of values, written independently of the key encoding to check it against: numbers by value with -0.0
 * equal to 0.0 and NaN above everything, text by code point (Hive compares UTF-8 bytes) with char values' trailing
 * spaces ignored, binary unsigned, structs and arrays element by element with nested nulls first and shorter arrays
 * first.
 */
public final class SqlOrder {
    private SqlOrder() {}

    /** Rows ordered by the key columns, each read from its field. */
    public static Comparator<Row> rows(List<KeyColumn> columns) {
        Comparator<Row> order = (a, b) -> 0;
        for (KeyColumn column : columns) {
            order = order.thenComparing(row -> row.get(column.field()), column(column));
        }
        return order;
    }

    /** Values of one key column, nulls and direction included. */
    public static Comparator<Object> column(KeyColumn column) {
        Comparator<Object> values = values(column.type());
        Comparator<Object> directed = column.descending() ? values.reversed() : values;
        return column.nulls() == KeyColumn.Nulls.FIRST
                ? Comparator.nullsFirst(directed)
                : Comparator.nullsLast(directed);
    }

    /** Ascending order of non-null values of {@code type}. */
    public static Comparator<Object> values(DataType type) {
        if (type == PrimitiveType.BOOLEAN) {
            return (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
        }
        if (type.isIntegral()) {
            return (a, b) -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        if (type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE) {
            return (a, b) -> Double.compare(((Number) a).doubleValue() + 0.0, ((Number) b).doubleValue() + 0.0);
        }
        if (type.isNumeric()) {
            return (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
        }
        if (type instanceof CharType) {
            return (a, b) -> Arrays.compare(codePoints(stripSpaces((String) a)), codePoints(stripSpaces((String) b)));
        }
        if (type.isText()) {
            return (a, b) -> Arrays.compare(codePoints((String) a), codePoints((String) b));
        }
        if (type == PrimitiveType.BINARY) {
            return (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
        }
        if (type == PrimitiveType.DATE) {
            return (a, b) -> ((LocalDate) a).compareTo((LocalDate) b);
        }
        if (type == PrimitiveType.TIMESTAMP) {
            return (a, b) -> ((LocalDateTime) a).compareTo((LocalDateTime) b);
        }
        if (type instanceof ArrayType array) {
            return arrays(Comparator.nullsFirst(values(array.elementType())));
        }
        if (type instanceof StructType struct) {
            return structs(struct);
        }
        throw new IllegalArgumentException("no order for " + type);
    }

    /** Hive's char comparison ignores trailing spaces (and only spaces). */
    public static String stripSpaces(String text) {
        return text.replaceAll(" +$", "");
    }

    private static int[] codePoints(String text) {
        return text.codePoints().toArray();
    }

    private static Comparator<Object> arrays(Comparator<Object> elements) {
        return (a, b) -> {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = elements.compare(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        };
    }

    private static Comparator<Object> structs(StructType struct) {
        return (a, b) -> {
            for (int i = 0; i < struct.fields().size(); i++) {
                int c = Comparator.nullsFirst(values(struct.fields().get(i).type()))
                        .compare(((Row) a).get(i), ((Row) b).get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }
}
