package io.sluice.format.text;

import static java.util.Objects.requireNonNull;

import io.sluice.format.Compression;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.Compressor;

/**
 * The bytes of a text file being written, gathered in one reused buffer and handed to the (compressing) stream in
 * large blocks: writers append bytes, ASCII, UTF-8 text and numbers straight into it, without a {@link String} or a
 * {@link java.nio.charset.CharsetEncoder} per value. In memory ({@link #inMemory()}) the buffer grows instead, for
 * values a writer formats before deciding how to frame them. Not thread-safe.
 */
public final class TextOutput implements Closeable {
    private static final int BLOCK = 64 * 1024;

    private final OutputStream stream;
    private final Compressor compressor;
    private byte[] buffer;
    private int position;
    private final byte[] digits = new byte[20];

    private TextOutput(OutputStream stream, Compressor compressor, int capacity) {
        this.stream = stream;
        this.compressor = compressor;
        this.buffer = new byte[capacity];
    }

    /** Creates {@code file} (it must not exist), compressed through the Hadoop codec of {@code compression}. */
    public static TextOutput create(Configuration conf, Path file, Compression compression) throws IOException {
        requireNonNull(compression, "compression is null");
        OutputStream raw = file.getFileSystem(conf).create(file, false);
        CompressionCodec codec = TextCodecs.of(compression, conf).orElse(null);
        if (codec == null) {
            return new TextOutput(raw, null, BLOCK);
        }
        Compressor compressor = CodecPool.getCompressor(codec, conf);
        try {
            return new TextOutput(codec.createOutputStream(raw, compressor), compressor, BLOCK);
        } catch (IOException | RuntimeException e) {
            CodecPool.returnCompressor(compressor);
            raw.close();
            throw e;
        }
    }

    /** A growing buffer that is never written anywhere: read it with {@link #bytes()} and {@link #length()}. */
    public static TextOutput inMemory() {
        return new TextOutput(null, null, 256);
    }

    public void write(int b) throws IOException {
        if (position == buffer.length) {
            makeRoom(1);
        }
        buffer[position++] = (byte) b;
    }

    public void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    public void write(byte[] bytes, int from, int length) throws IOException {
        if (buffer.length - position < length) {
            makeRoom(length);
            if (length > buffer.length) {
                stream.write(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, position, length);
        position += length;
    }

    /** Text known to be ASCII (numbers printed by the JDK, names of constants). */
    public void ascii(String text) throws IOException {
        int length = text.length();
        ensure(Math.min(length, BLOCK));
        for (int i = 0; i < length; i++) {
            if (position == buffer.length) {
                makeRoom(1);
            }
            buffer[position++] = (byte) text.charAt(i);
        }
    }

    /** The UTF-8 bytes of {@code text}; unpaired surrogates become {@code ?}, as {@link String#getBytes} does. */
    public void utf8(String text) throws IOException {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (position == buffer.length) {
                    makeRoom(1);
                }
                buffer[position++] = (byte) c;
            } else {
                i = nonAscii(text, i);
            }
        }
    }

    /**
     * Writes the character at {@code i}, which is not ASCII, and returns the index of the last character it took (the
     * low surrogate of a pair).
     */
    public int nonAscii(String text, int i) throws IOException {
        char c = text.charAt(i);
        ensure(4);
        if (c < 0x800) {
            buffer[position++] = (byte) (0xC0 | c >> 6);
            buffer[position++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
            buffer[position++] = (byte) (0xE0 | c >> 12);
            buffer[position++] = (byte) (0x80 | c >> 6 & 0x3F);
            buffer[position++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1))) {
            int codePoint = Character.toCodePoint(c, text.charAt(++i));
            buffer[position++] = (byte) (0xF0 | codePoint >> 18);
            buffer[position++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            buffer[position++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            buffer[position++] = (byte) (0x80 | codePoint & 0x3F);
        } else {
            buffer[position++] = '?';
        }
        return i;
    }

    /** The decimal digits of {@code value}, with a minus sign when negative. */
    public void decimal(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        if (value < 0) {
            write('-');
            value = -value;
        }
        int at = digits.length;
        do {
            digits[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        write(digits, at, digits.length - at);
    }

    /** A non-negative number as exactly {@code width} digits, zero-padded (months, hours...). */
    public void padded(int value, int width) throws IOException {
        ensure(width);
        for (int i = position + width - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += width;
    }

    /** Room for {@code length} more bytes in the buffer, which then takes them without further checks. */
    public void ensure(int length) throws IOException {
        if (buffer.length - position < length) {
            makeRoom(length);
        }
    }

    /** The buffer: in memory, its first {@link #length()} bytes are what was written. */
    public byte[] bytes() {
        return buffer;
    }

    public int length() {
        return position;
    }

    /** Forgets what an in-memory output holds. */
    public void reset() {
        position = 0;
    }

    private void makeRoom(int length) throws IOException {
        if (stream == null) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + length));
            return;
        }
        flushBuffer();
    }

    private void flushBuffer() throws IOException {
        if (position > 0) {
            stream.write(buffer, 0, position);
            position = 0;
        }
    }

    /** Writes what is buffered and finishes the file (the compressed stream's trailer included). */
    @Override
    public void close() throws IOException {
        if (stream == null) {
            return;
        }
        try {
            flushBuffer();
        } finally {
            try {
                stream.close();
            } finally {
                if (compressor != null) {
                    CodecPool.returnCompressor(compressor);
                }
            }
        }
    }
}
