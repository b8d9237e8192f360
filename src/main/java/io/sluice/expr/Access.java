package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.List;
import java.util.Map;

/**
 * The nodes that read values: a column of the row by position, a field of a struct by position, an element of an
 * array by 0-based index (as in Hive) and the value of a map by key. A missing element or key is NULL, as in Hive.
 */
final class Access {
    private Access() {}

    static Node column(DataType type, int position) {
        return new ColumnValue(type, position);
    }

    /** The position of the column {@code node} reads, when it is a plain column reference, else -1. */
    static int columnPosition(Node node) {
        return node instanceof ColumnValue column ? column.position : -1;
    }

    static Node field(DataType type, Node struct, int position) {
        return new FieldValue(type, struct, position);
    }

    static Node element(DataType type, Node array, Node index) {
        return Calls.of(type, array, index, (list, i) -> element((List<?>) list, ((Number) i).longValue()));
    }

    static Node mapValue(DataType type, Node map, Node key) {
        return Calls.of(type, map, key, (m, k) -> ((Map<?, ?>) m).get(k));
    }

    private static Object element(List<?> list, long index) {
        return index >= 0 && index < list.size() ? list.get((int) index) : null;
    }

    private static final class ColumnValue extends Node {
        private enum Kind {
            DOUBLE,
            INTEGRAL,
            OTHER
        }

        private final int position;
        private final Kind kind;

        ColumnValue(DataType type, int position) {
            super(type);
            this.position = position;
            this.kind = type == PrimitiveType.DOUBLE ? Kind.DOUBLE : type.isIntegral() ? Kind.INTEGRAL : Kind.OTHER;
        }

        @Override
        Object evaluate(Row row) {
            return row.get(position);
        }

        @Override
        void evaluateInto(Row row, Row out, int at) {
            out.setFrom(at, row, position);
        }

        @Override
        boolean isNull(Row row) {
            return row.isNull(position);
        }

        @Override
        long timestampMicros(Row row) {
            return row.getTimestampMicros(position);
        }

        @Override
        long longValue(Row row) {
            return kind == Kind.INTEGRAL ? row.getLong(position) : super.longValue(row);
        }

        @Override
        double doubleValue(Row row) {
            return switch (kind) {
                case DOUBLE -> row.getDouble(position);
                case INTEGRAL -> row.getLong(position);
                case OTHER -> super.doubleValue(row);
            };
        }

        @Override
        boolean onlyReads() {
            return true;
        }
    }

    private static final class FieldValue extends Node {
        private final Node struct;
        private final int position;

        FieldValue(DataType type, Node struct, int position) {
            super(type);
            this.struct = struct;
            this.position = position;
        }

        @Override
        Object evaluate(Row row) {
            Object value = struct.evaluate(row);
            return value == null ? null : ((Row) value).get(position);
        }
    }
}
