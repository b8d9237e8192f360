package io.sluice.runtime.mr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of what a job's configuration and splits carry to its tasks (inputs, files): plain maps, lists, strings and
 * numbers, written and read with Jackson's streaming parser and generator. Neither binding the records by reflection
 * (which introspected each record type the first time, ~50 ms of a job's submission) nor an {@code ObjectMapper}
 * (~20 ms to make at the start of a process) is on the path to a job's first task.
 */
final class ConfJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ConfJson() {}

    /** The JSON of a value made of maps with string keys, lists, strings, numbers, booleans and nulls. */
    static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName((String) entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Integer || value instanceof Long) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else {
            throw new IllegalArgumentException("not a JSON value of the configuration: " + value.getClass());
        }
    }

    /** The value of JSON text: maps (in order), lists, strings, longs, doubles, booleans and nulls. */
    static Object read(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser, parser.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("JSON ended early");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(read(parser, next));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected JSON " + token);
        }
    }

    /** The map of a JSON object read by {@link #read}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    /** The list of a JSON array read by {@link #read}. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** A JSON object of strings read by {@link #read}. */
    static Map<String, String> strings(Object value) {
        Map<String, String> strings = new LinkedHashMap<>();
        object(value).forEach((name, text) -> strings.put(name, (String) text));
        return strings;
    }

    /** A JSON array of strings read by {@link #read}. */
    static List<String> stringList(Object value) {
        return list(value).stream().map(String.class::cast).toList();
    }
}
