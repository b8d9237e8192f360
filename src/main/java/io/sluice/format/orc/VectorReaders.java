package io.sluice.format.orc;

import io.sluice.format.ValueConversion;
import io.sluice.row.Row;
import io.sluice.row.Temporals;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ListColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.MapColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.StructColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.serde2.io.HiveDecimalWritable;
import org.apache.orc.TypeDescription;

/**
 * The {@link VectorReader} of each ORC type. Leaves decode the vector's representation to the file type's Java value
 * and apply the conversion to the table's type; timestamps are read as UTC wall-clock time (the reader is opened
 * with {@code useUTCTimestamp}).
 */
final class VectorReaders {
    private VectorReaders() {}

    /** A primitive column of ORC type {@code type}, whose Hive type is {@code fileType}. */
    static VectorReader leaf(TypeDescription type, DataType fileType, ValueConversion conversion) {
        Leaf decoder =
                switch (type.getCategory()) {
                    case BOOLEAN -> (v, i) -> ((LongColumnVector) v).vector[i] != 0;
                    case BYTE -> (v, i) -> (byte) ((LongColumnVector) v).vector[i];
                    case SHORT -> (v, i) -> (short) ((LongColumnVector) v).vector[i];
                    case INT -> (v, i) -> (int) ((LongColumnVector) v).vector[i];
                    case LONG -> (v, i) -> ((LongColumnVector) v).vector[i];
                    case DATE -> (v, i) -> Temporals.ofEpochDay(((LongColumnVector) v).vector[i]);
                    case FLOAT -> (v, i) -> (float) ((DoubleColumnVector) v).vector[i];
                    case DOUBLE -> (v, i) -> ((DoubleColumnVector) v).vector[i];
                    case STRING, CHAR, VARCHAR -> VectorReaders::text;
                    case BINARY -> VectorReaders::bytes;
                    case DECIMAL -> decimal((DecimalType) fileType);
                    case TIMESTAMP, TIMESTAMP_INSTANT -> VectorReaders::timestamp;
                    default -> throw new IllegalArgumentException("no reader for ORC type " + type);
                };
        return conversion == ValueConversion.IDENTITY
                ? new LeafReader(decoder)
                : new LeafReader((v, i) -> conversion.apply(decoder.decode(v, i)));
    }

    static VectorReader list(VectorReader element) {
        return new VectorReader() {
            @Override
            Object value(ColumnVector vector, int index) {
                ListColumnVector list = (ListColumnVector) vector;
                int offset = (int) list.offsets[index];
                int length = (int) list.lengths[index];
                List<Object> values = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    values.add(element.read(list.child, offset + i));
                }
                return values;
            }
        };
    }

    static VectorReader map(VectorReader key, VectorReader value) {
        return new VectorReader() {
            @Override
            Object value(ColumnVector vector, int index) {
                MapColumnVector map = (MapColumnVector) vector;
                int offset = (int) map.offsets[index];
                int length = (int) map.lengths[index];
                Map<Object, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < length; i++) {
                    values.put(key.read(map.keys, offset + i), value.read(map.values, offset + i));
                }
                return values;
            }
        };
    }

    /**
     * A struct whose field {@code i} of the (projected) ORC struct fills position {@code positions[i]} of a row of
     * {@code width} values.
     */
    static VectorReader struct(int width, int[] positions, VectorReader[] fields) {
        return new VectorReader() {
            @Override
            Object value(ColumnVector vector, int index) {
                StructColumnVector struct = (StructColumnVector) vector;
                Row row = new Row(width);
                for (int i = 0; i < fields.length; i++) {
                    row.set(positions[i], fields[i].read(struct.fields[i], index));
                }
                return row;
            }
        };
    }

    @FunctionalInterface
    private interface Leaf {
        Object decode(ColumnVector vector, int index);
    }

    private static final class LeafReader extends VectorReader {
        private final Leaf decoder;

        LeafReader(Leaf decoder) {
            this.decoder = decoder;
        }

        @Override
        Object value(ColumnVector vector, int index) {
            return decoder.decode(vector, index);
        }
    }

    private static String text(ColumnVector vector, int index) {
        BytesColumnVector bytes = (BytesColumnVector) vector;
        return new String(bytes.vector[index], bytes.start[index], bytes.length[index], StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ColumnVector vector, int index) {
        BytesColumnVector bytes = (BytesColumnVector) vector;
        int start = bytes.start[index];
        return Arrays.copyOfRange(bytes.vector[index], start, start + bytes.length[index]);
    }

    private static Leaf decimal(DecimalType type) {
        int scale = type.scale();
        if (type.precision() <= 18) {
            // Up to 18 digits the unscaled value is a long: no BigInteger on the way.
            return (v, i) -> BigDecimal.valueOf(((DecimalColumnVector) v).vector[i].serialize64(scale), scale);
        }
        return (v, i) -> {
            HiveDecimalWritable value = ((DecimalColumnVector) v).vector[i];
            return value.getHiveDecimal().bigDecimalValue().setScale(scale);
        };
    }

    private static LocalDateTime timestamp(ColumnVector vector, int index) {
        TimestampColumnVector timestamps = (TimestampColumnVector) vector;
        long seconds = Math.floorDiv(timestamps.time[index], 1000L);
        return Temporals.ofEpochSecond(seconds, timestamps.nanos[index]);
    }
}
