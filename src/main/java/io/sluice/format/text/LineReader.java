package io.sluice.format.text;

import java.io.IOException;

/**
 * Reads the lines of a {@link TextSplit} in place: after {@link #next()}, the line is {@link #bytes()} from {@link
 * #start()} to {@link #end()}, without its line break, until the next call. Lines end at LF, CR or CRLF.
 */
public final class LineReader {
    private final ByteWindow window;
    private final long splitEnd;
    private final LineNumbers numbers;
    private long linesRead = -1;
    private int start;
    private int end;

    public LineReader(TextSplit split) {
        this.window = split.window();
        this.splitEnd = split.end();
        this.numbers = split.lineNumbers();
    }

    /** Moves to the next line of the split; false when the split has no more. */
    public boolean next() throws IOException {
        if (!window.request(1) || window.offset(window.position()) >= splitEnd) {
            return false;
        }
        linesRead++;
        while (true) {
            byte[] bytes = window.bytes();
            int limit = window.limit();
            int from = window.position();
            int i = from;
            while (i < limit && bytes[i] != LineBreaks.LF && bytes[i] != LineBreaks.CR) {
                i++;
            }
            int after = i < limit ? LineBreaks.afterBreak(bytes, i, limit, window.eof()) : window.eof() ? limit : -1;
            if (after >= 0) {
                start = from;
                end = i;
                window.position(after);
                return true;
            }
            window.fill(); // the line goes on past the window, or a CR at its end may pair with an LF
        }
    }

    public byte[] bytes() {
        return window.bytes();
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** True when the line holds nothing but spaces and tabs. */
    public boolean isBlank() {
        byte[] bytes = window.bytes();
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The 1-based number of the current line in the file. */
    public long lineNumber() throws IOException {
        return numbers.line(linesRead);
    }
}
