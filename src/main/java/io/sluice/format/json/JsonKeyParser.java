package io.sluice.format.json;

import io.sluice.format.TextValueParser;
import io.sluice.types.DataType;
import java.util.Optional;

/** The keys of a JSON object read as a map's key type: as they are for text keys, else parsed from their text. */
final class JsonKeyParser {
    private final String path;
    private final TextValueParser parser;

    JsonKeyParser(String path, DataType keyType) {
        this.path = path;
        this.parser = keyType.isText() ? null : TextValueParser.of(keyType, Optional.empty());
    }

    Object parse(String key) {
        if (parser == null) {
            return key;
        }
        try {
            Object value = parser.parse(key);
            if (value == null) {
                throw new JsonValueException(path + " key", key, "is null, and map keys cannot be");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new JsonValueException(path + " key", key, e.getMessage());
        }
    }
}
