package io.sluice.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.format.TextValueParser;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.io.IOException;
import java.io.StringWriter;

/**
 * A JSON scalar as a value of a primitive column:
 *
 * <ul>
 *   <li>strings are parsed as {@link TextValueParser} parses text (dates and timestamps with the recorded format,
 *       {@code ""} and {@code "\N"} null) — but a text column keeps a JSON string as it is, since JSON marks nulls
 *       itself;
 *   <li>integers fit integral columns within their range, and any number fits decimal (exactly, from its text, with
 *       the column's scale), double and float columns; a number with a fraction or exponent in an integral column is
 *       bad ({@code 1.5} is not an int);
 *   <li>{@code true}/{@code false} fit boolean columns;
 *   <li>text columns take any value: numbers and booleans as written, objects and arrays as their JSON text (the
 *       classifier types a field whose values are of different kinds as string);
 *   <li>anything else is a bad record naming the path.
 * </ul>
 */
final class JsonPrimitiveConverter implements JsonConverter {
    private static final JsonFactory GENERATORS = new JsonFactory();

    private final String path;
    private final DataType type;
    private final TextValueParser parser;

    JsonPrimitiveConverter(String path, TextValueParser parser) {
        this.path = path;
        this.type = parser.type();
        this.parser = parser;
    }

    @Override
    public Object read(JsonParser json) throws IOException {
        return switch (json.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> string(json.getText());
            case VALUE_NUMBER_INT -> integer(json);
            case VALUE_NUMBER_FLOAT -> fraction(json);
            case VALUE_TRUE -> bool(json, Boolean.TRUE);
            case VALUE_FALSE -> bool(json, Boolean.FALSE);
            default -> structure(json);
        };
    }

    private Object string(String text) {
        if (type == PrimitiveType.STRING) {
            return text;
        }
        if (type.isText() && parser.isNull(text)) {
            return text; // "" and "\N" are text in JSON, which writes null as null
        }
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new JsonValueException(path, text, e.getMessage());
        }
    }

    private Object integer(JsonParser json) throws IOException {
        if (type.isText()) {
            return string(json.getText());
        }
        if (type instanceof DecimalType) {
            return string(json.getText());
        }
        if (!(type instanceof PrimitiveType primitive)) {
            throw mismatch(path, json, type);
        }
        return switch (primitive) {
            case TINYINT, SMALLINT, INT, BIGINT -> integral(json, primitive);
            case FLOAT -> json.getFloatValue();
            case DOUBLE -> json.getDoubleValue();
            default -> throw mismatch(path, json, type);
        };
    }

    private Object integral(JsonParser json, PrimitiveType primitive) throws IOException {
        if (json.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long value = json.getLongValue();
            switch (primitive) {
                case TINYINT:
                    if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
                        return (byte) value;
                    }
                    break;
                case SMALLINT:
                    if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
                        return (short) value;
                    }
                    break;
                case INT:
                    if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                        return (int) value;
                    }
                    break;
                default:
                    return value;
            }
        }
        throw mismatch(path, json, type);
    }

    private Object fraction(JsonParser json) throws IOException {
        if (type.isText() || type instanceof DecimalType) {
            return string(json.getText());
        }
        if (type == PrimitiveType.DOUBLE) {
            return json.getDoubleValue();
        }
        if (type == PrimitiveType.FLOAT) {
            return json.getFloatValue();
        }
        throw mismatch(path, json, type);
    }

    private Object bool(JsonParser json, Boolean value) throws IOException {
        if (type == PrimitiveType.BOOLEAN) {
            return value;
        }
        if (type.isText()) {
            return string(json.getText());
        }
        throw mismatch(path, json, type);
    }

    private Object structure(JsonParser json) throws IOException {
        if (!type.isText()) {
            throw mismatch(path, json, type);
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = GENERATORS.createGenerator(text)) {
            generator.copyCurrentStructure(json);
        }
        return string(text.toString());
    }

    /** The value at the parser does not fit the type: its text for scalars, its kind for objects and arrays. */
    static JsonValueException mismatch(String path, JsonParser json, DataType type) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return new JsonValueException(path, null, "an object is not a valid " + type);
        }
        if (token == JsonToken.START_ARRAY) {
            return new JsonValueException(path, null, "an array is not a valid " + type);
        }
        return new JsonValueException(path, json.getText(), "is not a valid " + type);
    }
}
