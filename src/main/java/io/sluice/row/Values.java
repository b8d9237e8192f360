package io.sluice.row;

import io.sluice.types.ArrayType;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import io.sluice.types.VarcharType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java representation of values of each Hive type, shared by every reader, writer and expression:
 *
 * <table>
 *   <tr><th>Hive type</th><th>Java type</th></tr>
 *   <tr><td>boolean</td><td>{@link Boolean}</td></tr>
 *   <tr><td>tinyint, smallint, int, bigint</td><td>{@link Byte}, {@link Short}, {@link Integer}, {@link Long}</td></tr>
 *   <tr><td>float, double</td><td>{@link Float}, {@link Double}</td></tr>
 *   <tr><td>decimal(p,s)</td><td>{@link BigDecimal} with scale s</td></tr>
 *   <tr><td>string, varchar(n), char(n)</td><td>{@link String}</td></tr>
 *   <tr><td>date</td><td>{@link LocalDate}</td></tr>
 *   <tr><td>timestamp</td><td>{@link LocalDateTime} (no zone, as in Hive; values read with an offset are in UTC)</td></tr>
 *   <tr><td>binary</td><td>{@code byte[]}</td></tr>
 *   <tr><td>array&lt;T&gt;</td><td>{@link List} of T</td></tr>
 *   <tr><td>map&lt;K,V&gt;</td><td>{@link Map} of K to V, in entry order</td></tr>
 *   <tr><td>struct&lt;...&gt;</td><td>{@link Row}, fields by position</td></tr>
 * </table>
 */
public final class Values {
    private Values() {}

    /** The Java class values of a type have. */
    public static Class<?> javaType(DataType type) {
        if (type instanceof PrimitiveType primitive) {
            return switch (primitive) {
                case BOOLEAN -> Boolean.class;
                case TINYINT -> Byte.class;
                case SMALLINT -> Short.class;
                case INT -> Integer.class;
                case BIGINT -> Long.class;
                case FLOAT -> Float.class;
                case DOUBLE -> Double.class;
                case STRING -> String.class;
                case DATE -> LocalDate.class;
                case TIMESTAMP -> LocalDateTime.class;
                case BINARY -> byte[].class;
            };
        }
        if (type instanceof DecimalType) {
            return BigDecimal.class;
        }
        if (type instanceof VarcharType || type instanceof CharType) {
            return String.class;
        }
        if (type instanceof ArrayType) {
            return List.class;
        }
        if (type instanceof MapType) {
            return Map.class;
        }
        if (type instanceof StructType) {
            return Row.class;
        }
        throw new IllegalArgumentException("no Java type for " + type);
    }

    /** A copy of mutable values (rows, lists, maps, byte arrays); immutable ones are returned as they are. */
    public static Object copy(Object value) {
        if (value instanceof Row row) {
            return row.copy();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copy(item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(copy(k), copy(v)));
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }
}
