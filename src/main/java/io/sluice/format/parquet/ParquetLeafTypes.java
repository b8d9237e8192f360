package io.sluice.format.parquet;

import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import java.util.Locale;
import java.util.Optional;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The Hive type whose values a Parquet primitive column holds, by physical type and logical annotation. Unsigned
 * integers take the next wider signed type ({@code uint64} → {@code decimal(20,0)}); INT96 and every TIMESTAMP unit are
 * timestamps; UUID reads as its text. TIME, INTERVAL, FLOAT16 and the geospatial types have no Hive type.
 */
final class ParquetLeafTypes {
    private ParquetLeafTypes() {}

    static Optional<DataType> hiveType(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return decimal(decimal);
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> plain(logical, io.sluice.types.PrimitiveType.BOOLEAN);
            case INT32 -> int32(logical);
            case INT64 -> int64(logical);
            case INT96 -> Optional.of(io.sluice.types.PrimitiveType.TIMESTAMP);
            case FLOAT -> plain(logical, io.sluice.types.PrimitiveType.FLOAT);
            case DOUBLE -> plain(logical, io.sluice.types.PrimitiveType.DOUBLE);
            case BINARY -> binary(logical);
            case FIXED_LEN_BYTE_ARRAY -> fixed(logical);
        };
    }

    /** The column's type for messages: its Hive type, else Parquet's physical type and annotation. */
    static String describe(PrimitiveType type) {
        return hiveType(type).map(DataType::toString).orElseGet(() -> {
            String physical = type.getPrimitiveTypeName().name().toLowerCase(Locale.ROOT);
            LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
            return logical == null ? physical : physical + " (" + logical + ")";
        });
    }

    private static Optional<DataType> plain(LogicalTypeAnnotation logical, DataType type) {
        return logical == null ? Optional.of(type) : Optional.empty();
    }

    private static Optional<DataType> decimal(DecimalLogicalTypeAnnotation decimal) {
        if (decimal.getPrecision() < 1 || decimal.getPrecision() > DecimalType.MAX_PRECISION) {
            return Optional.empty();
        }
        return Optional.of(DecimalType.of(decimal.getPrecision(), decimal.getScale()));
    }

    private static Optional<DataType> int32(LogicalTypeAnnotation logical) {
        if (logical == null) {
            return Optional.of(io.sluice.types.PrimitiveType.INT);
        }
        if (logical instanceof DateLogicalTypeAnnotation) {
            return Optional.of(io.sluice.types.PrimitiveType.DATE);
        }
        if (logical instanceof IntLogicalTypeAnnotation integer) {
            return Optional.of(integral(integer));
        }
        return Optional.empty();
    }

    private static Optional<DataType> int64(LogicalTypeAnnotation logical) {
        if (logical == null) {
            return Optional.of(io.sluice.types.PrimitiveType.BIGINT);
        }
        if (logical instanceof TimestampLogicalTypeAnnotation) {
            return Optional.of(io.sluice.types.PrimitiveType.TIMESTAMP);
        }
        if (logical instanceof IntLogicalTypeAnnotation integer) {
            return Optional.of(integral(integer));
        }
        return Optional.empty();
    }

    private static DataType integral(IntLogicalTypeAnnotation integer) {
        // An unsigned value needs the next wider signed type.
        int bits = integer.isSigned() ? integer.getBitWidth() : integer.getBitWidth() * 2;
        return switch (bits) {
            case 8 -> io.sluice.types.PrimitiveType.TINYINT;
            case 16 -> io.sluice.types.PrimitiveType.SMALLINT;
            case 32 -> io.sluice.types.PrimitiveType.INT;
            case 64 -> io.sluice.types.PrimitiveType.BIGINT;
            default -> DecimalType.of(20, 0);
        };
    }

    private static Optional<DataType> binary(LogicalTypeAnnotation logical) {
        if (logical == null || logical instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
            return Optional.of(io.sluice.types.PrimitiveType.BINARY);
        }
        if (logical instanceof StringLogicalTypeAnnotation
                || logical instanceof EnumLogicalTypeAnnotation
                || logical instanceof JsonLogicalTypeAnnotation) {
            return Optional.of(io.sluice.types.PrimitiveType.STRING);
        }
        return Optional.empty();
    }

    private static Optional<DataType> fixed(LogicalTypeAnnotation logical) {
        if (logical == null) {
            return Optional.of(io.sluice.types.PrimitiveType.BINARY);
        }
        if (logical instanceof UUIDLogicalTypeAnnotation) {
            return Optional.of(io.sluice.types.PrimitiveType.STRING);
        }
        return Optional.empty();
    }
}
