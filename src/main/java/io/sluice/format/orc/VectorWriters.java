package io.sluice.format.orc;

import io.sluice.format.Decimals;
import io.sluice.format.Utf8Buffer;
import io.sluice.row.Row;
import io.sluice.row.Temporals;
import io.sluice.types.ArrayType;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import io.sluice.types.VarcharType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ListColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.MapColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.StructColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;

/**
 * The {@link VectorWriter} of each Hive type, for the vectors of the schema {@link HiveToOrc} gives. Values are cast
 * to their Java type as {@link io.sluice.row.Values} says; another type fails with {@link ClassCastException}.
 */
final class VectorWriters {
    private VectorWriters() {}

    static VectorWriter of(DataType type) {
        if (type instanceof StructType struct) {
            return new StructWriter(struct);
        }
        if (type instanceof ArrayType array) {
            return new ListWriter(of(array.elementType()));
        }
        if (type instanceof MapType map) {
            return new MapWriter(of(map.keyType()), of(map.valueType()));
        }
        if (type instanceof DecimalType decimal) {
            return new DecimalWriter(decimal);
        }
        if (type instanceof VarcharType || type instanceof CharType) {
            return new StringWriter();
        }
        return switch ((PrimitiveType) type) {
            case BOOLEAN -> longs(value -> (Boolean) value ? 1L : 0L);
            case TINYINT -> longs(value -> (Byte) value);
            case SMALLINT -> longs(value -> (Short) value);
            case INT -> longs(value -> (Integer) value);
            case BIGINT -> longs(value -> (Long) value);
            case DATE -> longs(value -> Temporals.epochDay((LocalDate) value));
            case FLOAT -> new VectorWriter() {
                @Override
                void set(ColumnVector vector, int row, Object value) {
                    ((DoubleColumnVector) vector).vector[row] = (Float) value;
                }
            };
            case DOUBLE -> new VectorWriter() {
                @Override
                void set(ColumnVector vector, int row, Object value) {
                    ((DoubleColumnVector) vector).vector[row] = (Double) value;
                }
            };
            case STRING -> new StringWriter();
            case BINARY -> new VectorWriter() {
                @Override
                void set(ColumnVector vector, int row, Object value) {
                    // setVal copies into the vector's own buffer.
                    ((BytesColumnVector) vector).setVal(row, (byte[]) value);
                }
            };
            case TIMESTAMP -> new TimestampWriter();
        };
    }

    @FunctionalInterface
    private interface ToLong {
        long of(Object value);
    }

    private static VectorWriter longs(ToLong toLong) {
        return new VectorWriter() {
            @Override
            void set(ColumnVector vector, int row, Object value) {
                ((LongColumnVector) vector).vector[row] = toLong.of(value);
            }
        };
    }

    /** Encodes into one reused buffer; the vector copies the bytes into its own. */
    private static final class StringWriter extends VectorWriter {
        private final Utf8Buffer buffer = new Utf8Buffer();

        @Override
        void set(ColumnVector vector, int row, Object value) {
            int length = buffer.encode((String) value);
            ((BytesColumnVector) vector).setVal(row, buffer.bytes(), 0, length);
        }
    }

    private static final class DecimalWriter extends VectorWriter {
        private final DecimalType type;

        DecimalWriter(DecimalType type) {
            this.type = type;
        }

        @Override
        void set(ColumnVector vector, int row, Object value) {
            // Checked here: ORC would silently write null for a value that does not fit.
            BigDecimal decimal = Decimals.fit(value, type);
            if (type.precision() <= 18) {
                ((DecimalColumnVector) vector)
                        .vector[row].setFromLongAndScale(Decimals.unscaledLong(decimal), type.scale());
            } else {
                ((DecimalColumnVector) vector).vector[row].set(HiveDecimal.create(decimal));
            }
        }
    }

    /** Milliseconds and nanoseconds of the second since 1970 in UTC: the file is written with useUTCTimestamp. */
    private static final class TimestampWriter extends VectorWriter {
        @Override
        void set(ColumnVector vector, int row, Object value) {
            LocalDateTime timestamp = (LocalDateTime) value;
            TimestampColumnVector timestamps = (TimestampColumnVector) vector;
            int nanos = timestamp.getNano();
            timestamps.time[row] = Temporals.epochSecond(timestamp) * 1000L + nanos / 1_000_000;
            timestamps.nanos[row] = nanos;
        }
    }

    private static final class ListWriter extends VectorWriter {
        private final VectorWriter elements;

        ListWriter(VectorWriter elements) {
            this.elements = elements;
        }

        @Override
        void set(ColumnVector vector, int row, Object value) {
            List<?> list = (List<?>) value;
            ListColumnVector lists = (ListColumnVector) vector;
            int offset = lists.childCount;
            lists.offsets[row] = offset;
            lists.lengths[row] = list.size();
            lists.childCount += list.size();
            lists.child.ensureSize(lists.childCount, true);
            int i = offset;
            for (Object element : list) {
                elements.write(lists.child, i++, element);
            }
        }
    }

    private static final class MapWriter extends VectorWriter {
        private final VectorWriter keys;
        private final VectorWriter values;

        MapWriter(VectorWriter keys, VectorWriter values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        void set(ColumnVector vector, int row, Object value) {
            Map<?, ?> map = (Map<?, ?>) value;
            MapColumnVector maps = (MapColumnVector) vector;
            int offset = maps.childCount;
            maps.offsets[row] = offset;
            maps.lengths[row] = map.size();
            maps.childCount += map.size();
            maps.keys.ensureSize(maps.childCount, true);
            maps.values.ensureSize(maps.childCount, true);
            int i = offset;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new IllegalArgumentException("a map key is null");
                }
                keys.write(maps.keys, i, entry.getKey());
                values.write(maps.values, i, entry.getValue());
                i++;
            }
        }
    }

    /** A struct's fields; at the root, the batch's columns. */
    static final class StructWriter extends VectorWriter {
        private final VectorWriter[] fields;

        StructWriter(StructType struct) {
            this.fields = struct.fields().stream().map(f -> of(f.type())).toArray(VectorWriter[]::new);
        }

        @Override
        void set(ColumnVector vector, int row, Object value) {
            Row struct = (Row) value;
            StructColumnVector structs = (StructColumnVector) vector;
            if (struct.width() != fields.length) {
                throw new IllegalArgumentException(
                        "a struct of " + fields.length + " fields cannot hold a row of " + struct.width());
            }
            for (int i = 0; i < fields.length; i++) {
                fields[i].write(structs.fields[i], row, struct.get(i));
            }
        }
    }
}
