package io.sluice.format;

import io.sluice.catalog.SerDeInfo;
import io.sluice.catalog.StorageFormat;
import io.sluice.cluster.HadoopConfigurations;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Writing and reading whole files in tests. */
public final class FormatTesting {
    private FormatTesting() {}

    public static Configuration conf() {
        return HadoopConfigurations.local();
    }

    public static StructType schema(String fields) {
        return (StructType) DataType.parse("struct<" + fields + ">");
    }

    public static ReadSpec spec(StructType schema, StorageFormat format) {
        return new ReadSpec(
                schema,
                format.inputFormat(),
                SerDeInfo.of(format.serde()),
                Map.of("classification", format.classification()));
    }

    public static Path path(java.nio.file.Path file) {
        return new Path(file.toUri());
    }

    public static void write(FormatWriter format, Path file, StructType schema, List<Row> rows) throws IOException {
        write(format, conf(), file, schema, rows, Compression.DEFAULT);
    }

    public static void write(
            FormatWriter format,
            Configuration conf,
            Path file,
            StructType schema,
            List<Row> rows,
            Compression compression)
            throws IOException {
        try (RowWriter writer = format.create(conf, file, schema, compression)) {
            for (Row row : rows) {
                writer.write(row);
            }
        }
    }

    /** Every row of the file, read as one split. */
    public static List<Row> read(FileFormat format, Path file, StructType schema, StorageFormat storage)
            throws IOException {
        long length = file.getFileSystem(conf()).getFileStatus(file).getLen();
        return read(format, file, 0, length, spec(schema, storage));
    }

    /** The rows of one split; a bad record fails the test. */
    public static List<Row> read(FileFormat format, Path file, long start, long length, ReadSpec spec)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        try (RowReader reader = format.open(conf(), file, start, length, spec)) {
            Row row = new Row(spec.schema().fields().size());
            while (reader.next(row)) {
                rows.add(row.copy());
            }
        } catch (BadRecordException e) {
            throw new AssertionError("unexpected bad record: " + e.getMessage(), e);
        }
        return rows;
    }

    /** The rows from where the second of {@code count} splits of equal length starts, read with an unbounded length. */
    public static List<Row> readRest(FileFormat format, Path file, StructType schema, StorageFormat storage, int count)
            throws IOException {
        long length = file.getFileSystem(conf()).getFileStatus(file).getLen();
        long size = (length + count - 1) / count;
        return read(format, file, size, Long.MAX_VALUE, spec(schema, storage));
    }

    /** The rows of each of {@code count} splits of equal length. */
    public static List<List<Row>> readSplits(
            FileFormat format, Path file, StructType schema, StorageFormat storage, int count) throws IOException {
        long length = file.getFileSystem(conf()).getFileStatus(file).getLen();
        long size = (length + count - 1) / count;
        List<List<Row>> splits = new ArrayList<>();
        for (long start = 0; start < length; start += size) {
            splits.add(read(format, file, start, Math.min(size, length - start), spec(schema, storage)));
        }
        return splits;
    }
}
