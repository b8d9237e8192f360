package io.sluice.runtime.io;

import io.sluice.row.Row;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Values turned into objects whose {@code equals} is exact: byte arrays by content, floats and doubles by their raw
 * bits (so -0.0 differs from 0.0 and NaN payloads count), maps as entry lists (so order counts), rows as lists.
 */
public final class Normalized {
    private Normalized() {}

    public static Object of(Object value) {
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Float f) {
            return "float:" + Integer.toHexString(Float.floatToRawIntBits(f));
        }
        if (value instanceof Double d) {
            return "double:" + Long.toHexString(Double.doubleToRawLongBits(d));
        }
        if (value instanceof Row row) {
            List<Object> fields = new ArrayList<>();
            fields.add("row");
            for (int i = 0; i < row.width(); i++) {
                fields.add(of(row.get(i)));
            }
            return fields;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Normalized::of).toList();
        }
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            entries.add("map");
            map.forEach((k, v) -> entries.add(java.util.Arrays.asList(of(k), of(v))));
            return entries;
        }
        return value;
    }
}
