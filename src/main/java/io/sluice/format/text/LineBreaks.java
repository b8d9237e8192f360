package io.sluice.format.text;

import java.io.IOException;

/**
 * Line handling on a {@link ByteWindow}, as Hadoop's line reader does it: a line ends at LF, CR or CRLF, whatever
 * line ending the file mostly uses.
 */
public final class LineBreaks {
    public static final byte LF = '\n';
    public static final byte CR = '\r';

    private LineBreaks() {}

    /**
     * Moves the window's position past the next line break, or to the end of the stream.
     *
     * @return false when the position was already at the end of the stream
     */
    public static boolean skipLine(ByteWindow window) throws IOException {
        if (!window.request(1)) {
            return false;
        }
        while (true) {
            byte[] bytes = window.bytes();
            int limit = window.limit();
            int i = window.position();
            while (i < limit && bytes[i] != LF && bytes[i] != CR) {
                i++;
            }
            if (i == limit) {
                window.position(limit);
                if (!window.fill()) {
                    return true;
                }
                continue;
            }
            window.position(i + 1);
            if (bytes[i] == CR && window.request(1) && window.bytes()[window.position()] == LF) {
                window.position(window.position() + 1);
            }
            return true;
        }
    }

    /** Skips a UTF-8 byte order mark at the position, if there is one. */
    public static void skipByteOrderMark(ByteWindow window) throws IOException {
        if (window.request(3)) {
            byte[] bytes = window.bytes();
            int p = window.position();
            if (bytes[p] == (byte) 0xEF && bytes[p + 1] == (byte) 0xBB && bytes[p + 2] == (byte) 0xBF) {
                window.position(p + 3);
            }
        }
    }

    /**
     * The end of the line break at {@code index} ({@code bytes[index]} is CR or LF): the index after it, or -1 when a
     * CR is the last byte and more bytes may follow, so whether an LF pairs with it is not yet known.
     */
    public static int afterBreak(byte[] bytes, int index, int limit, boolean eof) {
        if (bytes[index] == LF) {
            return index + 1;
        }
        if (index + 1 < limit) {
            return bytes[index + 1] == LF ? index + 2 : index + 1;
        }
        return eof ? index + 1 : -1;
    }
}
