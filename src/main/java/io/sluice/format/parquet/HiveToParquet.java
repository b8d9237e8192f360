package io.sluice.format.parquet;

import io.sluice.types.ArrayType;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import io.sluice.types.VarcharType;
import java.math.BigInteger;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema Sluice writes for a Hive schema, with the logical types Hive, Spark, Trino and Athena read back
 * as the same Hive types. Every field is {@code optional} (Hive columns are nullable), but map keys, which are
 * {@code required} as the format says.
 *
 * <table>
 *   <tr><th>Hive</th><th>Parquet</th></tr>
 *   <tr><td>boolean</td><td>BOOLEAN</td></tr>
 *   <tr><td>tinyint, smallint</td><td>INT32 with INT(8, signed), INT(16, signed)</td></tr>
 *   <tr><td>int, bigint</td><td>INT32, INT64</td></tr>
 *   <tr><td>float, double</td><td>FLOAT, DOUBLE</td></tr>
 *   <tr><td>decimal(p,s)</td><td>DECIMAL(p,s) on INT32 for p ≤ 9, INT64 for p ≤ 18, else FIXED_LEN_BYTE_ARRAY of the
 *       fewest bytes that hold p digits (as Spark and Hive write them)</td></tr>
 *   <tr><td>string, varchar(n), char(n)</td><td>BINARY with STRING (the length is not kept, as in Hive)</td></tr>
 *   <tr><td>binary</td><td>BINARY</td></tr>
 *   <tr><td>date</td><td>INT32 with DATE</td></tr>
 *   <tr><td>timestamp</td><td>INT64 with TIMESTAMP(MICROS, isAdjustedToUTC=false): Hive timestamps have no zone;
 *       nanoseconds below the microsecond are dropped</td></tr>
 *   <tr><td>array&lt;T&gt;</td><td>three-level LIST: {@code group (LIST) { repeated group list { optional T element } }}
 *       </td></tr>
 *   <tr><td>map&lt;K,V&gt;</td><td>MAP: {@code group (MAP) { repeated group key_value { required K key; optional V
 *       value } }}</td></tr>
 *   <tr><td>struct&lt;...&gt;</td><td>a group of the fields</td></tr>
 * </table>
 */
public final class HiveToParquet {
    /** The root's name, as Hive names it. */
    public static final String MESSAGE_NAME = "hive_schema";

    private HiveToParquet() {}

    public static MessageType messageType(StructType schema) {
        return new MessageType(MESSAGE_NAME, fields(schema));
    }

    /** The Parquet field for a column of a Hive type. */
    public static Type field(String name, DataType type, Repetition repetition) {
        if (type instanceof StructType struct) {
            return new GroupType(repetition, name, fields(struct));
        }
        if (type instanceof ArrayType array) {
            return Types.buildGroup(repetition)
                    .as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup()
                            .addField(field("element", array.elementType(), Repetition.OPTIONAL))
                            .named("list"))
                    .named(name);
        }
        if (type instanceof MapType map) {
            return Types.buildGroup(repetition)
                    .as(LogicalTypeAnnotation.mapType())
                    .addField(Types.repeatedGroup()
                            .addField(field("key", map.keyType(), Repetition.REQUIRED))
                            .addField(field("value", map.valueType(), Repetition.OPTIONAL))
                            .named("key_value"))
                    .named(name);
        }
        return primitive(name, type, repetition);
    }

    private static List<Type> fields(StructType struct) {
        return struct.fields().stream()
                .map(f -> field(f.name(), f.type(), Repetition.OPTIONAL))
                .toList();
    }

    private static Type primitive(String name, DataType type, Repetition repetition) {
        if (type instanceof DecimalType decimal) {
            return decimal(name, decimal, repetition);
        }
        if (type instanceof VarcharType || type instanceof CharType) {
            return primitive(name, PrimitiveType.STRING, repetition);
        }
        return switch ((PrimitiveType) type) {
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition)
                    .named(name);
            case TINYINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(8, true))
                    .named(name);
            case SMALLINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(16, true))
                    .named(name);
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType())
                    .named(name);
            case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType())
                    .named(name);
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS))
                    .named(name);
        };
    }

    private static Type decimal(String name, DecimalType decimal, Repetition repetition) {
        LogicalTypeAnnotation logical = LogicalTypeAnnotation.decimalType(decimal.scale(), decimal.precision());
        if (decimal.precision() <= 9) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(logical)
                    .named(name);
        }
        if (decimal.precision() <= 18) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(logical)
                    .named(name);
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                .length(decimalBytes(decimal.precision()))
                .as(logical)
                .named(name);
    }

    /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
    static int decimalBytes(int precision) {
        BigInteger largest = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
        // bitLength leaves out the sign bit.
        return largest.bitLength() / 8 + 1;
    }
}
