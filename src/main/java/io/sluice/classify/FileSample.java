package io.sluice.classify;

import static java.util.Objects.requireNonNull;

import io.sluice.format.text.TextCodecs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * What a classifier sees of one file: its first bytes (decompressed when a Hadoop codec matches the file name) up to
 * a bound, and — for formats that keep their metadata elsewhere, such as the Parquet and ORC footers — the file itself
 * through {@link #path()} and {@link #configuration()}.
 */
public final class FileSample {
    private final Path path;
    private final Configuration configuration;
    private final long length;
    private final Optional<String> compression;
    private final byte[] head;
    private final boolean complete;

    private FileSample(
            Path path,
            Configuration configuration,
            long length,
            Optional<String> compression,
            byte[] head,
            boolean complete) {
        this.path = requireNonNull(path, "path is null");
        this.configuration = requireNonNull(configuration, "configuration is null");
        this.length = length;
        this.compression = requireNonNull(compression, "compression is null");
        this.head = requireNonNull(head, "head is null");
        this.complete = complete;
    }

    /**
     * Reads the first {@code bound} bytes of a file's content, decompressing through the codec its name implies.
     */
    public static FileSample read(FileSystem fs, FileStatus status, int bound) throws IOException {
        return read(fs, status, bound, new CompressionCodecFactory(fs.getConf()));
    }

    /** As {@link #read(FileSystem, FileStatus, int)}, with a codec factory shared by many reads. */
    public static FileSample read(FileSystem fs, FileStatus status, int bound, CompressionCodecFactory codecs)
            throws IOException {
        return read(fs, status.getPath(), status.getLen(), bound, codecs);
    }

    /** As {@link #read(FileSystem, FileStatus, int)}, for a file whose path and length the caller knows. */
    public static FileSample read(FileSystem fs, Path path, long length, int bound, CompressionCodecFactory codecs)
            throws IOException {
        Configuration conf = fs.getConf();
        CompressionCodec codec = TextCodecs.usable(codecs.getCodec(path), conf);
        Optional<String> compression = compressionType(codec);
        // An uncompressed file needs a buffer no larger than itself (crawls read many small files); the byte past the
        // bound tells whether the bound cut the content.
        try (FSDataInputStream raw = fs.open(path);
                InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
            long expected = codec == null ? Math.min(length, bound) : Math.min(bound, 64 * 1024);
            byte[] head = readHead(in, (int) expected + 1, bound + 1);
            boolean complete = head.length <= bound;
            return new FileSample(
                    path, conf, length, compression, complete ? head : Arrays.copyOf(head, bound), complete);
        }
    }

    /** A sample of in-memory content, for tests and for callers that already hold the bytes. */
    public static FileSample of(String name, byte[] content) {
        return new FileSample(
                new Path(name), new Configuration(false), content.length, Optional.empty(), content.clone(), true);
    }

    /** A sample of a local or Hadoop file whose head the caller already read. */
    public static FileSample of(
            Path path,
            Configuration configuration,
            long length,
            Optional<String> compression,
            byte[] head,
            boolean complete) {
        return new FileSample(path, configuration, length, compression, head.clone(), complete);
    }

    public Path path() {
        return path;
    }

    public String fileName() {
        return path.getName();
    }

    public Configuration configuration() {
        return configuration;
    }

    /** Bytes on storage (compressed size for compressed files). */
    public long length() {
        return length;
    }

    /** The Glue {@code compressionType} of the file ({@code gzip}, {@code bzip2}...), empty when not compressed. */
    public Optional<String> compression() {
        return compression;
    }

    /** The first bytes of the (decompressed) content; do not modify. */
    public byte[] head() {
        return head;
    }

    /** True when {@link #head()} holds the whole content. */
    public boolean complete() {
        return complete;
    }

    /** The head as a stream. */
    public InputStream headStream() {
        return new ByteArrayInputStream(head);
    }

    /** Opens the raw file for random access (footers); the caller closes it. */
    public FSDataInputStream open() throws IOException {
        return path.getFileSystem(configuration).open(path);
    }

    /** Reads up to {@code limit} bytes, starting with a buffer of {@code initial} bytes and growing it as needed. */
    private static byte[] readHead(InputStream in, int initial, int limit) throws IOException {
        byte[] buffer = new byte[Math.max(1, Math.min(initial, limit))];
        int total = 0;
        while (total < limit) {
            if (total == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, 2L * buffer.length));
            }
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total == buffer.length ? buffer : Arrays.copyOf(buffer, total);
    }

    /** The Glue {@code compressionType} of a Hadoop codec ({@code gzip}, {@code bzip2}...); empty for none. */
    public static Optional<String> compressionType(CompressionCodec codec) {
        if (codec == null) {
            return Optional.empty();
        }
        String name = codec.getClass().getSimpleName().replace("Codec", "").toLowerCase(java.util.Locale.ROOT);
        return Optional.of(
                switch (name) {
                    case "default" -> "deflate";
                    case "zstandard" -> "zstd";
                    default -> name;
                });
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
