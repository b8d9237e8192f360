package io.sluice.format;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A storage format Sluice reads: knows the tables it can read from their storage ({@link #reads}) and opens readers
 * for files or splits of them.
 */
public interface FileFormat {

    /** The name used in job definitions and messages: {@code csv}, {@code json}, {@code parquet}... */
    String name();

    /** True when this format reads data stored as the spec describes (by classification, SerDe or input format). */
    boolean reads(ReadSpec spec);

    /**
     * Opens a reader over the bytes {@code [start, start + length)} of a file; a record belongs to the split where it
     * starts. Pass {@code 0} and the file length to read it whole.
     */
    RowReader open(Configuration conf, Path file, long start, long length, ReadSpec spec) throws IOException;
}
