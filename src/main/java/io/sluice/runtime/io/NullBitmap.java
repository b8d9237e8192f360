package io.sluice.runtime.io;

import io.sluice.row.Row;
import java.util.List;
import java.util.Map;

/** Bitmaps with bit {@code i % 8} of byte {@code i / 8} set when item {@code i} is null. */
final class NullBitmap {
    private NullBitmap() {}

    static int bytes(int items) {
        return (items + 7) >>> 3;
    }

    static boolean isNull(byte[] bytes, int start, int item) {
        return (bytes[start + (item >>> 3)] & 1 << (item & 7)) != 0;
    }

    static void write(Row row, int width, BinaryOutput out) {
        for (int base = 0; base < width; base += 8) {
            int bits = 0;
            int end = Math.min(width, base + 8);
            for (int i = base; i < end; i++) {
                if (row.isNull(i)) {
                    bits |= 1 << (i - base);
                }
            }
            out.writeByte(bits);
        }
    }

    static void write(List<?> list, int count, BinaryOutput out) {
        int bitmap = zeroed(bytes(count), out);
        byte[] b = out.buffer();
        int i = 0;
        for (Object element : list) {
            if (element == null) {
                b[bitmap + (i >>> 3)] |= (byte) (1 << (i & 7));
            }
            i++;
        }
    }

    /** Two bits per entry: key null, value null. */
    static void writeEntries(Map<?, ?> map, int count, BinaryOutput out) {
        int bitmap = zeroed(bytes(2 * count), out);
        byte[] b = out.buffer();
        int i = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() == null) {
                b[bitmap + (i >>> 3)] |= (byte) (1 << (i & 7));
            }
            if (entry.getValue() == null) {
                b[bitmap + (i + 1 >>> 3)] |= (byte) (1 << (i + 1 & 7));
            }
            i += 2;
        }
    }

    private static int zeroed(int bytes, BinaryOutput out) {
        out.ensure(bytes);
        int start = out.length();
        byte[] b = out.buffer();
        for (int i = 0; i < bytes; i++) {
            b[start + i] = 0;
        }
        out.skip(bytes);
        return start;
    }
}
