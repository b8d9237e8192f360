package io.sluice.format.text;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The strings of one text column, looked up by their bytes so that a value seen recently is returned as the same
 * {@link String} instead of being decoded into a new one: columns such as countries, product codes or categories
 * repeat a few values millions of times. Reusing them saves the decoding and two objects per value, and later steps
 * that hash or compare the value (partition folders, grouping, dictionaries) find its hash code already computed.
 *
 * <p>Short values only ({@value #MAX_LENGTH} bytes at most), in a direct-mapped table of {@value #SLOTS} slots; values
 * of at most {@value PackedStrings#MAX_LENGTH} bytes, the most common (country codes, flags, short codes), in {@link
 * PackedStrings}, which compares them as one number instead of byte by byte. A column whose values mostly miss (ids,
 * free text) stops looking after a window of {@value #WINDOW} lookups, so it pays for at most that many. Not
 * thread-safe: one per column of one reader or decoder.
 */
public final class RepeatedStrings {
    static final int MAX_LENGTH = 24;
    static final int SLOTS = 2048;
    static final int WINDOW = 4096;

    private final Charset charset;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private final PackedStrings packed = new PackedStrings();
    private int lookups;
    private int misses;
    private boolean off;

    public RepeatedStrings(Charset charset) {
        this.charset = charset;
    }

    /** The bytes {@code [from, to)} as text: the string returned for the same bytes before, when it is still held. */
    public String text(byte[] b, int from, int to) {
        int length = to - from;
        if (off || length > MAX_LENGTH || length == 0) {
            return new String(b, from, length, charset);
        }
        if (length <= PackedStrings.MAX_LENGTH) {
            return packed(b, from, length);
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + b[i];
        }
        int slot = (hash ^ (hash >>> 11)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, b, from, to)) {
            count(false);
            return values[slot];
        }
        String value = new String(b, from, length, charset);
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = value;
        count(true);
        return value;
    }

    private String packed(byte[] b, int from, int length) {
        long key = PackedStrings.pack(b, from, length);
        String value = packed.get(key, length);
        if (value != null) {
            count(false);
            return value;
        }
        value = new String(b, from, length, charset);
        packed.put(key, length, value);
        count(true);
        return value;
    }

    /** Turns the lookups off for good after a window in which most of them missed. */
    private void count(boolean miss) {
        if (miss) {
            misses++;
        }
        if (++lookups == WINDOW) {
            off = misses * 2 > WINDOW;
            lookups = 0;
            misses = 0;
        }
    }

    /** True once the column has shown that its values do not repeat (for tests). */
    boolean off() {
        return off;
    }
}
