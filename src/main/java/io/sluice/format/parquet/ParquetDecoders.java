package io.sluice.format.parquet;

import io.sluice.format.Decimals;
import io.sluice.row.Temporals;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decoders from Parquet's physical values to the Java values of the column's Hive type ({@link ParquetLeafTypes}).
 *
 * <p>Timestamps of every unit become the {@link LocalDateTime} of their instant in UTC, whether the file marks them
 * adjusted to UTC or not: a local timestamp is stored as the UTC instant of the same wall-clock time, so both read as
 * the wall-clock time that was written. INT96 timestamps (Impala, Hive and older Spark) are read as UTC too.
 */
final class ParquetDecoders {
    /** The Julian day number of 1970-01-01, the origin of INT96 timestamps' day count. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private ParquetDecoders() {}

    static IntFunction<Object> int32(ReadNode.Leaf leaf) {
        DataType type = leaf.fileType();
        if (type instanceof DecimalType decimal) {
            long limit = BigInteger.TEN
                    .pow(decimal.precision())
                    .min(BigInteger.valueOf(Long.MAX_VALUE))
                    .longValue();
            return value -> decimal(value, limit, decimal);
        }
        LogicalTypeAnnotation logical = leaf.type().getLogicalTypeAnnotation();
        boolean unsigned = logical instanceof IntLogicalTypeAnnotation integer && !integer.isSigned();
        return switch ((io.sluice.types.PrimitiveType) type) {
            case TINYINT -> value -> (byte) value;
            case SMALLINT -> unsigned ? value -> (short) (value & 0xFF) : value -> (short) value;
            case INT -> unsigned ? value -> value & 0xFFFF : value -> value;
            case BIGINT -> value -> Integer.toUnsignedLong(value);
            case DATE -> value -> Temporals.ofEpochDay(value);
            default -> throw unexpected(leaf);
        };
    }

    static LongFunction<Object> int64(ReadNode.Leaf leaf) {
        DataType type = leaf.fileType();
        LogicalTypeAnnotation logical = leaf.type().getLogicalTypeAnnotation();
        if (type instanceof DecimalType decimal) {
            if (logical instanceof IntLogicalTypeAnnotation) {
                return value -> new BigDecimal(Long.toUnsignedString(value));
            }
            long limit = BigInteger.TEN
                    .pow(decimal.precision())
                    .min(BigInteger.valueOf(Long.MAX_VALUE))
                    .longValue();
            return value -> decimal(value, limit, decimal);
        }
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            return switch (timestamp.getUnit()) {
                case MILLIS -> value ->
                        timestamp(Math.floorDiv(value, 1_000L), Math.floorMod(value, 1_000L) * 1_000_000L);
                case MICROS -> value ->
                        timestamp(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
                case NANOS -> value ->
                        timestamp(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
            };
        }
        if (type == io.sluice.types.PrimitiveType.BIGINT) {
            return value -> value;
        }
        throw unexpected(leaf);
    }

    static Function<Binary, Object> binary(ReadNode.Leaf leaf) {
        DataType type = leaf.fileType();
        PrimitiveTypeName physical = leaf.type().getPrimitiveTypeName();
        if (physical == PrimitiveTypeName.INT96) {
            return ParquetDecoders::int96;
        }
        if (type instanceof DecimalType decimal) {
            return value -> Decimals.ofUnscaled(new BigInteger(value.getBytesUnsafe()), decimal);
        }
        if (type == io.sluice.types.PrimitiveType.BINARY) {
            return ParquetDecoders::bytes;
        }
        if (physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            return ParquetDecoders::uuid;
        }
        return value -> value.toStringUsingUTF8();
    }

    private static BigDecimal decimal(long unscaled, long limit, DecimalType type) {
        if (unscaled >= limit || unscaled <= -limit) {
            throw tooManyDigits(BigDecimal.valueOf(unscaled, type.scale()), type);
        }
        return BigDecimal.valueOf(unscaled, type.scale());
    }

    private static ArithmeticException tooManyDigits(BigDecimal value, DecimalType type) {
        return new ArithmeticException(value.toPlainString() + " has more digits than " + type + " holds");
    }

    private static LocalDateTime timestamp(long seconds, long nanos) {
        return Temporals.ofEpochSecond(seconds, (int) nanos);
    }

    /** INT96: nanoseconds of the day (8 bytes), then the Julian day (4 bytes), little-endian. */
    private static LocalDateTime int96(Binary value) {
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        long julianDay = bytes.getInt() & 0xFFFF_FFFFL;
        return LocalDateTime.of(
                LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH), LocalTime.ofNanoOfDay(nanosOfDay));
    }

    /** A copy: the binary may share the page's buffer, and rows hand their arrays to whoever reads them. */
    private static byte[] bytes(Binary value) {
        byte[] copy = new byte[value.length()];
        value.toByteBuffer().get(copy);
        return copy;
    }

    private static String uuid(Binary value) {
        ByteBuffer bytes = value.toByteBuffer();
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    private static IllegalStateException unexpected(ReadNode.Leaf leaf) {
        return new IllegalStateException("no decoder for " + leaf.type() + " as " + leaf.fileType());
    }
}
