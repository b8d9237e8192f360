package io.sluice.types;

/**
 * A Hive data type: {@code tinyint smallint int bigint float double decimal(p,s) string varchar(n) char(n) boolean
 * date timestamp binary array<T> map<K,V> struct<name:T,...>}.
 *
 * <p>Types are immutable values compared by structure. {@link #toString()} prints the canonical Hive spelling (lower
 * case, no spaces, field names backquoted only where needed) and {@link #parse(String)} reads it back, accepting any
 * case and spacing, so {@code parse(t.toString()).equals(t)} holds for every type.
 */
public sealed interface DataType
        permits PrimitiveType, DecimalType, VarcharType, CharType, ArrayType, MapType, StructType {

    /** Parses a Hive type string such as {@code "struct<id:bigint,tags:array<string>>"}. */
    static DataType parse(String text) {
        return TypeParser.parse(text);
    }

    /** The canonical Hive spelling of this type. */
    @Override
    String toString();

    /** True for types whose values are not made of other values. */
    default boolean isPrimitive() {
        return !(this instanceof ArrayType || this instanceof MapType || this instanceof StructType);
    }

    /** True for tinyint, smallint, int and bigint. */
    default boolean isIntegral() {
        return this instanceof PrimitiveType p && p.integralRank() >= 0;
    }

    /** True for the integral types, decimal, float and double. */
    default boolean isNumeric() {
        return isIntegral()
                || this instanceof DecimalType
                || this == PrimitiveType.FLOAT
                || this == PrimitiveType.DOUBLE;
    }

    /** True for string, varchar and char. */
    default boolean isText() {
        return this == PrimitiveType.STRING || this instanceof VarcharType || this instanceof CharType;
    }
}
