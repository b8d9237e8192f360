package io.sluice.format.text;

import io.sluice.SluiceException;
import io.sluice.classify.TemporalFormat;
import io.sluice.format.ReadSpec;
import io.sluice.format.TextValueParser;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The date and timestamp formats the crawler recorded for a table: table parameter {@code sluice.format.<path>}, with
 * the column name as path, or for nested JSON fields {@code order.placed_at} and {@code events[].at}.
 */
public final class ValueFormats {
    public static final String PREFIX = "sluice.format.";

    private ValueFormats() {}

    /** The recorded format of the value at {@code path}, if any. */
    public static Optional<TemporalFormat> format(ReadSpec spec, String path) {
        return spec.parameter(PREFIX + path).map(pattern -> TemporalFormat.forPattern(pattern)
                .orElseThrow(() -> SluiceException.invalidArgument(
                        "table parameter %s%s: '%s' is not a date or timestamp format Sluice knows; use one of %s",
                        PREFIX,
                        path,
                        pattern,
                        TemporalFormat.all().stream()
                                .map(TemporalFormat::pattern)
                                .collect(Collectors.joining(", ")))));
    }

    /** The parser of text values at {@code path}, of a primitive type, with its recorded format. */
    public static TextValueParser parser(ReadSpec spec, String path, DataType type) {
        boolean temporal = type == PrimitiveType.DATE || type == PrimitiveType.TIMESTAMP;
        return TextValueParser.of(type, temporal ? format(spec, path) : Optional.empty());
    }
}
