package io.sluice.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a document against a JSON Schema (draft-07), for the keywords {@code docs/job.schema.json} uses: type,
 * properties, additionalProperties, required, propertyNames, min/maxProperties, items, minItems, enum, const,
 * minimum, maximum, minLength, pattern, anyOf, oneOf and local $ref. Any other keyword but annotations fails, so the
 * schema cannot use one this check would ignore.
 */
final class SchemaCheck {
    private static final List<String> ANNOTATIONS = List.of("$schema", "title", "description", "definitions");

    private final JsonNode root;

    SchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** The problems of a document, each as {@code path: what}; empty when it is valid. */
    List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        check(root, document, "$", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> keywords = schema.fields();
        while (keywords.hasNext()) {
            Map.Entry<String, JsonNode> keyword = keywords.next();
            keyword(keyword.getKey(), keyword.getValue(), schema, value, path, problems);
        }
    }

    private void keyword(
            String name, JsonNode argument, JsonNode schema, JsonNode value, String path, List<String> problems) {
        switch (name) {
            case "$ref" -> check(resolve(argument.asText()), value, path, problems);
            case "type" -> {
                if (!hasType(argument, value)) {
                    problems.add(path + ": expected " + argument + ", got " + value);
                }
            }
            case "enum" -> {
                boolean found = false;
                for (JsonNode allowed : argument) {
                    found |= allowed.equals(value);
                }
                if (!found) {
                    problems.add(path + ": " + value + " is not one of " + argument);
                }
            }
            case "const" -> {
                if (!argument.equals(value)) {
                    problems.add(path + ": expected " + argument);
                }
            }
            case "anyOf", "oneOf" -> alternatives(name, argument, value, path, problems);
            default -> {
                if (value.isObject()) {
                    objectKeyword(name, argument, schema, value, path, problems);
                } else if (value.isArray()) {
                    arrayKeyword(name, argument, value, path, problems);
                } else {
                    scalarKeyword(name, argument, value, path, problems);
                }
            }
        }
    }

    private void alternatives(String name, JsonNode schemas, JsonNode value, String path, List<String> problems) {
        int matches = 0;
        for (JsonNode alternative : schemas) {
            List<String> own = new ArrayList<>();
            check(alternative, value, path, own);
            matches += own.isEmpty() ? 1 : 0;
        }
        if (matches == 0 || (name.equals("oneOf") && matches > 1)) {
            problems.add(path + ": matches " + matches + " of the " + name + " alternatives");
        }
    }

    private void objectKeyword(
            String name, JsonNode argument, JsonNode schema, JsonNode value, String path, List<String> problems) {
        switch (name) {
            case "properties" -> argument.fields().forEachRemaining(p -> {
                if (value.has(p.getKey())) {
                    check(p.getValue(), value.get(p.getKey()), path + "." + p.getKey(), problems);
                }
            });
            case "additionalProperties" -> value.fieldNames().forEachRemaining(field -> {
                if (schema.path("properties").has(field)) {
                    return;
                }
                if (argument.isBoolean() && !argument.asBoolean()) {
                    problems.add(path + ": unknown field '" + field + "'");
                } else if (argument.isObject()) {
                    check(argument, value.get(field), path + "." + field, problems);
                }
            });
            case "required" -> argument.forEach(field -> {
                if (!value.has(field.asText())) {
                    problems.add(path + ": missing '" + field.asText() + "'");
                }
            });
            case "propertyNames" -> value.fieldNames()
                    .forEachRemaining(field -> check(
                            argument,
                            com.fasterxml.jackson.databind.node.TextNode.valueOf(field),
                            path + "." + field,
                            problems));
            case "minProperties" -> {
                if (value.size() < argument.asInt()) {
                    problems.add(path + ": fewer than " + argument + " fields");
                }
            }
            case "maxProperties" -> {
                if (value.size() > argument.asInt()) {
                    problems.add(path + ": more than " + argument + " fields");
                }
            }
            default -> ignoredOrUnknown(name);
        }
    }

    private void arrayKeyword(String name, JsonNode argument, JsonNode value, String path, List<String> problems) {
        switch (name) {
            case "items" -> {
                for (int i = 0; i < value.size(); i++) {
                    check(argument, value.get(i), path + "[" + i + "]", problems);
                }
            }
            case "minItems" -> {
                if (value.size() < argument.asInt()) {
                    problems.add(path + ": fewer than " + argument + " items");
                }
            }
            default -> ignoredOrUnknown(name);
        }
    }

    private void scalarKeyword(String name, JsonNode argument, JsonNode value, String path, List<String> problems) {
        switch (name) {
            case "minimum" -> {
                if (value.isNumber() && value.asDouble() < argument.asDouble()) {
                    problems.add(path + ": less than " + argument);
                }
            }
            case "maximum" -> {
                if (value.isNumber() && value.asDouble() > argument.asDouble()) {
                    problems.add(path + ": more than " + argument);
                }
            }
            case "minLength" -> {
                if (value.isTextual() && value.asText().length() < argument.asInt()) {
                    problems.add(path + ": shorter than " + argument);
                }
            }
            case "pattern" -> {
                if (value.isTextual()
                        && !Pattern.compile(argument.asText())
                                .matcher(value.asText())
                                .find()) {
                    problems.add(path + ": '" + value.asText() + "' does not match " + argument);
                }
            }
            default -> ignoredOrUnknown(name);
        }
    }

    /** Keywords of other kinds of values do not apply; a keyword this check does not know is a mistake. */
    private static void ignoredOrUnknown(String name) {
        List<String> known = List.of(
                "properties",
                "additionalProperties",
                "required",
                "propertyNames",
                "minProperties",
                "maxProperties",
                "items",
                "minItems",
                "minimum",
                "maximum",
                "minLength",
                "pattern");
        if (!known.contains(name) && !ANNOTATIONS.contains(name)) {
            throw new IllegalArgumentException("keyword '" + name + "' is not supported by this check");
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("unresolved reference " + ref);
        }
        return node;
    }

    private static boolean hasType(JsonNode types, JsonNode value) {
        if (types.isArray()) {
            for (JsonNode type : types) {
                if (hasType(type, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (types.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + types);
        };
    }
}
