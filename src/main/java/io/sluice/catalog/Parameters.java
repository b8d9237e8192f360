package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Key/value parameters as the model keeps them: immutable, sorted by key, no null keys or values. */
final class Parameters {
    private Parameters() {}

    static Map<String, String> copyOf(Map<String, String> parameters) {
        requireNonNull(parameters, "parameters is null");
        TreeMap<String, String> copy = new TreeMap<>();
        parameters.forEach((key, value) -> copy.put(
                requireNonNull(key, "parameter key is null"),
                requireNonNull(value, () -> "parameter '" + key + "' is null")));
        return Collections.unmodifiableMap(copy);
    }
}
