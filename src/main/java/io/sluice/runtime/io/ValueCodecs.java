package io.sluice.runtime.io;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.format.text.RepeatedStrings;
import io.sluice.row.Row;
import io.sluice.row.Temporals;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link ValueCodec} of each type; see {@link RowCodec} for the bytes each writes. */
final class ValueCodecs {
    /** Decimals of up to this many digits have an unscaled value that fits a long. */
    static final int LONG_DECIMAL_DIGITS = 18;

    private ValueCodecs() {}

    static ValueCodec forType(DataType type) {
        if (type instanceof PrimitiveType primitive) {
            return forPrimitive(primitive);
        }
        if (type instanceof DecimalType decimal) {
            return decimal.precision() <= LONG_DECIMAL_DIGITS ? new LongDecimal(decimal) : new BigDecimalCodec(decimal);
        }
        if (type.isText()) {
            return new Text();
        }
        if (type instanceof ArrayType array) {
            return new ArrayCodec(forType(array.elementType()));
        }
        if (type instanceof MapType map) {
            return new MapCodec(forType(map.keyType()), forType(map.valueType()));
        }
        return StructCodec.of((StructType) type);
    }

    private static ValueCodec forPrimitive(PrimitiveType type) {
        return switch (type) {
            case BOOLEAN -> BOOLEAN;
            case TINYINT -> TINYINT;
            case SMALLINT -> SMALLINT;
            case INT -> INT;
            case BIGINT -> BIGINT;
            case FLOAT -> FLOAT;
            case DOUBLE -> DOUBLE;
            case STRING -> new Text();
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            case BINARY -> BINARY;
        };
    }

