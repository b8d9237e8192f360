package io.sluice.expr;

import io.sluice.definition.Suggestions;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sf.jsqlparser.schema.Column;

/**
 * Resolves column references to positions, once: {@code price}, {@code `order date`}, {@code "order date"}, nested
 * struct fields {@code user.address.city}. Names match without regard to case, as in Hive. An unknown name is an
 * error that suggests the closest known one.
 */
final class ColumnResolver {
    private final StructType schema;
    private final ExpressionSource source;
    private final java.util.BitSet read = new java.util.BitSet();

    ColumnResolver(StructType schema, ExpressionSource source) {
        this.schema = schema;
        this.source = source;
    }

    /** The top-level columns resolved so far, by position. */
    java.util.BitSet read() {
        return (java.util.BitSet) read.clone();
    }

    /** The value of the column or field path, without any {@code [index]} that follows it. */
    Node resolve(Column column) {
        List<String> parts = rawParts(column);
        String text = source.text(column);
        int start = source.position(column);
        StructType struct = schema;
        Node node = null;
        int cursor = 0;
        for (int i = 0; i < parts.size(); i++) {
            String raw = parts.get(i);
            String name = unquote(raw);
            int at = text.indexOf(raw, cursor);
            cursor = at < 0 ? cursor : at + raw.length();
            int position = start < 0 || at < 0 ? start : start + at;
            if (struct == null) {
                String path = String.join(".", parts.subList(0, i));
                throw source.error(position, "%s is %s, not a struct: it has no field '%s'", path, node.type(), name);
            }
            int index = indexOf(struct, name);
            if (index < 0) {
                throw unknown(node == null, name, raw, struct, parts.subList(0, i), position);
            }
            StructField field = struct.fields().get(index);
            if (node == null) {
                read.set(index);
            }
            node = node == null ? Access.column(field.type(), index) : Access.field(field.type(), node, index);
            struct = field.type() instanceof StructType nested ? nested : null;
        }
        return node;
    }

    private ExpressionException unknown(
            boolean topLevel, String name, String raw, StructType struct, List<String> path, int position) {
        List<String> names = struct.fields().stream().map(StructField::name).toList();
        String suggestion = Suggestions.closest(name, names)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
        if (topLevel) {
            // SQL reads "DE" as a name; Hive users often mean a string.
            String hint = raw.startsWith("\"") ? "; quote strings with ' rather than \"" : "";
            return source.error(position, "unknown column '%s'%s%s", name, suggestion, hint);
        }
        return source.error(
                position, "unknown field '%s' in %s (%s)%s", name, String.join(".", path), struct, suggestion);
    }

    private static int indexOf(StructType struct, String name) {
        List<StructField> fields = struct.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The parts of a dotted name as written, quotes included, outermost first. */
    private static List<String> rawParts(Column column) {
        List<String> parts = new ArrayList<>();
        if (column.getTable() != null && column.getTable().getNameParts() != null) {
            // JSqlParser keeps the qualifier's parts innermost first.
            List<String> qualifier = new ArrayList<>(column.getTable().getNameParts());
            Collections.reverse(qualifier);
            parts.addAll(qualifier);
        }
        parts.add(column.getColumnName());
        return parts;
    }

    private static String unquote(String part) {
        if (part.length() >= 2 && part.startsWith("`") && part.endsWith("`")) {
            return part.substring(1, part.length() - 1).replace("``", "`");
        }
        if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
            return part.substring(1, part.length() - 1).replace("\"\"", "\"");
        }
        return part;
    }
}
