package io.sluice.job;

import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.TypeWidening;

/** Which casts a {@code map} stage's {@code cast} may ask for, following Hive's rules. */
final class Casts {
    private Casts() {}

    /**
     * True when values of {@code from} can be cast to {@code to}: between primitive types, except binary with anything
     * but text and boolean with dates and timestamps; complex types only to a type they widen to.
     */
    static boolean allowed(DataType from, DataType to) {
        if (from.equals(to)) {
            return true;
        }
        if (!from.isPrimitive() || !to.isPrimitive()) {
            return TypeWidening.canWiden(from, to);
        }
        if (from == PrimitiveType.BINARY || to == PrimitiveType.BINARY) {
            return from.isText() || to.isText();
        }
        return !(isBoolean(from) && isTemporal(to)) && !(isTemporal(from) && isBoolean(to));
    }

    private static boolean isBoolean(DataType type) {
        return type == PrimitiveType.BOOLEAN;
    }

    private static boolean isTemporal(DataType type) {
        return type == PrimitiveType.DATE || type == PrimitiveType.TIMESTAMP;
    }
}
