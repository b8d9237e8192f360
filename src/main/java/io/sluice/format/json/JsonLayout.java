package io.sluice.format.json;

import io.sluice.SluiceException;
import io.sluice.format.ReadSpec;
import java.util.Locale;

/** How a JSON file holds its records: table parameter {@code sluice.json.layout}, {@code lines} when absent. */
enum JsonLayout {
    /** One object per line: files split at lines. */
    LINES,
    /** One array of objects: read whole. */
    ARRAY,
    /** Objects one after another, across lines: read whole. */
    CONCATENATED;

    static final String PARAMETER = "sluice.json.layout";

    static JsonLayout of(ReadSpec spec) {
        String value = spec.parameter(PARAMETER).orElse("lines");
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SluiceException.invalidArgument(
                    "table parameter %s '%s' is not a JSON layout; use lines, array or concatenated", PARAMETER, value);
        }
    }
}
