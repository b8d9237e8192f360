package io.sluice.format.text;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;

/**
 * A refillable window of bytes over a stream, which text readers scan in place instead of copying bytes into lines or
 * strings. The bytes from {@link #position()} to {@link #limit()} are unread; {@link #fill()} moves them to the front,
 * reads more behind them and grows the window when a record does not fit, so a record that started at the position
 * stays whole while it is scanned. Offsets are absolute: {@link #offset(int)} of an index is its place in the stream
 * (the file, for uncompressed input).
 */
public final class ByteWindow {
    /** Large enough that per-read costs (file system statistics, checksums) vanish per record. */
    public static final int DEFAULT_CAPACITY = 256 * 1024;

    /**
     * The longest record a window holds: a file without line breaks (binary content, a wrong format) must fail with a
     * message rather than fill the task's memory.
     */
    public static final int MAX_RECORD = 64 * 1024 * 1024;

    private final InputStream in;
    private final int maxRecord;
    private byte[] bytes;
    private int position;
    private int limit;
    private long base;
    private boolean eof;

    public ByteWindow(InputStream in, long offset, int capacity) {
        this(in, offset, capacity, MAX_RECORD);
    }

    /** A window whose unread bytes may grow to {@code maxRecord} bytes. */
    public ByteWindow(InputStream in, long offset, int capacity, int maxRecord) {
        this.in = requireNonNull(in, "in is null");
        this.base = offset;
        this.bytes = new byte[Math.min(capacity, maxRecord)];
        this.maxRecord = maxRecord;
    }

    /** The bytes; valid from {@link #position()} to {@link #limit()}. Do not keep across {@link #fill()}. */
    public byte[] bytes() {
        return bytes;
    }

    public int position() {
        return position;
    }

    public void position(int position) {
        if (position < 0 || position > limit) {
            throw new IllegalArgumentException("position " + position + " is outside 0.." + limit);
        }
        this.position = position;
    }

    public int limit() {
        return limit;
    }

    /** True once the stream has no more bytes: what lies before the limit is all there is. */
    public boolean eof() {
        return eof;
    }

    /** The stream offset of an index into {@link #bytes()}. */
    public long offset(int index) {
        return base + index;
    }

    /**
     * Reads more bytes after the limit, first moving the unread ones to the front (indexes change: callers re-read
     * {@link #position()}). Grows the window when the unread bytes fill it.
     *
     * @return false when the stream is at its end and nothing was added
     * @throws IOException also when the unread bytes already are the longest record a window holds
     */
    public boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        compact();
        int n = in.read(bytes, limit, bytes.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** Makes sure {@code count} bytes follow the position, unless the stream ends first; true when they do. */
    public boolean request(int count) throws IOException {
        while (limit - position < count) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** The unread bytes and the rest of the stream, as a stream. */
    public InputStream asStream() {
        return new WindowStream();
    }

    private void compact() throws IOException {
        int unread = limit - position;
        if (position > 0) {
            System.arraycopy(bytes, position, bytes, 0, unread);
            base += position;
            position = 0;
            limit = unread;
        }
        if (limit == bytes.length) {
            if (limit >= maxRecord) {
                throw new IOException(String.format(
                        "a record at offset %d is longer than %d bytes: is this really text of the table's format,"
                                + " with line breaks?",
                        base, maxRecord));
            }
            byte[] larger = new byte[(int) Math.min(Math.max(bytes.length * 2L, 16), maxRecord)];
            System.arraycopy(bytes, 0, larger, 0, limit);
            bytes = larger;
        }
    }

    private final class WindowStream extends InputStream {
        @Override
        public int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return bytes[position++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position == limit && !fill()) {
                return -1;
            }
            int n = Math.min(len, limit - position);
            System.arraycopy(bytes, position, target, off, n);
            position += n;
            return n;
        }
    }
}
