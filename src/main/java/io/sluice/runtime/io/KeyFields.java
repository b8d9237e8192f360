package io.sluice.runtime.io;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.row.Row;
import io.sluice.row.Temporals;
import io.sluice.types.ArrayType;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The {@link KeyField} of each orderable type; see {@link KeyCodec} for the bytes. */
final class KeyFields {
    /** After a 00 byte in text or binary: a 0 of the value follows. */
    static final int ESCAPED_ZERO = 0xFF;
    /** After a 00 byte in text or binary: the value ends. */
    static final int TERMINATOR = 0x01;

    private static final long DATE_BIAS = 1L << 39;

    private KeyFields() {}

    static KeyField forType(DataType type) {
        if (type instanceof PrimitiveType primitive) {
            return forPrimitive(primitive);
        }
        if (type instanceof DecimalType decimal) {
            return decimal.precision() <= ValueCodecs.LONG_DECIMAL_DIGITS
                    ? new LongDecimal(decimal)
                    : new WideDecimal(decimal);
        }
        if (type instanceof CharType) {
            return CHAR;
        }
        if (type.isText()) {
            return TEXT;
        }
        if (type instanceof ArrayType array) {
            return new ArrayKey(forType(array.elementType()));
        }
        if (type instanceof StructType struct) {
            return StructKey.of(struct);
        }
        throw new IllegalArgumentException("values of " + type + " cannot be part of a key");
    }

    private static KeyField forPrimitive(PrimitiveType type) {
        return switch (type) {
            case BOOLEAN -> BOOLEAN;
            case TINYINT -> TINYINT;
            case SMALLINT -> SMALLINT;
            case INT -> INT;
            case BIGINT -> BIGINT;
            case FLOAT -> FLOAT;
            case DOUBLE -> DOUBLE;
            case STRING -> TEXT;
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            case BINARY -> BINARY;
        };
    }

