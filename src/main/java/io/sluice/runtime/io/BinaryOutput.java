package io.sluice.runtime.io;

import java.util.Arrays;

/**
 * A growable byte buffer that codecs append to. One instance is reused for every record: {@link #reset()} keeps the
 * array, so encoding allocates only when a record is larger than every record before it.
 *
 * <p>Multi-byte fixed-width numbers are big-endian; varints are unsigned LEB128 (7 bits a byte, low groups first), and
 * zigzag maps signed values to unsigned ones so that small negatives stay short. Not thread-safe.
 */
public final class BinaryOutput {
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private byte[] buffer;
    private int length;

    public BinaryOutput() {
        this(256);
    }

    public BinaryOutput(int initialCapacity) {
        this.buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** Forgets the content and keeps the array. */
    public void reset() {
        length = 0;
    }

    /** The bytes written so far are {@code buffer()[0, length())}; the array changes when the buffer grows. */
    public byte[] buffer() {
        return buffer;
    }

    public int length() {
        return length;
    }

    /** Truncates to {@code newLength} bytes, which must not exceed the current length. */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IndexOutOfBoundsException("cannot truncate " + length + " bytes to " + newLength);
        }
        length = newLength;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    /** Makes room for {@code bytes} more bytes. */
    public void ensure(int bytes) {
        int needed = length + bytes;
        if (needed > buffer.length || needed < 0) {
            grow(needed);
        }
    }

    private void grow(int needed) {
        if (needed < 0 || needed > MAX_ARRAY) {
            throw new IllegalStateException("a record larger than 2 GiB cannot be encoded");
        }
        int capacity = (int) Math.min(MAX_ARRAY, Math.max((long) buffer.length * 2, needed));
        buffer = Arrays.copyOf(buffer, capacity);
    }

    public void writeByte(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
    }

    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    public void writeBytes(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    public void writeShort(int value) {
        ensure(2);
        buffer[length] = (byte) (value >>> 8);
        buffer[length + 1] = (byte) value;
        length += 2;
    }

    public void writeInt(int value) {
        ensure(4);
        putInt(buffer, length, value);
        length += 4;
    }

    public void writeLong(long value) {
        ensure(8);
        putInt(buffer, length, (int) (value >>> 32));
        putInt(buffer, length + 4, (int) value);
        length += 8;
    }

    public void writeFloat(float value) {
        writeInt(Float.floatToRawIntBits(value));
    }

    public void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    /** Writes {@code value} as an unsigned varint: 1 byte below 128, at most 10. */
    public void writeVarLong(long value) {
        ensure(10);
        byte[] b = buffer;
        int p = length;
        while ((value & ~0x7FL) != 0) {
            b[p++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b[p++] = (byte) value;
        length = p;
    }

    /** Writes a non-negative int as an unsigned varint. */
    public void writeVarInt(int value) {
        writeVarLong(value & 0xFFFFFFFFL);
    }

    /** Writes a signed value as a zigzag varint: 0, -1, 1, -2 become 0, 1, 2, 3. */
    public void writeZigZag(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    /**
     * Writes the UTF-8 bytes of {@code text} preceded by their count as a varint. Unpaired surrogates become {@code ?},
     * as {@link String#getBytes} does. Text of ASCII characters is copied in one pass.
     */
    public void writeUtf8WithLength(String text) {
        int chars = text.length();
        int bytes = Utf8.encodedLength(text);
        writeVarInt(bytes);
        ensure(bytes);
        if (bytes == chars) {
            byte[] b = buffer;
            int p = length;
            for (int i = 0; i < chars; i++) {
                b[p + i] = (byte) text.charAt(i);
            }
            length = p + chars;
        } else {
            length = Utf8.encode(text, 0, chars, buffer, length);
        }
    }

    /** Inverts every bit of {@code buffer()[from, to)}. */
    public void invert(int from, int to) {
        byte[] b = buffer;
        for (int i = from; i < to; i++) {
            b[i] = (byte) ~b[i];
        }
    }

    /** Sets the byte at {@code position}, which must be below {@link #length()}. */
    public void setByte(int position, int value) {
        if (position >= length) {
            throw new IndexOutOfBoundsException("position " + position + " is beyond " + length + " bytes");
        }
        buffer[position] = (byte) value;
    }

    /**
     * Advances the length by {@code count} bytes after the caller has filled them in place; {@link #ensure(int)} them
     * first.
     */
    void skip(int count) {
        length += count;
    }

    static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
