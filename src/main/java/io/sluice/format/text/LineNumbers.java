package io.sluice.format.text;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The 1-based line number of the first line a split reads, from which its readers number the lines they read. A
 * split that does not start the file learns it only when asked — when a bad record needs its line — by counting the
 * line breaks before it once, so splits without bad records never read the bytes before them.
 */
public final class LineNumbers {
    private final Configuration conf;
    private final Path file;
    private final long offset;
    private long first;

    private LineNumbers(Configuration conf, Path file, long offset, long first) {
        this.conf = conf;
        this.file = file;
        this.offset = offset;
        this.first = first;
    }

    /** The split's first line has this number. */
    public static LineNumbers known(long first) {
        return new LineNumbers(null, null, 0, first);
    }

    /** The split's first line starts at this offset of an uncompressed file. */
    public static LineNumbers counted(Configuration conf, Path file, long offset) {
        return new LineNumbers(conf, file, offset, -1);
    }

    /** The number of the line {@code linesRead} lines after the split's first line. */
    public long line(long linesRead) throws IOException {
        if (first < 0) {
            first = countLines() + 1;
        }
        return first + linesRead;
    }

    private long countLines() throws IOException {
        long lines = 0;
        try (InputStream in = file.getFileSystem(conf).open(file)) {
            byte[] buffer = new byte[64 * 1024];
            long remaining = offset;
            boolean afterCr = false;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    // CRLF is one break: its LF is not counted again.
                    if (b == LineBreaks.CR || (b == LineBreaks.LF && !afterCr)) {
                        lines++;
                    }
                    afterCr = b == LineBreaks.CR;
                }
                remaining -= n;
            }
        }
        return lines;
    }
}
