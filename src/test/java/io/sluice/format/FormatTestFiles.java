package io.sluice.format;

import io.sluice.classify.Classification;
import io.sluice.classify.Classifier;
import io.sluice.classify.FileSample;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Files for format tests: classified by the real classifiers, read back through a {@link FileFormat}. */
public final class FormatTestFiles {
    private static final Configuration CONF = new Configuration();

    private FormatTestFiles() {}

    /** What reading a file gave: rows (copied) and bad records, and both in reading order as text. */
    public record Read(List<Row> rows, List<BadRecordException> bad, List<String> events) {
        public List<String> messages() {
            return bad.stream().map(Throwable::getMessage).toList();
        }
    }

    public static Configuration conf() {
        return CONF;
    }

    /** The read spec a table classified so would have: its columns, storage and parameters. */
    public static ReadSpec spec(Classification classification) {
        return new ReadSpec(
                Schemas.struct(classification.catalogColumns()),
                classification.inputFormat(),
                classification.serde(),
                classification.parameters());
    }

    /** Classifies the content as the crawler would (the whole content is the sample). */
    public static Classification classify(Classifier classifier, String name, byte[] content) {
        try {
            return classifier
                    .classify(FileSample.of(name, content))
                    .orElseThrow(() -> new AssertionError(classifier.name() + " did not claim " + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(java.nio.file.Path dir, String name, byte[] content) {
        try {
            java.nio.file.Path file = dir.resolve(name);
            Files.write(file, content);
            return new Path(file.toUri());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static long length(Path file) {
        try {
            return file.getFileSystem(CONF).getFileStatus(file).getLen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the whole file. */
    public static Read read(FileFormat format, Path file, ReadSpec spec) {
        return read(format, file, spec, 0, length(file));
    }

    /** Reads one split. */
    public static Read read(FileFormat format, Path file, ReadSpec spec, long start, long length) {
        return read(format, file, spec, start, length, null);
    }

    /**
     * Reads one split as a mapper's row loop does: {@link RowReader#nextUntilPause} until it stops, then one record
     * with {@link RowReader#next}; the events are those {@link #read} gives, and {@code pauses} counts the stops.
     */
    public static Read readPausing(FileFormat format, Path file, ReadSpec spec, long start, long length, int[] pauses) {
        return read(format, file, spec, start, length, pauses);
    }

    private static Read read(FileFormat format, Path file, ReadSpec spec, long start, long length, int[] pauses) {
        List<Row> rows = new ArrayList<>();
        List<BadRecordException> bad = new ArrayList<>();
        List<String> events = new ArrayList<>();
        int width = spec.schema().fields().size();
        try (RowReader reader = format.open(CONF, file, start, length, spec)) {
            Row row = new Row(width);
            while (true) {
                try {
                    if (!(pauses != null && nextUntilPause(reader, row, pauses) || reader.next(row))) {
                        break;
                    }
                    rows.add(row.copy());
                    events.add(row.toString());
                } catch (BadRecordException e) {
                    bad.add(e);
                    events.add("bad: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read(rows, bad, events);
    }

    private static boolean nextUntilPause(RowReader reader, Row row, int[] pauses)
            throws IOException, BadRecordException {
        if (reader.nextUntilPause(row)) {
            return true;
        }
        pauses[0]++;
        return false;
    }

    /** Reads the file in splits of {@code size} bytes, one after another, as a job's map tasks would. */
    public static Read readInSplits(FileFormat format, Path file, ReadSpec spec, long size) {
        long length = length(file);
        List<Row> rows = new ArrayList<>();
        List<BadRecordException> bad = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (long start = 0; start < length; start += size) {
            Read split = read(format, file, spec, start, Math.min(size, length - start));
            rows.addAll(split.rows());
            bad.addAll(split.bad());
            events.addAll(split.events());
        }
        return new Read(rows, bad, events);
    }

    /** Reads the file in {@code splits} splits of (about) equal size. */
    public static Read readInEqualSplits(FileFormat format, Path file, ReadSpec spec, int splits) {
        long length = length(file);
        return readInSplits(format, file, spec, (length + splits - 1) / splits);
    }
}
