package io.sluice.format.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The strings of values of at most {@value #MAX_LENGTH} bytes, looked up by the bytes packed into one {@code long}:
 * one load, one multiply for the slot and two compares, where hashing and comparing the bytes one by one cost a loop
 * each. The key is the bytes and their length, so any bytes (a zero byte, UTF-8 sequences) find exactly their own
 * string. A direct-mapped table of {@value #SLOTS} slots: a value that lands on a taken slot replaces it, which bounds
 * the memory whatever the column holds. Not thread-safe.
 */
final class PackedStrings {
    static final int MAX_LENGTH = Long.BYTES;
    static final int SLOTS = 4096;

    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] keys = new long[SLOTS];
    /** The length of each slot's value; 0 marks a free slot (empty values are not held). */
    private final byte[] lengths = new byte[SLOTS];

    private final String[] values = new String[SLOTS];

    /** The bytes {@code [from, from + length)}, 1 to {@value #MAX_LENGTH} of them, as one number. */
    static long pack(byte[] b, int from, int length) {
        if (from + Long.BYTES <= b.length) {
            long word = (long) LONGS.get(b, from);
            return length == Long.BYTES ? word : word & ((1L << (length * Byte.SIZE)) - 1);
        }
        long word = 0; // too near the end of the array for one load
        for (int i = length - 1; i >= 0; i--) {
            word = word << Byte.SIZE | (b[from + i] & 0xFF);
        }
        return word;
    }

    /** The string held for the packed bytes of this length, or null. */
    String get(long key, int length) {
        int slot = slot(key, length);
        return keys[slot] == key && lengths[slot] == length ? values[slot] : null;
    }

    /** Holds {@code value} as the string of the packed bytes of this length (1 or more). */
    void put(long key, int length, String value) {
        int slot = slot(key, length);
        keys[slot] = key;
        lengths[slot] = (byte) length;
        values[slot] = value;
    }

    private static int slot(long key, int length) {
        return (int) (((key + length) * 0x9E37_79B9_7F4A_7C15L) >>> (Long.SIZE - SLOT_BITS));
    }
}
