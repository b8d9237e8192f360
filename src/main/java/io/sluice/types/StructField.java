package io.sluice.types;

import static java.util.Objects.requireNonNull;

/** One named field of a {@link StructType}. Names keep their case; Hive compares them without it. */
public record StructField(String name, DataType type) {
    public StructField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("struct field name is empty");
        }
    }

    public static StructField of(String name, DataType type) {
        return new StructField(name, type);
    }

    /** Written out for the reason {@link StructType#equals} is. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StructField that && name.equals(that.name) && type.equals(that.type);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + type.hashCode();
    }

    @Override
    public String toString() {
        return Identifiers.quoteIfNeeded(name) + ":" + type;
    }
}
