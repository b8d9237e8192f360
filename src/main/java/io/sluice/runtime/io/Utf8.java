package io.sluice.runtime.io;

/**
 * UTF-8 without a {@link java.nio.charset.CharsetEncoder}: straight into the caller's array, no temporary. Unpaired
 * surrogates become {@code ?}, as {@link String#getBytes} does, so the length computed first matches what is written.
 */
final class Utf8 {
    private Utf8() {}

    /** The number of bytes {@link #encode} writes for {@code text}; equal to its length for ASCII text. */
    static int encodedLength(String text) {
        int chars = text.length();
        int bytes = chars;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                bytes += extraBytes(text, i, c);
                if (Character.isHighSurrogate(c) && pairedAt(text, i)) {
                    i++;
                }
            }
        }
        return bytes;
    }

    // Bytes beyond one for the character at i; a surrogate pair (two chars, four bytes) counts 2 extra.
    private static int extraBytes(String text, int i, char c) {
        if (c < 0x800) {
            return 1;
        }
        if (!Character.isSurrogate(c)) {
            return 2;
        }
        return Character.isHighSurrogate(c) && pairedAt(text, i) ? 2 : 0;
    }

    private static boolean pairedAt(String text, int i) {
        return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /**
     * Encodes {@code text[from, to)} into {@code target} at {@code position}, which must have room for three bytes a
     * char; returns the position after the last byte.
     */
    static int encode(String text, int from, int to, byte[] target, int position) {
        int p = position;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                target[p++] = (byte) c;
            } else if (c < 0x800) {
                target[p++] = (byte) (0xC0 | c >> 6);
                target[p++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                target[p++] = (byte) (0xE0 | c >> 12);
                target[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                target[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                target[p++] = (byte) (0xF0 | codePoint >> 18);
                target[p++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                target[p++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                target[p++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                target[p++] = '?';
            }
        }
        return p;
    }
}
