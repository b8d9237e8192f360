package io.sluice.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.types.DataType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object as a map of its keys (read as the key type) to its values, in the object's order. */
final class JsonMapConverter implements JsonConverter {
    private final String path;
    private final DataType type;
    private final JsonKeyParser key;
    private final JsonConverter value;

    JsonMapConverter(String path, DataType type, JsonKeyParser key, JsonConverter value) {
        this.path = path;
        this.type = type;
        this.key = key;
        this.value = value;
    }

    @Override
    public Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw JsonPrimitiveConverter.mismatch(path, parser, type);
        }
        Map<Object, Object> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Object k = key.parse(parser.currentName());
            parser.nextToken();
            entries.put(k, value.read(parser));
        }
        return entries;
    }
}
