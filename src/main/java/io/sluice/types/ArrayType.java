package io.sluice.types;

import static java.util.Objects.requireNonNull;

/** {@code array<T>}. */
public record ArrayType(DataType elementType) implements DataType {
    public ArrayType {
        requireNonNull(elementType, "elementType is null");
    }

    public static ArrayType of(DataType elementType) {
        return new ArrayType(elementType);
    }

    @Override
    public String toString() {
        return "array<" + elementType + ">";
    }
}
