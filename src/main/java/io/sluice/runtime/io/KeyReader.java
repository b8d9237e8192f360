package io.sluice.runtime.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the bytes of one key column, undoing the bit inversion of descending columns with a mask, so that no inverted
 * copy is needed. Keeps a scratch buffer for unescaping text and binary values.
 */
final class KeyReader {
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes;
    private int position;
    private int limit;
    private int mask;
    private final BinaryOutput scratch = new BinaryOutput(64);

    KeyReader reset(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.limit = offset + length;
        this.mask = 0;
        return this;
    }

    /** Reads the next bytes as they are ({@code false}) or inverted back ({@code true}). */
    void inverted(boolean inverted) {
        mask = inverted ? 0xFF : 0;
    }

    int position() {
        return position;
    }

    /** The next byte, unsigned and un-inverted. */
    int next() {
        if (position >= limit) {
            throw new IllegalStateException("key ends at byte " + position + " in the middle of a value");
        }
        return (bytes[position++] ^ mask) & 0xFF;
    }

    /** The next byte as stored, without undoing an inversion (null flags are never inverted). */
    int nextRaw() {
        int saved = mask;
        mask = 0;
        int b = next();
        mask = saved;
        return b;
    }

    /** The next {@code byteCount} (at most 8) bytes as a big-endian number, un-inverted. */
    long nextLong(int byteCount) {
        if (byteCount == 0) {
            return 0;
        }
        if (byteCount > limit - position) {
            throw new IllegalStateException("key ends at byte " + limit + " in the middle of a value");
        }
        long value;
        if (byteCount == 8) { // bigint, double, timestamp: one read instead of eight
            value = (long) BIG_ENDIAN_LONG.get(bytes, position);
        } else {
            value = 0;
            for (int i = 0; i < byteCount; i++) {
                value = value << 8 | bytes[position + i] & 0xFF;
            }
        }
        position += byteCount;
        return mask == 0 ? value : value ^ (-1L >>> (64 - 8 * byteCount));
    }

    /** Reads bytes escaped as {@code 00 FF} for 0 up to the terminator {@code 00 01}. */
    BinaryOutput unescape() {
        scratch.reset();
        while (true) {
            int b = next();
            if (b != 0) {
                scratch.writeByte(b);
                continue;
            }
            int second = next();
            if (second == KeyFields.TERMINATOR) {
                return scratch;
            }
            if (second != KeyFields.ESCAPED_ZERO) {
                throw new IllegalStateException("malformed escape 00 " + Integer.toHexString(second) + " in key");
            }
            scratch.writeByte(0);
        }
    }

    String unescapeUtf8() {
        BinaryOutput text = unescape();
        return new String(text.buffer(), 0, text.length(), StandardCharsets.UTF_8);
    }
}
