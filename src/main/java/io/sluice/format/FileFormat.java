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

    /**
     * True when a file of this format can be read in parts by several readers at once ({@link #open} with a start
     * after 0 finds the records that start in its part). A reader of a file that is not splittable reads it whole from
     * a split at 0 and nothing from any other split, so asking is an optimization, never a matter of correctness.
     */
    default boolean splittable(Configuration conf, Path file, ReadSpec spec) {
        return false;
    }
}
