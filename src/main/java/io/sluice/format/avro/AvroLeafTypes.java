package io.sluice.format.avro;

import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The Hive type of an Avro primitive, enum or fixed schema, by type and logical type: enums and {@code uuid} strings
 * read as string, bytes and fixed as binary or by their {@code decimal} logical type, {@code date} as date, and every
 * {@code timestamp-*} and {@code local-timestamp-*} as timestamp. The {@code time-*} and {@code duration} logical
 * types have no Hive type.
 */
final class AvroLeafTypes {
    private AvroLeafTypes() {}

    static Optional<DataType> hiveType(Schema schema) {
        String logical = schema.getProp(LogicalType.LOGICAL_TYPE_PROP);
        return Optional.ofNullable(
                switch (schema.getType()) {
                    case BOOLEAN -> PrimitiveType.BOOLEAN;
                    case INT -> logical == null
                            ? PrimitiveType.INT
                            : logical.equals("date") ? PrimitiveType.DATE : null;
                    case LONG -> logical == null
                            ? PrimitiveType.BIGINT
                            : timestampUnit(schema) > 0 ? PrimitiveType.TIMESTAMP : null;
                    case FLOAT -> PrimitiveType.FLOAT;
                    case DOUBLE -> PrimitiveType.DOUBLE;
                    case STRING, ENUM -> PrimitiveType.STRING;
                    case BYTES, FIXED -> bytes(schema, logical);
                    default -> null;
                });
    }

    /**
     * Units per second of a {@code timestamp-*} or {@code local-timestamp-*} long: 1000, 1000000 or 1000000000; 0 for
     * other longs.
     */
    static long timestampUnit(Schema schema) {
        String logical = schema.getProp(LogicalType.LOGICAL_TYPE_PROP);
        if (logical == null) {
            return 0;
        }
        return switch (logical) {
            case "timestamp-millis", "local-timestamp-millis" -> 1_000L;
            case "timestamp-micros", "local-timestamp-micros" -> 1_000_000L;
            case "timestamp-nanos", "local-timestamp-nanos" -> 1_000_000_000L;
            default -> 0;
        };
    }

    private static DataType bytes(Schema schema, String logical) {
        if (logical == null) {
            return PrimitiveType.BINARY;
        }
        // getLogicalType() is null for an invalid decimal (precision larger than the fixed size holds...).
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal
                && decimal.getPrecision() <= DecimalType.MAX_PRECISION) {
            return DecimalType.of(decimal.getPrecision(), decimal.getScale());
        }
        return schema.getType() == Schema.Type.FIXED && logical.equals("duration") ? null : PrimitiveType.BINARY;
    }

    /** The schema's type for messages: its Hive type, else Avro's name for it. */
    static String describe(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> "struct";
            case ARRAY -> "array";
            case MAP -> "map";
            case UNION -> schema.toString();
            default -> hiveType(schema).map(DataType::toString).orElseGet(() -> {
                String logical = schema.getProp(LogicalType.LOGICAL_TYPE_PROP);
                String type = schema.getType().getName();
                return logical == null ? type : type + " (" + logical + ")";
            });
        };
    }
}
