package io.sluice.job;

import io.sluice.format.Compression;
import java.util.List;
import java.util.Locale;

/** The formats a job writes, each with its writing options and default compression. */
public enum OutputFormat {
    PARQUET(List.of(), Compression.SNAPPY),
    ORC(List.of(), Compression.SNAPPY),
    /** Text with a header line by default; not compressed unless asked, so that any tool reads it. */
    CSV(FormatOptions.CSV_WRITE, Compression.NONE),
    /** JSON lines; not compressed unless asked. */
    JSON(List.of(), Compression.NONE);

    /** The format written unless told otherwise. */
    public static final OutputFormat DEFAULT = PARQUET;

    private final List<String> options;
    private final Compression defaultCompression;

    OutputFormat(List<String> options, Compression defaultCompression) {
        this.options = options;
        this.defaultCompression = defaultCompression;
    }

    /** The options this format takes, as written in definitions. */
    public List<String> options() {
        return options;
    }

    /** Snappy for Parquet and ORC, none for the text formats. */
    public Compression defaultCompression() {
        return defaultCompression;
    }

    /** The name used in definitions: {@code parquet}, {@code orc}, {@code csv}, {@code json}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
