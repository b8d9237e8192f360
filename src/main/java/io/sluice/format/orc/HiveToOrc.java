package io.sluice.format.orc;

import io.sluice.types.ArrayType;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.VarcharType;
import org.apache.orc.TypeDescription;

/**
 * The ORC schema Sluice writes for a Hive schema. ORC's types are Hive's, so the mapping is one to one: {@code
 * tinyint} is ORC's {@code tinyint} (BYTE), {@code char(n)} and {@code varchar(n)} keep their length, decimals their
 * precision and scale, and {@code timestamp} is ORC's zone-less timestamp (written and read in UTC).
 */
public final class HiveToOrc {
    private HiveToOrc() {}

    /** The ORC struct of a row schema; field names keep their spelling. */
    public static TypeDescription schema(StructType schema) {
        return type(schema);
    }

    /** The ORC type of a Hive type. */
    public static TypeDescription type(DataType type) {
        if (type instanceof StructType struct) {
            TypeDescription result = TypeDescription.createStruct();
            for (StructField field : struct.fields()) {
                result.addField(field.name(), type(field.type()));
            }
            return result;
        }
        if (type instanceof ArrayType array) {
            return TypeDescription.createList(type(array.elementType()));
        }
        if (type instanceof MapType map) {
            return TypeDescription.createMap(type(map.keyType()), type(map.valueType()));
        }
        if (type instanceof DecimalType decimal) {
            // The scale first: the default scale (10) may exceed the precision being set.
            return TypeDescription.createDecimal().withScale(decimal.scale()).withPrecision(decimal.precision());
        }
        if (type instanceof VarcharType varchar) {
            return TypeDescription.createVarchar().withMaxLength(varchar.length());
        }
        if (type instanceof CharType character) {
            return TypeDescription.createChar().withMaxLength(character.length());
        }
        return switch ((PrimitiveType) type) {
            case BOOLEAN -> TypeDescription.createBoolean();
            case TINYINT -> TypeDescription.createByte();
            case SMALLINT -> TypeDescription.createShort();
            case INT -> TypeDescription.createInt();
            case BIGINT -> TypeDescription.createLong();
            case FLOAT -> TypeDescription.createFloat();
            case DOUBLE -> TypeDescription.createDouble();
            case STRING -> TypeDescription.createString();
            case BINARY -> TypeDescription.createBinary();
            case DATE -> TypeDescription.createDate();
            case TIMESTAMP -> TypeDescription.createTimestamp();
        };
    }
}
