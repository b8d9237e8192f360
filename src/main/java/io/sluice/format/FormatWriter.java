package io.sluice.format;

import io.sluice.types.StructType;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A storage format Sluice writes: creates a new file of rows of a schema, with every column nullable and the logical
 * types other engines (Hive, Spark, Trino, Athena) read as the schema's Hive types.
 */
public interface FormatWriter {

    /**
     * Creates {@code file} (it must not exist) and returns a writer for it.
     *
     * @param conf the Hadoop configuration: the file system, and the format's own tuning keys where it has them
     */
    RowWriter create(Configuration conf, Path file, StructType schema, Compression compression) throws IOException;

    /** What the names of its files end with, compressed so: {@code .parquet}, {@code .csv.gz}... */
    String extension(Compression compression);
}
