package io.sluice.classify.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.sluice.classify.CorruptFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the records of a JSON sample with Jackson's streaming parser, in the layout its first character announces:
 * '[' an array, '{' JSON lines — or, when the first object does not end on its line, objects one after another. Text
 * that starts otherwise is not JSON records.
 *
 * <p>JSON lines are read line by line, so one bad line costs only itself: it is rejected with its line number. An
 * array or a sequence of multi-line objects cannot be resumed after a syntax error: when the sample is the whole file
 * and records were read before the error, the file is corrupt ({@link CorruptFileException}); with no record before
 * it, the text is not JSON. A partial sample ends inside a record; that record is ignored.
 */
final class JsonScanner {
    /** Python's json module writes NaN and Infinity; they read as doubles. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final JsonShapeReader reader = new JsonShapeReader();
    private final JsonSchema schema = new JsonSchema();
    private final List<JsonScan.Rejected> rejected = new ArrayList<>();

    private JsonScanner() {}

    /** The records of the text; empty when it does not start like JSON records. */
    static Optional<JsonScan> scan(String text, boolean complete) throws CorruptFileException {
        String start = text.stripLeading();
        if (start.startsWith("[")) {
            return new JsonScanner().stream(text, complete, JsonLayout.ARRAY);
        }
        if (!start.startsWith("{")) {
            return Optional.empty();
        }
        if (endsOnItsLine(start)) {
            return Optional.of(new JsonScanner().lines(text, complete));
        }
        return new JsonScanner().stream(text, complete, JsonLayout.CONCATENATED);
    }

    /** True when the first value of the text is complete on its first line (or fails there for another reason). */
    private static boolean endsOnItsLine(String text) {
        String first = Lines.split(Lines.head(text, 1)).get(0);
        try (JsonParser parser = FACTORY.createParser(first)) {
            parser.nextToken();
            parser.skipChildren();
            return true;
        } catch (JsonEOFException unfinished) {
            return false;
        } catch (IOException malformed) {
            return true;
        }
    }

    private JsonScan lines(String text, boolean complete) {
        List<String> lines = Lines.split(complete ? text : Lines.dropPartialLast(text));
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                line(lines.get(i), i + 1);
            }
        }
        return result(JsonLayout.LINES);
    }

    private void line(String line, long number) {
        try (JsonParser parser = FACTORY.createParser(line)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                reject(number, "a JSON " + kind(token) + ", not an object");
                return;
            }
            JsonShape record = reader.read(parser, token);
            if (parser.nextToken() != null) {
                reject(number, "more than one JSON value");
                return;
            }
            schema.add(record);
        } catch (IOException e) {
            reject(number, lineMessage(e));
        }
    }

    private Optional<JsonScan> stream(String text, boolean complete, JsonLayout layout) throws CorruptFileException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (layout == JsonLayout.ARRAY) {
                parser.nextToken();
                elements(parser, JsonToken.END_ARRAY);
                if (parser.nextToken() != null) {
                    throw new JsonParseException(parser, "content after the end of the array");
                }
            } else {
                elements(parser, null);
            }
        } catch (IOException e) {
            if (!complete && atEnd(e, text)) {
                return Optional.of(result(layout)); // the sample ends inside a record
            }
            if (schema.records() == 0) {
                return Optional.empty();
            }
            throw new CorruptFileException("JSON " + layout.parameter() + " broken: " + message(e), e);
        }
        return Optional.of(result(layout));
    }

    /** Reads values as records up to the {@code end} token (null: the end of the text). */
    private void elements(JsonParser parser, JsonToken end) throws IOException {
        for (JsonToken token = parser.nextToken(); token != end; token = parser.nextToken()) {
            if (token == null) {
                throw new JsonEOFException(parser, null, "Unexpected end-of-input: expected close marker for Array");
            }
            long line = parser.currentTokenLocation().getLineNr();
            if (token == JsonToken.START_OBJECT) {
                schema.add(reader.read(parser, token));
            } else {
                parser.skipChildren();
                reject(line, "a JSON " + kind(token) + ", not an object");
            }
        }
    }

    private static boolean atEnd(IOException e, String text) {
        return e instanceof JsonEOFException
                || (e instanceof StreamReadException read
                        && read.getLocation() != null
                        && read.getLocation().getCharOffset() >= text.length());
    }

    private void reject(long line, String problem) {
        rejected.add(new JsonScan.Rejected(line, problem));
    }

    private JsonScan result(JsonLayout layout) {
        return new JsonScan(layout, schema, rejected, reader.emptyKeys());
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The problem of one line, located by its column (the line is reported apart). */
    private static String lineMessage(IOException e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            return json.getOriginalMessage() + " at column "
                    + json.getLocation().getColumnNr();
        }
        return e.getMessage();
    }

    private static String message(IOException e) {
        if (e instanceof JsonProcessingException json) {
            String where = json.getLocation() == null
                    ? ""
                    : " at line " + json.getLocation().getLineNr() + ", column "
                            + json.getLocation().getColumnNr();
            return json.getOriginalMessage() + where;
        }
        return e.getMessage();
    }
}
