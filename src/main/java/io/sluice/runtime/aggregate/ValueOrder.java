package io.sluice.runtime.aggregate;

import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The order {@code min} and {@code max} use for non-null values of primitive types: numbers by value (for float and
 * double {@link Double#compare}'s, NaN above everything), text by code point as Hive compares its UTF-8 bytes, binary
 * as unsigned bytes, dates and timestamps by time, false before true.
 */
final class ValueOrder {
    private ValueOrder() {}

    static Optional<Comparator<Object>> of(DataType type) {
        if (type.isText()) {
            return Optional.of((a, b) -> compareCodePoints((String) a, (String) b));
        }
        if (type == PrimitiveType.BINARY) {
            return Optional.of((a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b));
        }
        if (type.isPrimitive()) {
            // Boolean, Byte to Long, Float, Double, BigDecimal (by value, whatever the scale), LocalDate,
            // LocalDateTime.
            return Optional.of(ValueOrder::compareComparables);
        }
        return Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareComparables(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    /**
     * Compares by code point without decoding: UTF-16 order differs from code point order only where a surrogate meets
     * a char from U+E000 up, so those two ranges swap places before comparing.
     */
    static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    private static int codePointRank(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return c > Character.MAX_SURROGATE ? c - 0x800 : c + 0x2000;
    }
}
