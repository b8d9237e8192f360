package io.sluice.classify.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one JSON value from Jackson's streaming parser into its {@link JsonShape}, without building a tree.
 *
 * <p>Integers are {@code int} or {@code bigint} by range, {@code decimal(n,0)} beyond, {@code double} beyond 38
 * digits. Numbers with a fraction or exponent are {@code double}: JSON keeps no scale (most writers print 1.5 for
 * 1.50), so a decimal scale read off the text would describe the writer, not the data. Object keys are lower-cased,
 * as Hive names are; keys equal but for case merge. Empty keys name nothing Hive can hold and are counted, not read.
 */
final class JsonShapeReader {
    private static final int MAX_DECIMAL_DIGITS = DecimalType.MAX_PRECISION;

    private long emptyKeys;

    /** How many values were skipped because their key was empty. */
    long emptyKeys() {
        return emptyKeys;
    }

    /** The shape of the value that starts at {@code token}, the parser's current token; reads to its end. */
    JsonShape read(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> JsonShape.Text.of(parser.getText());
            case VALUE_NUMBER_INT -> new JsonShape.Scalar(integer(parser), example(parser));
            case VALUE_NUMBER_FLOAT -> new JsonShape.Scalar(PrimitiveType.DOUBLE, example(parser));
            case VALUE_TRUE, VALUE_FALSE -> new JsonShape.Scalar(PrimitiveType.BOOLEAN, example(parser));
            case VALUE_NULL -> JsonShape.ABSENT;
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }

    private JsonShape object(JsonParser parser) throws IOException {
        Map<String, JsonShape> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName().toLowerCase(Locale.ROOT);
            JsonShape value = read(parser, parser.nextToken());
            if (name.isEmpty()) {
                emptyKeys++;
            } else {
                fields.merge(name, value, JsonShape::merge);
            }
        }
        return fields.isEmpty() ? JsonShape.ABSENT : new JsonShape.Struct(fields);
    }

    private JsonShape array(JsonParser parser) throws IOException {
        JsonShape element = JsonShape.ABSENT;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            element = JsonShape.merge(element, read(parser, token));
        }
        return element instanceof JsonShape.Absent ? JsonShape.ABSENT : new JsonShape.Array(element);
    }

    private static DataType integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> PrimitiveType.INT;
            case LONG -> PrimitiveType.BIGINT;
            default -> {
                int digits = parser.getText().replace("-", "").length();
                yield digits <= MAX_DECIMAL_DIGITS ? DecimalType.of(digits, 0) : PrimitiveType.DOUBLE;
            }
        };
    }

    private static String example(JsonParser parser) throws IOException {
        return JsonShape.abbreviate(parser.getText());
    }
}
