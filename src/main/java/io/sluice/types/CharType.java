package io.sluice.types;

/** {@code char(n)}: fixed-length text of n characters, 1 ≤ n ≤ 255. */
public record CharType(int length) implements DataType {
    public static final int MAX_LENGTH = 255;

    public CharType {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("char length must be between 1 and " + MAX_LENGTH + ", got " + length);
        }
    }

    public static CharType of(int length) {
        return new CharType(length);
    }

    @Override
    public String toString() {
        return "char(" + length + ")";
    }
}
