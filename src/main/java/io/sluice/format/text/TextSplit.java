package io.sluice.format.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.Decompressor;

/**
 * The bytes of one split of a text file, positioned at the first record the split reads, and the offset where its
 * records end.
 *
 * <p>A record belongs to the split where it starts. A split at offset 0 starts after the byte order mark and the
 * {@linkplain TextLayout#headerLines() header lines}; any other split starts at the first line start at or after its
 * start offset (skipping the header too when the split starts inside it), and reads the records that start before its
 * end, the last one to its end even past the split. Files that cannot be cut at lines — compressed (bzip2 included),
 * in a charset that is not ASCII-compatible, or whose layout lets records span lines — are read whole by the split
 * at offset 0, and every other split of them reads nothing.
 *
 * <p>Text in a charset that is not ASCII-compatible (UTF-16) is handed on as UTF-8: see {@link #charset()}.
 */
public final class TextSplit implements Closeable {
    private final InputStream stream;
    private final Decompressor decompressor;
    private final ByteWindow window;
    /** The offset of the split's first record. */
    private final long first;

    private final long end;
    private final Charset charset;
    private final LineNumbers lineNumbers;

    private TextSplit(
            InputStream stream,
            Decompressor decompressor,
            ByteWindow window,
            long end,
            Charset charset,
            LineNumbers lineNumbers) {
        this.stream = stream;
        this.decompressor = decompressor;
        this.window = window;
        this.first = window.offset(window.position());
        this.end = end;
        this.charset = charset;
        this.lineNumbers = lineNumbers;
    }

    /**
     * True when a file laid out as {@code layout} says can be read in byte ranges: it is not compressed, its records
     * are lines, and its encoding keeps line breaks single ASCII bytes.
     */
    public static boolean splittable(Configuration conf, Path file, TextLayout layout) {
        return TextCodecs.forFile(conf, file) == null
                && !layout.wholeFile()
                && TextEncoding.isAsciiCompatible(layout.charset());
    }

    /** Opens the split {@code [start, start + length)} of a file laid out as {@code layout} says. */
    public static TextSplit open(Configuration conf, Path file, long start, long length, TextLayout layout)
            throws IOException {
        requireNonNull(layout, "layout is null");
        CompressionCodec codec = TextCodecs.forFile(conf, file);
        boolean whole = codec != null || layout.wholeFile() || !TextEncoding.isAsciiCompatible(layout.charset());
        if (whole && start != 0) {
            return empty(layout.charset());
        }
        FSDataInputStream raw = file.getFileSystem(conf).open(file);
        try {
            return whole ? whole(raw, codec, layout) : split(conf, file, raw, start, start + length, layout);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static TextSplit whole(FSDataInputStream raw, CompressionCodec codec, TextLayout layout)
            throws IOException {
        Decompressor decompressor = codec == null ? null : CodecPool.getDecompressor(codec);
        InputStream stream = codec == null ? raw : codec.createInputStream(raw, decompressor);
        Charset charset = layout.charset();
        if (!TextEncoding.isAsciiCompatible(charset)) {
            stream = new Utf8Transcoder(stream, charset);
            charset = UTF_8;
        }
        ByteWindow window = new ByteWindow(stream, 0, ByteWindow.DEFAULT_CAPACITY);
        skipHeader(window, charset, layout.headerLines());
        return new TextSplit(
                stream, decompressor, window, Long.MAX_VALUE, charset, LineNumbers.known(layout.headerLines() + 1));
    }

    private static TextSplit split(
            Configuration conf, Path file, FSDataInputStream raw, long start, long end, TextLayout layout)
            throws IOException {
        ByteWindow window;
        LineNumbers lineNumbers;
        if (start == 0 || layout.headerLines() > 0) {
            // Reading the header is cheap, and tells a split that starts inside it where the data begins.
            window = new ByteWindow(raw, 0, ByteWindow.DEFAULT_CAPACITY);
            skipHeader(window, layout.charset(), layout.headerLines());
            if (start == 0 || window.offset(window.position()) >= start) {
                long first = layout.headerLines() + 1;
                return new TextSplit(raw, null, window, end, layout.charset(), LineNumbers.known(first));
            }
        }
        // The byte before the start tells whether a line starts right at it: skip through the next line break.
        raw.seek(start - 1);
        window = new ByteWindow(raw, start - 1, ByteWindow.DEFAULT_CAPACITY);
        LineBreaks.skipLine(window);
        lineNumbers = LineNumbers.counted(conf, file, window.offset(window.position()));
        return new TextSplit(raw, null, window, end, layout.charset(), lineNumbers);
    }

    private static void skipHeader(ByteWindow window, Charset charset, int headerLines) throws IOException {
        if (charset.equals(UTF_8)) {
            LineBreaks.skipByteOrderMark(window);
        }
        for (int i = 0; i < headerLines && LineBreaks.skipLine(window); i++) {
            // skipped
        }
    }

    private static TextSplit empty(Charset charset) {
        InputStream nothing = InputStream.nullInputStream();
        ByteWindow window = new ByteWindow(nothing, 0, 16);
        return new TextSplit(nothing, null, window, 0, charset, LineNumbers.known(1));
    }

    /**
     * The fraction of the split's bytes read so far (up to the window's position), or -1 for a whole file read
     * through a codec or transcoder, whose length in those bytes is not known.
     */
    public float progress() {
        if (end == Long.MAX_VALUE) {
            return -1;
        }
        long length = end - first;
        return length <= 0 ? 1 : Math.min(1, (window.offset(window.position()) - first) / (float) length);
    }

    /** The bytes, positioned at the first record. */
    public ByteWindow window() {
        return window;
    }

    /** Records that start at or after this offset belong to the next split. */
    public long end() {
        return end;
    }

    /** The charset of the bytes in the window: the file's, or UTF-8 when the file's is not ASCII-compatible. */
    public Charset charset() {
        return charset;
    }

    /** The 1-based line numbers of the lines this split reads. */
    public LineNumbers lineNumbers() {
        return lineNumbers;
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            if (decompressor != null) {
                CodecPool.returnDecompressor(decompressor);
            }
        }
    }
}
