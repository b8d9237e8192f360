package io.sluice.format.avro;

import io.sluice.catalog.StorageFormat;
import io.sluice.format.FileFormat;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Avro data files (object container files), read with Avro's generic reader.
 *
 * <p>Reading maps the record's fields to the table's columns by name without case, has Avro skip the other fields,
 * reads a column the file lacks as null and converts narrower file types as {@link
 * io.sluice.format.ValueConversions} says; a column whose type does not convert fails the open with {@link
 * io.sluice.format.IncompatibleColumnException}. Values: enums and {@code uuid} as string, bytes and fixed as binary,
 * the {@code decimal}, {@code date}, {@code timestamp-*} and {@code local-timestamp-*} logical types as their Hive
 * types (timestamps as UTC wall-clock time). A record whose value cannot be converted (a decimal with more digits than
 * its logical type says) is a bad record; the reader goes on with the next.
 */
public final class AvroFormat implements FileFormat {

    @Override
    public String name() {
        return "avro";
    }

    /** Data classified {@code avro}, or stored with Avro's SerDe or input format. */
    @Override
    public boolean reads(ReadSpec spec) {
        return spec.classification().equalsIgnoreCase(StorageFormat.AVRO.classification())
                || spec.serde().serializationLibrary().equals(StorageFormat.AVRO.serde())
                || spec.inputFormat().equals(StorageFormat.AVRO.inputFormat());
    }

    @Override
    public boolean splittable(Configuration conf, Path file, ReadSpec spec) {
        return true;
    }

    @Override
    public RowReader open(Configuration conf, Path file, long start, long length, ReadSpec spec) throws IOException {
        return AvroRowReader.open(conf, file, start, length, spec.schema());
    }
}
