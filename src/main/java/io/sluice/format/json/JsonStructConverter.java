package io.sluice.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON object as a struct: keys match field names regardless of case (the classifier lower-cases them), keys
 * without a field are skipped, and fields without a key are null — files written before a field was added read it as
 * null.
 */
final class JsonStructConverter implements JsonConverter {
    private final String path;
    private final StructType type;
    private final Map<String, Integer> positions = new HashMap<>();
    private final JsonConverter[] fields;

    JsonStructConverter(String path, StructType type, String[] names, JsonConverter[] fields) {
        this.path = path;
        this.type = type;
        this.fields = fields;
        for (int i = 0; i < names.length; i++) {
            positions.put(names[i], i);
        }
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
        Row row = new Row(fields.length);
        fill(parser, row);
        return row;
    }

    /** Reads the object at the parser's {@code START_OBJECT} into the first fields of {@code row}. */
    void fill(JsonParser parser, Row row) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            row.set(i, null);
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            // Jackson hands out canonical key strings, and toLowerCase returns lower-case ones unchanged: no garbage.
            Integer position = positions.get(parser.currentName().toLowerCase(Locale.ROOT));
            parser.nextToken();
            if (position == null) {
                parser.skipChildren();
            } else {
                row.set(position, fields[position].read(parser));
            }
        }
    }
}
