package io.sluice.format.csv;

import io.sluice.SluiceException;
import io.sluice.catalog.StorageFormat;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import java.util.Map;
import java.util.TreeMap;

/**
 * How delimited text is written, from a job's output options: {@code header} (default true), {@code delimiter}
 * (default {@code ,}), {@code quote} (default {@code "}), {@code escape} (default: the quote, so quotes inside values
 * are doubled as RFC 4180 has it; another character escapes quotes and itself), {@code null_value} (default: the empty
 * field) and {@code quote_all} (default false: values are quoted only when they hold the delimiter, the quote, the
 * escape or a line break). Separators are ASCII characters other than line breaks.
 */
public record DelimitedWriteOptions(
        boolean header, char delimiter, char quote, char escape, String nullValue, boolean quoteAll) {
    /** RFC 4180 with a header line, as Spark and Glue write CSV. */
    public static final DelimitedWriteOptions DEFAULT = new DelimitedWriteOptions(true, ',', '"', '"', "", false);

    public DelimitedWriteOptions {
        java.util.Objects.requireNonNull(nullValue, "nullValue is null");
        separator("delimiter", delimiter);
        separator("quote", quote);
        separator("escape", escape);
        if (delimiter == quote || delimiter == escape) {
            throw SluiceException.invalidArgument(
                    "the delimiter '%s' cannot also be the quote or the escape character", delimiter);
        }
    }

    /** The options as a job's output writes them (values checked already); absent ones take their defaults. */
    public static DelimitedWriteOptions of(Map<String, String> options) {
        char quote = character(options, "quote", DEFAULT.quote);
        return new DelimitedWriteOptions(
                Boolean.parseBoolean(options.getOrDefault("header", "true")),
                character(options, "delimiter", DEFAULT.delimiter),
                quote,
                character(options, "escape", quote),
                options.getOrDefault("null_value", DEFAULT.nullValue),
                Boolean.parseBoolean(options.getOrDefault("quote_all", "false")));
    }

    /** True when quotes inside values are written twice rather than escaped. */
    public boolean doublesQuotes() {
        return escape == quote;
    }

    /** OpenCSVSerde's parameters, which Sluice, Hive, Athena and Trino read the files with. */
    public Map<String, String> serdeParameters() {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("separatorChar", String.valueOf(delimiter));
        parameters.put("quoteChar", String.valueOf(quote));
        parameters.put("escapeChar", String.valueOf(escape));
        return parameters;
    }

    /**
     * The table parameters the crawler records for such files (Glue's names): classification, delimiter, quote, the
     * header line to skip; and {@code sluice.multiline} when text columns may hold quoted line breaks, so that readers
     * do not cut the files at lines inside values.
     */
    public Map<String, String> tableParameters(StructType schema) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("classification", StorageFormat.CSV.classification());
        parameters.put("delimiter", String.valueOf(delimiter));
        parameters.put("quoteChar", String.valueOf(quote));
        parameters.put("columnsOrdered", "true");
        parameters.put("areColumnsQuoted", String.valueOf(quoteAll));
        if (header) {
            parameters.put("skip.header.line.count", "1");
        }
        if (schema.fields().stream().anyMatch(f -> f.type().isText())) {
            parameters.put("sluice.multiline", "true");
        }
        return parameters;
    }

    /** The type a column has in the catalog: nested values are JSON text, which CSV SerDes read as strings. */
    public static DataType catalogType(DataType type) {
        return type instanceof StructType || type instanceof ArrayType || type instanceof MapType
                ? io.sluice.types.PrimitiveType.STRING
                : type;
    }

    private static char character(Map<String, String> options, String key, char otherwise) {
        String value = options.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value.length() != 1) {
            throw SluiceException.invalidArgument("CSV option %s '%s' must be one character", key, value);
        }
        return value.charAt(0);
    }

    private static void separator(String what, char c) {
        if (c >= 0x80 || c == '\n' || c == '\r') {
            throw SluiceException.invalidArgument(
                    "CSV %s U+%04X must be an ASCII character other than a line break", what, (int) c);
        }
    }
}
