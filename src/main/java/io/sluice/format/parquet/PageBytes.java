package io.sluice.format.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array that pages are encoded into: little-endian numbers, unsigned varints and raw bytes, as the
 * Parquet format lays them out. Reused from page to page; not thread-safe.
 */
final class PageBytes {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int size;

    PageBytes(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** The buffer; its first {@link #size()} bytes are the content. */
    byte[] array() {
        return bytes;
    }

    void reset() {
        size = 0;
    }

    /** Makes room for {@code more} bytes past the content. */
    void ensure(int more) {
        int needed = size + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    /** Counts {@code count} bytes written straight into {@link #array()} after an {@link #ensure}. */
    void skip(int count) {
        size += count;
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void writeInt(int value) {
        ensure(4);
        INT.set(bytes, size, value);
        size += 4;
    }

    void writeLong(long value) {
        ensure(8);
        LONG.set(bytes, size, value);
        size += 8;
    }

    /** Overwrites the four bytes at {@code position} (a length written before its content was known). */
    void putInt(int position, int value) {
        INT.set(bytes, position, value);
    }

    void writeBytes(byte[] source, int from, int length) {
        ensure(length);
        System.arraycopy(source, from, bytes, size, length);
        size += length;
    }

    /** ULEB128, as run headers are written. */
    void writeUnsignedVarInt(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            bytes[size++] = (byte) (value & 0x7F | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    /** Writes 4-byte little-endian ints from {@code values} (the low half of each long). */
    void writeInts(long[] values, int count) {
        ensure(count * 4);
        byte[] b = bytes;
        int position = size;
        for (int i = 0; i < count; i++) {
            INT.set(b, position, (int) values[i]);
            position += 4;
        }
        size = position;
    }

    /** Writes 8-byte little-endian longs from {@code values}. */
    void writeLongs(long[] values, int count) {
        ensure(count * 8);
        byte[] b = bytes;
        int position = size;
        for (int i = 0; i < count; i++) {
            LONG.set(b, position, values[i]);
            position += 8;
        }
        size = position;
    }
}
