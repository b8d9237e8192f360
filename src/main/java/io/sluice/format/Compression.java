package io.sluice.format;

/**
 * How a {@link FormatWriter} compresses the data of a file. {@link #DEFAULT} is {@link #SNAPPY}: fast to write and to
 * read, readable by every engine, the choice of Hive, Spark and Glue.
 */
public enum Compression {
    NONE,
    SNAPPY,
    /** Smaller files than Snappy at a somewhat higher CPU cost. */
    ZSTD,
    /** Deflate: GZIP in Parquet, ZLIB in ORC (the same algorithm in ORC's framing). */
    GZIP;

    /** The compression Sluice writes with unless told otherwise. */
    public static final Compression DEFAULT = SNAPPY;
}