    private static final ValueCodec BOOLEAN = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeByte((Boolean) value ? 1 : 0);
        }

        @Override
        public Object read(BinaryInput in) {
            return in.readByte() != 0;
        }
    };

    private static final ValueCodec TINYINT = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeByte((Byte) value);
        }

        @Override
        public Object read(BinaryInput in) {
            return (byte) in.readByte();
        }
    };

    private static final ValueCodec SMALLINT = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeZigZag((Short) value);
        }

        @Override
        public Object read(BinaryInput in) {
            return (short) in.readZigZag();
        }
    };

    private static final ValueCodec INT = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeZigZag((Integer) value);
        }

        @Override
        public Object read(BinaryInput in) {
            return (int) in.readZigZag();
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            out.writeZigZag(row.getInt(position));
        }

        @Override
        public void readInto(BinaryInput in, Row row, int position) {
            row.setInt(position, (int) in.readZigZag());
        }
    };

    private static final ValueCodec BIGINT = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeZigZag((Long) value);
        }

        @Override
        public Object read(BinaryInput in) {
            return in.readZigZag();
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            out.writeZigZag(row.getLong(position));
        }

        @Override
        public void readInto(BinaryInput in, Row row, int position) {
            row.setLong(position, in.readZigZag());
        }
    };

    private static final ValueCodec FLOAT = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeFloat((Float) value);
        }

        @Override
        public Object read(BinaryInput in) {
            return in.readFloat();
        }
    };

    private static final ValueCodec DOUBLE = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeDouble((Double) value);
        }

        @Override
        public Object read(BinaryInput in) {
            return in.readDouble();
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            out.writeDouble(row.getDouble(position));
        }

        @Override
        public void readInto(BinaryInput in, Row row, int position) {
            row.setDouble(position, in.readDouble());
        }
    };

    /** Text; decoding returns the same {@link String} for a value that repeats (see {@link RepeatedStrings}). */
    private static final class Text implements ValueCodec {
        private final RepeatedStrings strings = new RepeatedStrings(StandardCharsets.UTF_8);

        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeUtf8WithLength((String) value);
        }

        @Override
        public Object read(BinaryInput in) {
            int length = in.readVarInt();
            int at = in.position();
            in.skip(length);
            return strings.text(in.buffer(), at, at + length);
        }
    }

    private static final ValueCodec BINARY = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            byte[] bytes = (byte[]) value;
            out.writeVarInt(bytes.length);
            out.writeBytes(bytes);
        }

        @Override
        public Object read(BinaryInput in) {
            return in.readBytes(in.readVarInt());
        }
    };

    private static final ValueCodec DATE = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeZigZag(Temporals.epochDay((LocalDate) value));
        }

        @Override
        public Object read(BinaryInput in) {
            return Temporals.ofEpochDay(in.readZigZag());
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            out.writeZigZag(row.getEpochDay(position));
        }

        @Override
        public void readInto(BinaryInput in, Row row, int position) {
            row.setEpochDay(position, in.readZigZag());
        }
    };

    /**
     * Epoch microseconds shifted left by one, the low bit telling whether a varint of the nanoseconds below the
     * microsecond follows; timestamps are mostly whole microseconds or coarser.
     */
    private static final ValueCodec TIMESTAMP = new ValueCodec() {
        @Override
        public void write(Object value, BinaryOutput out) {
            LocalDateTime timestamp = (LocalDateTime) value;
            int nano = timestamp.getNano();
            int belowMicro = nano % 1000;
            long micros = Timestamps.epochMicros(timestamp);
            out.writeZigZag(micros << 1 | (belowMicro == 0 ? 0 : 1));
            if (belowMicro != 0) {
                out.writeVarInt(belowMicro);
            }
        }

        @Override
        public Object read(BinaryInput in) {
            long shifted = in.readZigZag();
            int belowMicro = (shifted & 1) == 0 ? 0 : in.readVarInt();
            return Timestamps.ofEpochMicros(shifted >> 1, belowMicro);
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            if (row.isUnboxed(position)) {
                out.writeZigZag(Timestamps.checkedMicros(row.getTimestampMicros(position)) << 1);
            } else {
                write(row.get(position), out); // may hold nanoseconds below the microsecond
            }
        }

        @Override
        public void readInto(BinaryInput in, Row row, int position) {
            long shifted = in.readZigZag();
            if ((shifted & 1) == 0) {
                row.setTimestampMicros(position, shifted >> 1);
            } else {
                row.set(position, Timestamps.ofEpochMicros(shifted >> 1, in.readVarInt()));
            }
        }
    };

    /** A decimal's value at the type's scale; a value of another scale is rescaled when that is exact. */
    static BigDecimal atScale(Object value, DecimalType type) {
        BigDecimal decimal = (BigDecimal) value;
        if (decimal.scale() == type.scale()) {
            return decimal;
        }
        try {
            return decimal.setScale(type.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR, decimal.toPlainString() + " does not fit " + type + " without rounding");
        }
    }

    /** Decimals of up to 18 digits: the unscaled value as a zigzag varint. */
    private record LongDecimal(DecimalType type) implements ValueCodec {
        @Override
        public void write(Object value, BinaryOutput out) {
            BigInteger unscaled = atScale(value, type).unscaledValue();
            if (unscaled.bitLength() > 63) {
                throw new SluiceException(ErrorCode.INTERNAL_ERROR, value + " has more digits than " + type + " holds");
            }
            out.writeZigZag(unscaled.longValue());
        }

        @Override
        public Object read(BinaryInput in) {
            return BigDecimal.valueOf(in.readZigZag(), type.scale());
        }
    }

    /** Wider decimals: a varint byte count, then the unscaled value in big-endian two's complement. */
    private record BigDecimalCodec(DecimalType type) implements ValueCodec {
        @Override
        public void write(Object value, BinaryOutput out) {
            byte[] unscaled = atScale(value, type).unscaledValue().toByteArray();
            out.writeVarInt(unscaled.length);
            out.writeBytes(unscaled);
        }

        @Override
        public Object read(BinaryInput in) {
            int length = in.readVarInt();
            int offset = in.position();
            in.skip(length);
            return new BigDecimal(new BigInteger(in.buffer(), offset, length), type.scale());
        }
    }

    /** A varint count, a bitmap with a bit set for each null element, then the non-null elements. */
    private record ArrayCodec(ValueCodec elements) implements ValueCodec {
        @Override
        public void write(Object value, BinaryOutput out) {
            List<?> list = (List<?>) value;
            int count = list.size();
            out.writeVarInt(count);
            NullBitmap.write(list, count, out);
            for (Object element : list) {
                if (element != null) {
                    elements.write(element, out);
                }
            }
        }

        @Override
        public Object read(BinaryInput in) {
            int count = in.readVarInt();
            int bitmap = in.position();
            in.skip(NullBitmap.bytes(count));
            List<Object> list = new ArrayList<>(count);
            byte[] bytes = in.buffer();
            for (int i = 0; i < count; i++) {
                list.add(NullBitmap.isNull(bytes, bitmap, i) ? null : elements.read(in));
            }
            return list;
        }
    }

    /**
     * A varint count, a bitmap with two bits per entry (key null, value null), then the entries' non-null keys and
     * values in entry order.
     */
    private record MapCodec(ValueCodec keys, ValueCodec values) implements ValueCodec {
        @Override
        public void write(Object value, BinaryOutput out) {
            Map<?, ?> map = (Map<?, ?>) value;
            int count = map.size();
            out.writeVarInt(count);
            NullBitmap.writeEntries(map, count, out);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() != null) {
                    keys.write(entry.getKey(), out);
                }
                if (entry.getValue() != null) {
                    values.write(entry.getValue(), out);
                }
            }
        }

        @Override
        public Object read(BinaryInput in) {
            int count = in.readVarInt();
            int bitmap = in.position();
            in.skip(NullBitmap.bytes(2 * count));
            Map<Object, Object> map = new LinkedHashMap<>(count * 4 / 3 + 1);
            byte[] bytes = in.buffer();
            for (int i = 0; i < count; i++) {
                Object key = NullBitmap.isNull(bytes, bitmap, 2 * i) ? null : keys.read(in);
                Object value = NullBitmap.isNull(bytes, bitmap, 2 * i + 1) ? null : values.read(in);
                map.put(key, value);
            }
            return map;
        }
    }
}
