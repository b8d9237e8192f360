package io.sluice.classify.grok;

import io.sluice.SluiceException;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The type a grok capture converts to, named as in Glue's grok classifiers ({@code %{NUMBER:bytes:long}}); without
 * one a capture is {@code string}. Glue's {@code float} becomes a Hive {@code double} in Sluice: the captured text is
 * a decimal number, and a float would lose its digits beyond the seventh.
 */
public enum GrokType {
    STRING(PrimitiveType.STRING),
    BYTE(PrimitiveType.TINYINT),
    SHORT(PrimitiveType.SMALLINT),
    INT(PrimitiveType.INT),
    LONG(PrimitiveType.BIGINT),
    FLOAT(PrimitiveType.DOUBLE),
    DOUBLE(PrimitiveType.DOUBLE),
    BOOLEAN(PrimitiveType.BOOLEAN);

    private final DataType hiveType;

    GrokType(DataType hiveType) {
        this.hiveType = hiveType;
    }

    /** The type of this name, in any case: {@code int}, {@code long}, {@code double}... */
    public static GrokType of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SluiceException.invalidArgument(
                    "unknown grok type '%s': use one of %s",
                    name, Arrays.stream(values()).map(GrokType::toString).collect(Collectors.joining(", ")));
        }
    }

    public DataType hiveType() {
        return hiveType;
    }

    /**
     * The captured text as a value of this type: {@code String}, {@code Byte}, {@code Short}, {@code Integer}, {@code
     * Long}, {@code Double} or {@code Boolean}.
     *
     * @throws IllegalArgumentException when the text is not a value of this type
     */
    public Object convert(String text) {
        return switch (this) {
            case STRING -> text;
            case BYTE -> Byte.valueOf(text);
            case SHORT -> Short.valueOf(text);
            case INT -> Integer.valueOf(text);
            case LONG -> Long.valueOf(text);
            case FLOAT, DOUBLE -> Double.valueOf(text);
            case BOOLEAN -> bool(text);
        };
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean: '" + text + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
