package io.sluice.types;

import io.sluice.definition.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** A recursive-descent reader of Hive type strings, reporting the position of the first problem. */
final class TypeParser {
    private static final Map<String, DataType> SIMPLE = Map.ofEntries(
            Map.entry("tinyint", PrimitiveType.TINYINT),
            Map.entry("smallint", PrimitiveType.SMALLINT),
            Map.entry("int", PrimitiveType.INT),
            Map.entry("integer", PrimitiveType.INT),
            Map.entry("bigint", PrimitiveType.BIGINT),
            Map.entry("float", PrimitiveType.FLOAT),
            Map.entry("double", PrimitiveType.DOUBLE),
            Map.entry("string", PrimitiveType.STRING),
            Map.entry("boolean", PrimitiveType.BOOLEAN),
            Map.entry("date", PrimitiveType.DATE),
            Map.entry("timestamp", PrimitiveType.TIMESTAMP),
            Map.entry("binary", PrimitiveType.BINARY));

    /** Names other systems use (Spark, Avro, SQL databases) and the Hive type to use instead. */
    private static final Map<String, String> FOREIGN_NAMES = Map.of(
            "long", "bigint",
            "short", "smallint",
            "byte", "tinyint",
            "bool", "boolean",
            "text", "string",
            "bytes", "binary",
            "datetime", "timestamp");

    private static final List<String> TYPE_NAMES = Stream.concat(
                    SIMPLE.keySet().stream(), Stream.of("array", "map", "struct", "decimal", "varchar", "char"))
            .sorted()
            .toList();

    private final String text;
    private int pos;

    private TypeParser(String text) {
        this.text = text;
    }

    static DataType parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("type text is null");
        }
        TypeParser parser = new TypeParser(text);
        DataType type = parser.type();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.substring(parser.pos) + "' after the type");
        }
        return type;
    }

    private DataType type() {
        skipSpaces();
        int start = pos;
        String word = word().toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            throw error(
                    pos < text.length()
                            ? "expected a type name, found '" + text.charAt(pos) + "'"
                            : "expected a type name");
        }
        switch (word) {
            case "array":
                return array();
            case "map":
                return map();
            case "struct":
                return struct();
            case "decimal":
            case "dec":
            case "numeric":
                return decimal(start);
            case "varchar":
                return guard(start, () -> VarcharType.of(lengthArgument("varchar")));
            case "char":
                return guard(start, () -> CharType.of(lengthArgument("char")));
            case "double":
                skipPrecisionKeyword();
                return PrimitiveType.DOUBLE;
            default:
                DataType simple = SIMPLE.get(word);
                if (simple == null) {
                    pos = start;
                    throw error("unknown type '" + word + "'" + suggestion(word));
                }
                return simple;
        }
    }

    private static String suggestion(String word) {
        String known = FOREIGN_NAMES.get(word);
        if (known != null) {
            return " (did you mean '" + known + "'?)";
        }
        // Two typos at most, and fewer than the word has letters: "a" is not a misspelt "map".
        int limit = Math.min(2, word.length() - 1);
        String closest = null;
        int closestDistance = limit + 1;
        for (String name : TYPE_NAMES) {
            int distance = Suggestions.distance(word, name);
            if (distance < closestDistance) {
                closest = name;
                closestDistance = distance;
            }
        }
        return closest == null ? "" : " (did you mean '" + closest + "'?)";
    }

    private DataType array() {
        expect('<', "after 'array'");
        DataType element = type();
        expect('>', "to close array<");
        return ArrayType.of(element);
    }

    private DataType map() {
        expect('<', "after 'map'");
        int keyStart = skipSpacesAndMark();
        DataType key = type();
        if (!key.isPrimitive()) {
            pos = keyStart;
            throw error("map keys must be of a primitive type, got " + key);
        }
        expect(',', "between the key and value types of map<");
        DataType value = type();
        expect('>', "to close map<");
        return MapType.of(key, value);
    }

    private DataType struct() {
        expect('<', "after 'struct'");
        List<StructField> fields = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        do {
            skipSpaces();
            int nameStart = pos;
            String name = fieldName();
            if (seen.contains(name.toLowerCase(Locale.ROOT))) {
                pos = nameStart;
                throw error("duplicate struct field name '" + name + "'");
            }
            seen.add(name.toLowerCase(Locale.ROOT));
            expect(':', "after struct field name '" + name + "'");
            fields.add(StructField.of(name, type()));
            skipSpaces();
        } while (accept(','));
        expect('>', "to close struct<");
        return new StructType(fields);
    }

    private DataType decimal(int start) {
        skipSpaces();
        if (!accept('(')) {
            return DecimalType.DEFAULT;
        }
        int precision = integer("decimal precision");
        skipSpaces();
        int scale = accept(',') ? integer("decimal scale") : 0;
        expect(')', "to close decimal(");
        return guard(start, () -> DecimalType.of(precision, scale));
    }

    private int lengthArgument(String typeName) {
        expect('(', "after '" + typeName + "' (it needs a length, as in " + typeName + "(10))");
        int length = integer(typeName + " length");
        expect(')', "to close " + typeName + "(");
        return length;
    }

    /** Accepts the optional PRECISION of DOUBLE PRECISION. */
    private void skipPrecisionKeyword() {
        int save = pos;
        skipSpaces();
        if (!word().equalsIgnoreCase("precision")) {
            pos = save;
        }
    }

    private int integer(String what) {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a number for the " + what);
        }
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            String digits = text.substring(start, pos);
            pos = start;
            throw error("the " + what + " " + digits + " is too large");
        }
    }

    private String fieldName() {
        if (pos < text.length() && text.charAt(pos) == '`') {
            return quotedName();
        }
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a struct field name");
        }
        return text.substring(start, pos);
    }

    private String quotedName() {
        int start = pos++;
        StringBuilder name = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c != '`') {
                name.append(c);
            } else if (pos < text.length() && text.charAt(pos) == '`') {
                name.append('`');
                pos++;
            } else {
                if (name.length() == 0) {
                    pos = start;
                    throw error("empty struct field name");
                }
                return name.toString();
            }
        }
        pos = start;
        throw error("unterminated backquoted name");
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void expect(char c, String context) {
        skipSpaces();
        if (!accept(c)) {
            String found = pos < text.length() ? "found '" + text.charAt(pos) + "'" : "found the end";
            throw error("expected '" + c + "' " + context + ", " + found);
        }
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private int skipSpacesAndMark() {
        skipSpaces();
        return pos;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Turns a value constructor's complaint (precision out of range...) into an error at the type's start. */
    private DataType guard(int start, Supplier<DataType> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            pos = start;
            throw error(e.getMessage());
        }
    }

    private TypeParseException error(String problem) {
        return new TypeParseException(text, pos, problem);
    }
}