    private static final KeyField BOOLEAN = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeByte((Boolean) value ? 1 : 0);
        }

        @Override
        public Object read(KeyReader in) {
            return in.next() != 0;
        }
    };

    private static final KeyField TINYINT = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeByte((Byte) value ^ 0x80);
        }

        @Override
        public Object read(KeyReader in) {
            return (byte) (in.next() ^ 0x80);
        }
    };

    private static final KeyField SMALLINT = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeShort((Short) value ^ 0x8000);
        }

        @Override
        public Object read(KeyReader in) {
            return (short) (in.nextLong(2) ^ 0x8000);
        }
    };

    private static final KeyField INT = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeInt((Integer) value ^ Integer.MIN_VALUE);
        }

        @Override
        public Object read(KeyReader in) {
            return (int) in.nextLong(4) ^ Integer.MIN_VALUE;
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            out.writeInt(row.getInt(position) ^ Integer.MIN_VALUE);
        }

        @Override
        public void readInto(KeyReader in, Row row, int position) {
            row.setInt(position, (int) in.nextLong(4) ^ Integer.MIN_VALUE);
        }
    };

    private static final KeyField BIGINT = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            out.writeLong((Long) value ^ Long.MIN_VALUE);
        }

        @Override
        public Object read(KeyReader in) {
            return in.nextLong(8) ^ Long.MIN_VALUE;
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            out.writeLong(row.getLong(position) ^ Long.MIN_VALUE);
        }

        @Override
        public void readInto(KeyReader in, Row row, int position) {
            row.setLong(position, in.nextLong(8) ^ Long.MIN_VALUE);
        }
    };

    /**
     * IEEE bits, made ordered: positives get the sign bit set, negatives are inverted. -0.0 is written as 0.0 and every
     * NaN as the canonical NaN, which then sorts above +Infinity.
     */
    private static final KeyField FLOAT = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            float f = (Float) value;
            int bits = Float.floatToIntBits(f == 0.0f ? 0.0f : f);
            out.writeInt(bits ^ (bits >> 31 | Integer.MIN_VALUE));
        }

        @Override
        public Object read(KeyReader in) {
            int bits = (int) in.nextLong(4);
            return Float.intBitsToFloat(bits < 0 ? bits ^ Integer.MIN_VALUE : ~bits);
        }
    };

    private static final KeyField DOUBLE = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            double d = (Double) value;
            long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
            out.writeLong(bits ^ (bits >> 63 | Long.MIN_VALUE));
        }

        @Override
        public Object read(KeyReader in) {
            long bits = in.nextLong(8);
            return Double.longBitsToDouble(bits < 0 ? bits ^ Long.MIN_VALUE : ~bits);
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            double d = row.getDouble(position);
            long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
            out.writeLong(bits ^ (bits >> 63 | Long.MIN_VALUE));
        }

        @Override
        public void readInto(KeyReader in, Row row, int position) {
            long bits = in.nextLong(8);
            row.setDouble(position, Double.longBitsToDouble(bits < 0 ? bits ^ Long.MIN_VALUE : ~bits));
        }
    };

    /** The epoch day plus 2^39 in 5 bytes: every {@link LocalDate} fits. */
    private static final KeyField DATE = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            long biased = Temporals.epochDay((LocalDate) value) + DATE_BIAS;
            out.writeByte((int) (biased >>> 32));
            out.writeInt((int) biased);
        }

        @Override
        public Object read(KeyReader in) {
            return Temporals.ofEpochDay(in.nextLong(5) - DATE_BIAS);
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            long biased = row.getEpochDay(position) + DATE_BIAS;
            out.writeByte((int) (biased >>> 32));
            out.writeInt((int) biased);
        }

        @Override
        public void readInto(KeyReader in, Row row, int position) {
            row.setEpochDay(position, in.nextLong(5) - DATE_BIAS);
        }
    };

    /** Epoch microseconds with the sign bit flipped, then 2 bytes of nanoseconds below the microsecond. */
    private static final KeyField TIMESTAMP = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            LocalDateTime timestamp = (LocalDateTime) value;
            out.writeLong(Timestamps.epochMicros(timestamp) ^ Long.MIN_VALUE);
            out.writeShort(timestamp.getNano() % 1000);
        }

        @Override
        public Object read(KeyReader in) {
            long micros = in.nextLong(8) ^ Long.MIN_VALUE;
            return Timestamps.ofEpochMicros(micros, (int) in.nextLong(2));
        }

        @Override
        public void write(Row row, int position, BinaryOutput out) {
            if (row.isUnboxed(position)) {
                out.writeLong(Timestamps.checkedMicros(row.getTimestampMicros(position)) ^ Long.MIN_VALUE);
                out.writeShort(0);
            } else {
                write(row.get(position), out);
            }
        }

        @Override
        public void readInto(KeyReader in, Row row, int position) {
            long micros = in.nextLong(8) ^ Long.MIN_VALUE;
            int belowMicro = (int) in.nextLong(2);
            if (belowMicro == 0) {
                row.setTimestampMicros(position, micros);
            } else {
                row.set(position, Timestamps.ofEpochMicros(micros, belowMicro));
            }
        }
    };

    private static final KeyField TEXT = new TextField(false);

    /** Hive ignores the trailing spaces of char values when comparing: they are not part of the key. */
    private static final KeyField CHAR = new TextField(true);

    /** UTF-8 (whose byte order is code point order), 00 escaped as 00 FF, ended by 00 01. */
    private record TextField(boolean stripTrailingSpaces) implements KeyField {
        @Override
        public void write(Object value, BinaryOutput out) {
            String text = (String) value;
            int end = text.length();
            if (stripTrailingSpaces) {
                while (end > 0 && text.charAt(end - 1) == ' ') {
                    end--;
                }
            }
            out.ensure(3 * end + 2);
            int p = out.length();
            int segment = 0;
            byte[] b = out.buffer();
            for (int i = 0; i < end; i++) {
                if (text.charAt(i) == 0) {
                    p = Utf8.encode(text, segment, i, b, p);
                    b[p++] = 0;
                    b[p++] = (byte) ESCAPED_ZERO;
                    segment = i + 1;
                }
            }
            p = Utf8.encode(text, segment, end, b, p);
            b[p++] = 0;
            b[p++] = TERMINATOR;
            out.skip(p - out.length());
        }

        @Override
        public Object read(KeyReader in) {
            return in.unescapeUtf8();
        }
    }

    /** The bytes, 00 escaped as 00 FF, ended by 00 01. */
    private static final KeyField BINARY = new KeyField() {
        @Override
        public void write(Object value, BinaryOutput out) {
            byte[] bytes = (byte[]) value;
            out.ensure(2 * bytes.length + 2);
            byte[] b = out.buffer();
            int p = out.length();
            for (byte x : bytes) {
                b[p++] = x;
                if (x == 0) {
                    b[p++] = (byte) ESCAPED_ZERO;
                }
            }
            b[p++] = 0;
            b[p++] = TERMINATOR;
            out.skip(p - out.length());
        }

        @Override
        public Object read(KeyReader in) {
            return in.unescape().toByteArray();
        }
    };

    /**
     * Decimals are compared at the column's scale, as integers: a header byte {@code 0x80 + n} for a positive unscaled
     * value of n magnitude bytes, {@code 0x80 - n} for a negative one, {@code 0x80} alone for zero; then the magnitude
     * big-endian, inverted for negatives so that larger magnitudes sort first.
     */
    private record LongDecimal(DecimalType type) implements KeyField {
        @Override
        public void write(Object value, BinaryOutput out) {
            BigInteger unscaled = ValueCodecs.atScale(value, type).unscaledValue();
            if (unscaled.bitLength() > 63) {
                throw new SluiceException(ErrorCode.INTERNAL_ERROR, value + " has more digits than " + type + " holds");
            }
            long v = unscaled.longValue();
            long magnitude = Math.abs(v);
            int n = (71 - Long.numberOfLeadingZeros(magnitude)) >>> 3;
            out.writeByte(v < 0 ? 0x80 - n : 0x80 + n);
            long stored = v < 0 ? ~magnitude : magnitude;
            for (int i = n - 1; i >= 0; i--) {
                out.writeByte((int) (stored >>> (8 * i)));
            }
        }

        @Override
        public Object read(KeyReader in) {
            int header = in.next();
            int n = Math.abs(header - 0x80);
            long stored = in.nextLong(n);
            long mask = n == 8 ? -1L : (1L << (8 * n)) - 1;
            long v = header < 0x80 ? -(~stored & mask) : stored;
            return BigDecimal.valueOf(v, type.scale());
        }
    }

    private record WideDecimal(DecimalType type) implements KeyField {
        @Override
        public void write(Object value, BinaryOutput out) {
            BigInteger unscaled = ValueCodecs.atScale(value, type).unscaledValue();
            int signum = unscaled.signum();
            byte[] magnitude = unscaled.abs().toByteArray();
            int skip = magnitude[0] == 0 ? 1 : 0;
            int n = signum == 0 ? 0 : magnitude.length - skip;
            if (n > 127) {
                throw new SluiceException(ErrorCode.INTERNAL_ERROR, value + " has too many digits for a key");
            }
            out.writeByte(signum < 0 ? 0x80 - n : 0x80 + n);
            for (int i = skip; i < skip + n; i++) {
                out.writeByte(signum < 0 ? ~magnitude[i] : magnitude[i]);
            }
        }

        @Override
        public Object read(KeyReader in) {
            int header = in.next();
            int n = Math.abs(header - 0x80);
            byte[] magnitude = new byte[n];
            for (int i = 0; i < n; i++) {
                int b = in.next();
                magnitude[i] = (byte) (header < 0x80 ? ~b : b);
            }
            BigInteger unscaled = new BigInteger(header < 0x80 ? -1 : 1, magnitude);
            return new BigDecimal(unscaled, type.scale());
        }
    }

    /** Each element as 01 (null) or 02 and the element; 00 ends the array, so a prefix sorts first. */
    private record ArrayKey(KeyField elements) implements KeyField {
        @Override
        public void write(Object value, BinaryOutput out) {
            for (Object element : (List<?>) value) {
                if (element == null) {
                    out.writeByte(1);
                } else {
                    out.writeByte(2);
                    elements.write(element, out);
                }
            }
            out.writeByte(0);
        }

        @Override
        public Object read(KeyReader in) {
            List<Object> list = new ArrayList<>();
            for (int marker = in.next(); marker != 0; marker = in.next()) {
                list.add(marker == 1 ? null : elements.read(in));
            }
            return list;
        }
    }

    /** Each field as 00 (null) or 01 and the field. */
    private record StructKey(KeyField[] fields) implements KeyField {
        static StructKey of(StructType type) {
            return new StructKey(
                    type.fields().stream().map(f -> forType(f.type())).toArray(KeyField[]::new));
        }

        @Override
        public void write(Object value, BinaryOutput out) {
            Row row = (Row) value;
            for (int i = 0; i < fields.length; i++) {
                Object field = row.get(i);
                if (field == null) {
                    out.writeByte(0);
                } else {
                    out.writeByte(1);
                    fields[i].write(field, out);
                }
            }
        }

        @Override
        public Object read(KeyReader in) {
            Row row = new Row(fields.length);
            for (int i = 0; i < fields.length; i++) {
                row.set(i, in.next() == 0 ? null : fields[i].read(in));
            }
            return row;
        }
    }
}
