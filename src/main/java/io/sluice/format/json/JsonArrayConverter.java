package io.sluice.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.types.DataType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A JSON array as a {@link List} of its elements, each read by the element type's converter. */
final class JsonArrayConverter implements JsonConverter {
    private final String path;
    private final DataType type;
    private final JsonConverter element;

    JsonArrayConverter(String path, DataType type, JsonConverter element) {
        this.path = path;
        this.type = type;
        this.element = element;
    }

    @Override
    public Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw JsonPrimitiveConverter.mismatch(path, parser, type);
        }
        List<Object> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(element.read(parser));
        }
        return values;
    }
}
