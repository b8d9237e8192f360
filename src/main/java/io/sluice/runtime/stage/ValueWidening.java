package io.sluice.runtime.stage;

import io.sluice.format.ValueConversion;
import io.sluice.format.ValueConversions;
import io.sluice.row.Row;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TypeWidening;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts values of one type to a type it widens to ({@link TypeWidening}), nested types too: struct fields by name
 * regardless of case (fields the source lacks are null), array elements and map entries one by one. Built once per
 * column; equal types convert by doing nothing.
 */
public final class ValueWidening {
    private ValueWidening() {}

    /** The conversion of non-null values of {@code from} into values of {@code to}. */
    public static ValueConversion of(DataType from, DataType to) {
        if (from.equals(to)) {
            return ValueConversion.IDENTITY;
        }
        if (from instanceof StructType source && to instanceof StructType target) {
            return struct(source, target);
        }
        if (from instanceof ArrayType source && to instanceof ArrayType target) {
            ValueConversion element = of(source.elementType(), target.elementType());
            return value -> {
                List<Object> out = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    out.add(item == null ? null : element.apply(item));
                }
                return out;
            };
        }
        if (from instanceof MapType source && to instanceof MapType target) {
            ValueConversion key = of(source.keyType(), target.keyType());
            ValueConversion entry = of(source.valueType(), target.valueType());
            return value -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) value)
                        .forEach((k, v) -> out.put(k == null ? null : key.apply(k), v == null ? null : entry.apply(v)));
                return out;
            };
        }
        if (from.isPrimitive() && to.isPrimitive()) {
            return ValueConversions.between(from, to)
                    .orElseThrow(() -> new IllegalArgumentException(from + " does not widen to " + to));
        }
        throw new IllegalArgumentException(from + " does not widen to " + to);
    }

    /** Fills {@code target}'s fields from the source's fields of the same names, each widened; missing ones null. */
    private static ValueConversion struct(StructType from, StructType to) {
        int[] positions = new int[to.fields().size()];
        ValueConversion[] conversions = new ValueConversion[positions.length];
        for (int i = 0; i < positions.length; i++) {
            StructField field = to.fields().get(i);
            positions[i] = position(from, field.name());
            conversions[i] = positions[i] < 0
                    ? ValueConversion.IDENTITY
                    : of(from.fields().get(positions[i]).type(), field.type());
        }
        return value -> {
            Row source = (Row) value;
            Row out = new Row(positions.length);
            for (int i = 0; i < positions.length; i++) {
                Object v = positions[i] < 0 ? null : source.get(positions[i]);
                out.set(i, v == null ? null : conversions[i].apply(v));
            }
            return out;
        };
    }

    /** The position of a field by name regardless of case, or -1. */
    public static int position(StructType schema, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < schema.fields().size(); i++) {
            if (schema.fields().get(i).name().toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }
}
