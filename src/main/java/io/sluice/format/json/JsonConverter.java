package io.sluice.format.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one JSON value as a value of one column type (see {@link io.sluice.row.Values}). Built once per place in the
 * schema ({@link JsonConverters}), used for every record.
 */
interface JsonConverter {
    /**
     * The value whose first token is the parser's current token; on return the current token is the value's last
     * ({@code END_OBJECT} or {@code END_ARRAY} for containers).
     *
     * @throws JsonValueException when the value does not fit the type
     */
    Object read(JsonParser parser) throws IOException;
}
