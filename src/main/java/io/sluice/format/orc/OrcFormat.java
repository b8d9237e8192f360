package io.sluice.format.orc;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.Compression;
import io.sluice.format.FileFormat;
import io.sluice.format.FormatWriter;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.RowWriter;
import io.sluice.types.StructType;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Apache ORC, read and written a {@link org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch} at a time with
 * orc-core.
 *
 * <p>Reading maps file columns to the table's by name without case (by position in files from before Hive 0.13),
 * reads only those, reads a column the file lacks as null and converts narrower file types as {@link
 * io.sluice.format.ValueConversions} says; a column whose type does not convert fails the open with {@link
 * io.sluice.format.IncompatibleColumnException}. A split reads the stripes that start in it.
 *
 * <p>Writing: see {@link HiveToOrc} for the schema; {@link Compression#GZIP} is ORC's ZLIB.
 *
 * <p>Two limits of the ORC format itself: {@code char(n)} values are padded with spaces when written and read without
 * trailing spaces; and a timestamp less than a second before 1970-01-01 with a fraction of a second (ORC stores
 * seconds truncated toward zero) reads as the same fraction after 1970-01-01T00:00:00.
 */
public final class OrcFormat implements FileFormat, FormatWriter {

    @Override
    public String name() {
        return "orc";
    }

    /** Data classified {@code orc}, or stored with ORC's SerDe or input format. */
    @Override
    public boolean reads(ReadSpec spec) {
        return spec.classification().equalsIgnoreCase(StorageFormat.ORC.classification())
                || spec.serde().serializationLibrary().equals(StorageFormat.ORC.serde())
                || spec.inputFormat().equals(StorageFormat.ORC.inputFormat());
    }

    @Override
    public boolean splittable(Configuration conf, Path file, ReadSpec spec) {
        return true;
    }

    @Override
    public RowReader open(Configuration conf, Path file, long start, long length, ReadSpec spec) throws IOException {
        return OrcRowReader.open(conf, file, start, length, spec.schema());
    }

    @Override
    public RowWriter create(Configuration conf, Path file, StructType schema, Compression compression)
            throws IOException {
        return OrcRowWriter.create(conf, file, schema, compression);
    }

    @Override
    public String extension(Compression compression) {
        return ".orc";
    }
}
