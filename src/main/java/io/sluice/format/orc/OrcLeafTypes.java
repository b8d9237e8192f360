package io.sluice.format.orc;

import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.VarcharType;
import java.util.Locale;
import java.util.Optional;
import org.apache.orc.TypeDescription;

/**
 * The Hive type of an ORC primitive column. ORC's types are Hive's, but {@code timestamp with local time zone}, read
 * as a timestamp in UTC, and char or varchar longer than Hive allows, read as string. Unions and the geospatial types
 * have no Hive type Sluice reads.
 */
final class OrcLeafTypes {
    private OrcLeafTypes() {}

    static Optional<DataType> hiveType(TypeDescription type) {
        return Optional.ofNullable(
                switch (type.getCategory()) {
                    case BOOLEAN -> PrimitiveType.BOOLEAN;
                    case BYTE -> PrimitiveType.TINYINT;
                    case SHORT -> PrimitiveType.SMALLINT;
                    case INT -> PrimitiveType.INT;
                    case LONG -> PrimitiveType.BIGINT;
                    case FLOAT -> PrimitiveType.FLOAT;
                    case DOUBLE -> PrimitiveType.DOUBLE;
                    case STRING -> PrimitiveType.STRING;
                    case CHAR -> type.getMaxLength() <= CharType.MAX_LENGTH
                            ? CharType.of(type.getMaxLength())
                            : PrimitiveType.STRING;
                    case VARCHAR -> type.getMaxLength() <= VarcharType.MAX_LENGTH
                            ? VarcharType.of(type.getMaxLength())
                            : PrimitiveType.STRING;
                    case BINARY -> PrimitiveType.BINARY;
                    case DECIMAL -> DecimalType.of(type.getPrecision(), type.getScale());
                    case DATE -> PrimitiveType.DATE;
                    case TIMESTAMP, TIMESTAMP_INSTANT -> PrimitiveType.TIMESTAMP;
                    default -> null;
                });
    }

    /** The column's type for messages: its Hive type, else ORC's name for it. */
    static String describe(TypeDescription type) {
        return switch (type.getCategory()) {
            case LIST -> "array";
            case MAP -> "map";
            case STRUCT -> "struct";
            default -> hiveType(type)
                    .map(DataType::toString)
                    .orElseGet(() -> type.getCategory().getName().toLowerCase(Locale.ROOT));
        };
    }
}
