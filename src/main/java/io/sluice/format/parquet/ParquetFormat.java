package io.sluice.format.parquet;

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
 * Apache Parquet, read and written with parquet-hadoop's record API straight from and to {@link io.sluice.row.Row}s.
 *
 * <p>Reading maps file columns to the table's by name without case, reads only those (other columns are not even
 * decoded), reads a column the file lacks as null and converts narrower file types as {@link
 * io.sluice.format.ValueConversions} says; a column whose type does not convert fails the open with {@link
 * io.sluice.format.IncompatibleColumnException}. A split reads the row groups whose midpoint it holds.
 *
 * <p>Writing: see {@link HiveToParquet} for the schema and logical types, {@link ParquetRowWriter} for the settings.
 */
public final class ParquetFormat implements FileFormat, FormatWriter {

    @Override
    public String name() {
        return "parquet";
    }

    /** Data classified {@code parquet}, or stored with Parquet's SerDe or input format. */
    @Override
    public boolean reads(ReadSpec spec) {
        return spec.classification().equalsIgnoreCase(StorageFormat.PARQUET.classification())
                || spec.serde().serializationLibrary().equals(StorageFormat.PARQUET.serde())
                || spec.inputFormat().equals(StorageFormat.PARQUET.inputFormat());
    }

    @Override
    public boolean splittable(Configuration conf, Path file, ReadSpec spec) {
        return true;
    }

    @Override
    public RowReader open(Configuration conf, Path file, long start, long length, ReadSpec spec) throws IOException {
        return ParquetRowReader.open(conf, file, start, length, spec.schema());
    }

    @Override
    public RowWriter create(Configuration conf, Path file, StructType schema, Compression compression)
            throws IOException {
        return ParquetRowWriter.create(conf, file, schema, compression);
    }

    @Override
    public String extension(Compression compression) {
        return ".parquet";
    }
}
