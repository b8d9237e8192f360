package io.sluice.format.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.format.RowReader;
import io.sluice.format.text.TextSplit;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a whole file of JSON records with one streaming parser: the elements of one top-level array ({@link
 * JsonLayout#ARRAY}), or objects one after another ({@link JsonLayout#CONCATENATED}). A record whose values do not
 * fit the schema, or that is not an object, is a bad record and the reading goes on with the next one. A syntax error
 * cannot be read past — where the next record starts is unknown — so it is reported once and ends the file.
 */
final class JsonStreamReader implements RowReader {
    private final TextSplit split;
    private final JsonParser parser;
    private final JsonLayout layout;
    private final JsonStructConverter record;
    private final JsonBadRecords bad;
    private boolean started;
    private boolean done;

    JsonStreamReader(String file, TextSplit split, JsonLayout layout, JsonStructConverter record) throws IOException {
        this.split = split;
        this.parser = new JsonParsers(split.charset()).parser(split.window().asStream());
        this.layout = layout;
        this.record = record;
        this.bad = new JsonBadRecords(file);
    }

    @Override
    public boolean next(Row row) throws IOException, BadRecordException {
        if (done) {
            return false;
        }
        try {
            JsonToken token = nextRecord();
            if (token == null) {
                done = true;
                return false;
            }
            long line = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                Optional<String> text = token.isScalarValue() ? Optional.of(parser.getText()) : Optional.empty();
                parser.skipChildren();
                throw bad.record(line, text, "is not a JSON object");
            }
            read(row, line);
            return true;
        } catch (JsonProcessingException e) {
            done = true;
            throw bad.record(
                    line(e.getLocation()),
                    Optional.empty(),
                    "is not valid JSON: " + e.getOriginalMessage() + "; the rest of the file cannot be read");
        }
    }

    /** The first token of the next record, or null when there is none. */
    private JsonToken nextRecord() throws IOException, BadRecordException {
        JsonToken token = parser.nextToken();
        if (layout != JsonLayout.ARRAY) {
            return token;
        }
        if (!started) {
            started = true;
            if (token == null) {
                return null;
            }
            if (token != JsonToken.START_ARRAY) {
                done = true;
                throw bad.record(
                        parser.currentTokenLocation().getLineNr(),
                        Optional.empty(),
                        "the file does not hold a JSON array, as table parameter sluice.json.layout=array says");
            }
            token = parser.nextToken();
        }
        return token == JsonToken.END_ARRAY ? null : token;
    }

    private void read(Row row, long line) throws IOException, BadRecordException {
        int depth = parser.getParsingContext().getNestingDepth();
        try {
            record.fill(parser, row);
        } catch (JsonValueException e) {
            // Skip the rest of the record: until the parser has left the record's object.
            while (parser.getParsingContext().getNestingDepth() >= depth && parser.nextToken() != null) {
                // skipping
            }
            throw bad.value(line, e);
        }
    }

    private static long line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            split.close();
        }
    }
}
