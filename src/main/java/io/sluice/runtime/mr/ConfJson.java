package io.sluice.runtime.mr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of what a job's configuration and splits carry to its tasks (inputs, files), written and read as trees
 * rather than bound to the records by reflection: binding introspects each record type the first time, ~50 ms of a
 * job's submission, on the path to its first task.
 */
final class ConfJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfJson() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void putStrings(ObjectNode node, String field, Map<String, String> values) {
        ObjectNode map = node.putObject(field);
        values.forEach(map::put);
    }

    static void putStrings(ObjectNode node, String field, List<String> values) {
        ArrayNode list = node.putArray(field);
        values.forEach(list::add);
    }

    /** The text of a field; null when it is missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Map<String, String> stringMap(JsonNode node, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode map = node.path(field);
        map.fieldNames().forEachRemaining(name -> values.put(name, map.get(name).asText()));
        return values;
    }

    static List<String> stringList(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }
}
