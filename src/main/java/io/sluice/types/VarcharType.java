package io.sluice.types;

/** {@code varchar(n)}: text of at most n characters, 1 ≤ n ≤ 65535. */
public record VarcharType(int length) implements DataType {
    public static final int MAX_LENGTH = 65535;

    public VarcharType {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "varchar length must be between 1 and " + MAX_LENGTH + ", got " + length);
        }
    }

    public static VarcharType of(int length) {
        return new VarcharType(length);
    }

    @Override
    public String toString() {
        return "varchar(" + length + ")";
    }
}
