package io.sluice.classify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;

/** Samples of real local files, read the way the crawler reads them. */
public final class ClassifierTestFiles {
    public static final int BOUND = 64 * 1024;

    private ClassifierTestFiles() {}

    public static Configuration conf() {
        return new Configuration();
    }

    /** The sample the crawler would take of this file. */
    public static FileSample sample(Path file) throws IOException {
        return sample(file, BOUND);
    }

    public static FileSample sample(Path file, int bound) throws IOException {
        LocalFileSystem fs = FileSystem.getLocal(conf());
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
        return FileSample.read(fs, fs.getFileStatus(path), bound);
    }

    /** A copy of the file without its last {@code cut} bytes, as a transfer cut short leaves it. */
    public static Path truncatedCopy(Path file, int cut, Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(target, Arrays.copyOf(bytes, bytes.length - cut));
        return target;
    }

    /** A copy of the file with {@code length} bytes from {@code offset} overwritten by {@code value}. */
    public static Path damagedCopy(Path file, int offset, int length, byte value, Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Arrays.fill(bytes, offset, offset + length, value);
        Files.write(target, bytes);
        return target;
    }

    /** A gzip copy of the whole file. */
    public static Path gzipCopy(Path file, Path target) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            out.write(Files.readAllBytes(file));
        }
        return target;
    }

    /** Column name → Hive type, in column order. */
    public static Map<String, String> columnTypes(Classification classification) {
        Map<String, String> types = new LinkedHashMap<>();
        for (InferredColumn column : classification.columns()) {
            types.put(column.name(), column.type().toString());
        }
        return types;
    }

    /** The reason given for one column. */
    public static String columnReason(Classification classification, String column) {
        return classification.columns().stream()
                .filter(c -> c.name().equals(column))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no column " + column + " in " + classification.columns()))
                .reason();
    }

    public static org.apache.hadoop.fs.Path hadoopPath(Path file) {
        return new org.apache.hadoop.fs.Path(file.toUri());
    }
}
