package io.sluice.job;

import java.util.List;
import java.util.Locale;

/** The formats a {@link PathSource} reads, each with the options it takes. */
public enum SourceFormat {
    CSV(FormatOptions.CSV_READ),
    JSON(FormatOptions.JSON_READ),
    PARQUET(List.of()),
    ORC(List.of()),
    AVRO(List.of());

    private final List<String> options;

    SourceFormat(List<String> options) {
        this.options = options;
    }

    /** The options this format takes, as written in definitions. */
    public List<String> options() {
        return options;
    }

    /** True for formats whose files describe their own schema, so a path source needs none declared. */
    public boolean isSelfDescribing() {
        return this == PARQUET || this == ORC || this == AVRO;
    }

    /** The name used in definitions: {@code csv}, {@code parquet}... */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
