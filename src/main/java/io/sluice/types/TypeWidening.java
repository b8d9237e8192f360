package io.sluice.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How two types merge when the same column holds values of both, as the crawler sees across files and the planner
 * across union inputs.
 *
 * <ul>
 *   <li>{@code tinyint → smallint → int → bigint → decimal → double}; {@code float → double}; {@code date → timestamp};
 *   <li>{@code decimal(p1,s1) ∪ decimal(p2,s2)} keeps the larger integer part and the larger scale, capped at 38 digits
 *       (integer digits are kept first, scale gives way);
 *   <li>{@code char(n) ∪ varchar(m) → varchar(max)}, any text with {@code string} → {@code string};
 *   <li>structs merge by the union of their fields (recursively, first-seen order), arrays and maps by their element
 *       types;
 *   <li>anything else meets at {@code string}, the last resort of {@link #merge}.
 * </ul>
 */
public final class TypeWidening {
    private TypeWidening() {}

    /** The narrowest type both widen to, or {@code string} when none but text holds both. */
    public static DataType merge(DataType a, DataType b) {
        return widen(a, b, true).orElseThrow();
    }

    /**
     * The narrowest type both widen to without falling back to {@code string} at the top level or inside nested
     * types; empty when they are incompatible.
     */
    public static Optional<DataType> widen(DataType a, DataType b) {
        return widen(a, b, false);
    }

    /**
     * True when every value of {@code from} is representable in {@code to} without text conversion. Struct fields are
     * matched by name regardless of case, as Hive does: neither the spelling nor the order of {@code from}'s fields
     * matters, only whether {@code to} has a field of a wide enough type for each of them.
     */
    public static boolean canWiden(DataType from, DataType to) {
        // Widening the target by the source keeps the target's field order and spelling, so equality means "nothing
        // had to be added or widened".
        return widen(to, from).map(to::equals).orElse(false);
    }

    private static Optional<DataType> widen(DataType a, DataType b, boolean toString) {
        if (a.equals(b)) {
            return Optional.of(a);
        }
        Optional<DataType> widened;
        if (a instanceof StructType sa && b instanceof StructType sb) {
            widened = structs(sa, sb, toString);
        } else if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
            widened = widen(aa.elementType(), ab.elementType(), toString).map(ArrayType::of);
        } else if (a instanceof MapType ma && b instanceof MapType mb) {
            widened = maps(ma, mb, toString);
        } else if (a.isPrimitive() && b.isPrimitive()) {
            widened = primitives(a, b);
        } else {
            widened = Optional.empty();
        }
        if (widened.isEmpty() && toString) {
            return Optional.of(PrimitiveType.STRING);
        }
        return widened;
    }

    private static Optional<DataType> primitives(DataType a, DataType b) {
        if (a.isNumeric() && b.isNumeric()) {
            return Optional.of(numbers(a, b));
        }
        if (a.isText() && b.isText()) {
            return Optional.of(texts(a, b));
        }
        if (isDateOrTimestamp(a) && isDateOrTimestamp(b)) {
            return Optional.of(PrimitiveType.TIMESTAMP);
        }
        return Optional.empty();
    }

    private static DataType numbers(DataType a, DataType b) {
        if (a.isIntegral() && b.isIntegral()) {
            PrimitiveType pa = (PrimitiveType) a;
            PrimitiveType pb = (PrimitiveType) b;
            return pa.integralRank() >= pb.integralRank() ? pa : pb;
        }
        if (isFloating(a) || isFloating(b)) {
            return PrimitiveType.DOUBLE;
        }
        return decimals(asDecimal(a), asDecimal(b));
    }

    private static DataType decimals(DecimalType a, DecimalType b) {
        int integerDigits = Math.max(a.integerDigits(), b.integerDigits());
        int scale = Math.max(a.scale(), b.scale());
        if (integerDigits + scale > DecimalType.MAX_PRECISION) {
            scale = Math.max(0, DecimalType.MAX_PRECISION - integerDigits);
        }
        return DecimalType.of(Math.min(DecimalType.MAX_PRECISION, integerDigits + scale), scale);
    }

    private static DecimalType asDecimal(DataType type) {
        if (type instanceof DecimalType decimal) {
            return decimal;
        }
        return DecimalType.of(((PrimitiveType) type).integralDigits(), 0);
    }

    private static DataType texts(DataType a, DataType b) {
        if (a == PrimitiveType.STRING || b == PrimitiveType.STRING) {
            return PrimitiveType.STRING;
        }
        if (a instanceof CharType ca && b instanceof CharType cb) {
            return CharType.of(Math.max(ca.length(), cb.length()));
        }
        return VarcharType.of(Math.max(textLength(a), textLength(b)));
    }

    private static int textLength(DataType type) {
        return type instanceof VarcharType v ? v.length() : ((CharType) type).length();
    }

    private static Optional<DataType> maps(MapType a, MapType b, boolean toString) {
        Optional<DataType> key = widen(a.keyType(), b.keyType(), toString);
        Optional<DataType> value = widen(a.valueType(), b.valueType(), toString);
        if (key.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MapType.of(key.get(), value.get()));
    }

    private static Optional<DataType> structs(StructType a, StructType b, boolean toString) {
        Map<String, StructField> merged = new LinkedHashMap<>();
        for (StructField field : a.fields()) {
            merged.put(field.name().toLowerCase(Locale.ROOT), field);
        }
        for (StructField field : b.fields()) {
            String key = field.name().toLowerCase(Locale.ROOT);
            StructField existing = merged.get(key);
            if (existing == null) {
                merged.put(key, field);
                continue;
            }
            Optional<DataType> type = widen(existing.type(), field.type(), toString);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            merged.put(key, StructField.of(existing.name(), type.get()));
        }
        return Optional.of(new StructType(new ArrayList<>(merged.values())));
    }

    private static boolean isFloating(DataType type) {
        return type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE;
    }

    private static boolean isDateOrTimestamp(DataType type) {
        return type == PrimitiveType.DATE || type == PrimitiveType.TIMESTAMP;
    }

    /** All types of a list merged left to right; empty for an empty list. */
    public static Optional<DataType> mergeAll(List<DataType> types) {
        return types.stream().reduce(TypeWidening::merge);
    }
}
