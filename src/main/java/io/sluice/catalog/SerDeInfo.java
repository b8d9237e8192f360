package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The Hive serializer/deserializer of a storage descriptor and its parameters (field.delim, separatorChar...). */
public record SerDeInfo(Optional<String> name, String serializationLibrary, Map<String, String> parameters) {
    public SerDeInfo {
        requireNonNull(name, "name is null");
        requireNonNull(serializationLibrary, "serializationLibrary is null");
        parameters = Parameters.copyOf(parameters);
    }

    public static SerDeInfo of(String serializationLibrary) {
        return new SerDeInfo(Optional.empty(), serializationLibrary, Map.of());
    }

    public static SerDeInfo of(String serializationLibrary, Map<String, String> parameters) {
        return new SerDeInfo(Optional.empty(), serializationLibrary, parameters);
    }

    public SerDeInfo withParameter(String key, String value) {
        Map<String, String> copy = new TreeMap<>(parameters);
        copy.put(key, value);
        return new SerDeInfo(name, serializationLibrary, copy);
    }
}
