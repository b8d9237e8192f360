package io.sluice.format;

/**
 * Encodes strings to UTF-8 into one reused byte array, so that writers hand the bytes of each string value on without
 * allocating. Unpaired surrogates become {@code ?}, as {@link String#getBytes} does. Not thread-safe; one per column.
 */
public final class Utf8Buffer {
    private byte[] bytes = new byte[64];

    /** Encodes {@code text}; the bytes are {@code bytes()[0, length)} until the next call. */
    public int encode(String text) {
        int length = text.length();
        // Three bytes per UTF-16 unit at most: a surrogate pair (two units) takes four.
        if (bytes.length < length * 3) {
            bytes = new byte[Math.max(length * 3, bytes.length * 2)];
        }
        int position = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[position++] = (byte) c;
            } else if (c < 0x800) {
                bytes[position++] = (byte) (0xC0 | c >> 6);
                bytes[position++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                position = three(c, position);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                position = four(Character.toCodePoint(c, text.charAt(++i)), position);
            } else {
                bytes[position++] = '?';
            }
        }
        return position;
    }

    /** The buffer holding the last encoded string. */
    public byte[] bytes() {
        return bytes;
    }

    private int three(char c, int position) {
        bytes[position] = (byte) (0xE0 | c >> 12);
        bytes[position + 1] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[position + 2] = (byte) (0x80 | c & 0x3F);
        return position + 3;
    }

    private int four(int codePoint, int position) {
        bytes[position] = (byte) (0xF0 | codePoint >> 18);
        bytes[position + 1] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        bytes[position + 2] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        bytes[position + 3] = (byte) (0x80 | codePoint & 0x3F);
        return position + 4;
    }
}
