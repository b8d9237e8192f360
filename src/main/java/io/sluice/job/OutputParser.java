package io.sluice.job;

import io.sluice.catalog.TableId;
import io.sluice.definition.YamlMap;
import io.sluice.format.Compression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code output:} section. */
final class OutputParser {
    private OutputParser() {}

    static Optional<Output> parse(YamlMap output) {
        String path = output.requiredString("path").trim();
        OutputFormat format = output.enumValue("format", OutputFormat.class).orElse(OutputFormat.DEFAULT);
        List<String> known = new ArrayList<>(List.of("path", "format", "compression", "partition_by", "mode", "table"));
        known.addAll(format.options());
        output.rejectUnknownKeys(known.toArray(String[]::new));
        Compression compression =
                output.enumValue("compression", Compression.class).orElse(format.defaultCompression());
        Map<String, String> options = SourceParser.options(output, format.options());
        if (format == OutputFormat.CSV) {
            checkSeparators(output, options);
        }
        List<ColumnRef> partitionBy = Fields.columns(output, "partition_by");
        Output.Mode mode = output.enumValue("mode", Output.Mode.class).orElse(Output.Mode.ERROR);
        Optional<TableId> table = output.parsed("table", TableId::parse);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Output(path, format, compression, options, partitionBy, mode, table, output.line()));
    }

    /** CSV is written byte by byte: each separator is one ASCII character, and the delimiter is neither of the others. */
    private static void checkSeparators(YamlMap output, Map<String, String> options) {
        for (String key : List.of("delimiter", "quote", "escape")) {
            String value = options.get(key);
            if (value != null && (value.charAt(0) >= 0x80 || value.equals("\n") || value.equals("\r"))) {
                Fields.problem(output, key, "'" + value + "' is not an ASCII character (CSV is written as UTF-8)");
            }
        }
        String delimiter = options.getOrDefault("delimiter", ",");
        String quote = options.getOrDefault("quote", "\"");
        for (String other : List.of(quote, options.getOrDefault("escape", quote))) {
            if (other.equals(delimiter)) {
                Fields.problem(output, "delimiter", "'" + delimiter + "' cannot also be the quote or escape character");
                return;
            }
        }
    }
}
