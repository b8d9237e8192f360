package io.sluice.runtime.io;

import java.nio.charset.StandardCharsets;

/**
 * Reads the bytes of one key column, undoing the bit inversion of descending columns with a mask, so that no inverted
 * copy is needed. Keeps a scratch buffer for unescaping text and binary values.
 */
final class KeyReader {
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

    long nextLong(int byteCount) {
        long value = 0;
        for (int i = 0; i < byteCount; i++) {
            value = value << 8 | next();
        }
        return value;
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
