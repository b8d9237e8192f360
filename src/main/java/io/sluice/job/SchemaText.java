package io.sluice.job;

import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TypeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a declared row schema: {@code "id bigint, ts timestamp, price decimal(5,2), tags array<string>"}. */
final class SchemaText {
    private SchemaText() {}

    /** The schema; anything malformed fails with an {@link IllegalArgumentException} naming the column. */
    static StructType parse(String text) {
        List<StructField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String column : splitTopLevel(text)) {
            StructField field = column(column.trim());
            if (!names.add(field.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("column '" + field.name() + "' appears twice");
            }
            fields.add(field);
        }
        return new StructType(fields);
    }

    private static StructField column(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("expected columns as 'name type, name type', found an empty column");
        }
        int split = nameEnd(text);
        String name = text.substring(0, split).trim();
        String type = text.substring(split).trim();
        if (name.startsWith("`")) {
            name = name.substring(1, name.length() - 1).replace("``", "`");
        }
        if (type.isEmpty()) {
            throw new IllegalArgumentException(
                    "column '" + name + "' has no type: write 'name type', as in 'id bigint'");
        }
        try {
            return StructField.of(name, DataType.parse(type));
        } catch (TypeParseException e) {
            throw new IllegalArgumentException("column '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The end of the leading name: a backquoted name, or the text up to the first blank. */
    private static int nameEnd(String text) {
        if (text.startsWith("`")) {
            int i = 1;
            while (i < text.length()) {
                if (text.charAt(i) == '`') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '`') {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
            throw new IllegalArgumentException("unterminated backquoted name in '" + text + "'");
        }
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Splits at the commas that are not inside a type's brackets or a backquoted name. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (!quoted && (c == '<' || c == '(')) {
                depth++;
            } else if (!quoted && (c == '>' || c == ')')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
