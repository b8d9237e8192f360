package io.sluice.types;

import static java.util.Objects.requireNonNull;

/** {@code map<K,V>}; as in Hive, keys are of a primitive type. */
public record MapType(DataType keyType, DataType valueType) implements DataType {
    public MapType {
        requireNonNull(keyType, "keyType is null");
        requireNonNull(valueType, "valueType is null");
        if (!keyType.isPrimitive()) {
            throw new IllegalArgumentException("map keys must be of a primitive type, got " + keyType);
        }
    }

    public static MapType of(DataType keyType, DataType valueType) {
        return new MapType(keyType, valueType);
    }

    @Override
    public String toString() {
        return "map<" + keyType + "," + valueType + ">";
    }
}
