package io.sluice.runtime.io;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link BinaryOutput} wrote, from a byte array slice. One instance is reset onto each record's bytes.
 * Reading past the end of the slice throws {@link IllegalStateException}: it means the bytes were not written by the
 * codec reading them (or with another schema). Not thread-safe.
 */
public final class BinaryInput {
    private byte[] buffer = new byte[0];
    private int position;
    private int limit;

    /** Reads {@code bytes[offset, offset + length)} from its start. */
    public BinaryInput reset(byte[] bytes, int offset, int length) {
        this.buffer = bytes;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    public int position() {
        return position;
    }

    /** Bytes left to read. */
    public int remaining() {
        return limit - position;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int readByte() {
        require(1);
        return buffer[position++];
    }

    public short readShort() {
        require(2);
        int p = position;
        position += 2;
        return (short) ((buffer[p] & 0xFF) << 8 | buffer[p + 1] & 0xFF);
    }

    public int readInt() {
        require(4);
        int value = getInt(buffer, position);
        position += 4;
        return value;
    }

    public long readLong() {
        require(8);
        long value = (long) getInt(buffer, position) << 32 | getInt(buffer, position + 4) & 0xFFFFFFFFL;
        position += 8;
        return value;
    }

    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("malformed varint at byte " + position);
    }

    /** Reads a varint that must fit a non-negative int, such as a length or a count. */
    public int readVarInt() {
        long value = readVarLong();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalStateException("varint " + Long.toUnsignedString(value) + " is not a valid length");
        }
        return (int) value;
    }

    public long readZigZag() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Reads {@code length} bytes as UTF-8 text. */
    public String readUtf8(int length) {
        require(length);
        String text = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    /** Reads a varint byte count and that many bytes of UTF-8 text. */
    public String readUtf8WithLength() {
        return readUtf8(readVarInt());
    }

    /** A copy of the next {@code length} bytes. */
    public byte[] readBytes(int length) {
        require(length);
        byte[] bytes = new byte[length];
        System.arraycopy(buffer, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    /** Moves past {@code length} bytes, which the caller reads from {@link #buffer()} at the old position. */
    public void skip(int length) {
        require(length);
        position += length;
    }

    private void require(int bytes) {
        if (bytes < 0 || bytes > limit - position) {
            throw new IllegalStateException(
                    "need " + bytes + " bytes at " + position + " but only " + (limit - position) + " are left");
        }
    }

    static int getInt(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
    }
}
