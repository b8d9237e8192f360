package io.sluice.catalog;

import static java.util.stream.Collectors.joining;

import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.Identifiers;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How names, string literals, types and property lists are spelt in Hive DDL. */
final class HiveSql {
    /**
     * Hive's reserved keywords (Hive 3). A struct field name is an identifier in DDL, so {@code struct<date:string>}
     * does not parse there although the metastore accepts it as a type string.
     */
    private static final Set<String> RESERVED =
            Set.of(("all alter and array as authorization between bigint binary boolean both by cache "
                            + "case cast char column commit conf constraint create cross cube current current_date "
                            + "current_timestamp cursor database date dayofweek decimal delete describe distinct "
                            + "double drop else end exchange exists extended external extract false fetch float "
                            + "floor following for foreign from full function grant group grouping having if "
                            + "import in inner insert int integer intersect interval into is join lateral left "
                            + "less like local macro map more none not null numeric of on only or order out outer "
                            + "over partialscan partition percent preceding precision preserve primary procedure "
                            + "range reads reduce references regexp revoke right rlike rollback rollup row rows "
                            + "select set smallint start sync table tablesample then time timestamp to transform "
                            + "trigger true truncate unbounded union uniquejoin update user using utc_tmestamp "
                            + "values varchar views when where window with")
                    .split(" "));

    private HiveSql() {}

    /** A name in backquotes, a backquote inside doubled: always valid, whatever the name. */
    static String identifier(String name) {
        return Identifiers.quote(name);
    }

    static String tableName(TableId id) {
        return identifier(id.database()) + "." + identifier(id.name());
    }

    /**
     * A single-quoted Hive string literal. Quotes and backslashes are escaped; control characters become Hive escapes
     * ({@code \t}, {@code \n}, {@code \r}, or octal such as {@code \001}) so that delimiters survive copy and paste.
     */
    static String literal(String value) {
        StringBuilder sql = new StringBuilder(value.length() + 2).append('\'');
        value.chars().forEach(c -> appendEscaped(sql, (char) c));
        return sql.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder sql, char c) {
        switch (c) {
            case '\'' -> sql.append("\\'");
            case '\\' -> sql.append("\\\\");
            case '\t' -> sql.append("\\t");
            case '\n' -> sql.append("\\n");
            case '\r' -> sql.append("\\r");
            default -> appendOther(sql, c);
        }
    }

    private static void appendOther(StringBuilder sql, char c) {
        if (c < 0x80 && Character.isISOControl(c)) {
            // Hive reads three octal digits only up to \177.
            sql.append('\\').append(String.format(Locale.ROOT, "%03o", (int) c));
        } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
            sql.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
            sql.append(c);
        }
    }

    /**
     * A column type as DDL needs it: the canonical spelling, with struct field names that are reserved words
     * backquoted too.
     */
    static String type(DataType type) {
        if (type instanceof StructType struct) {
            return struct.fields().stream().map(HiveSql::field).collect(joining(",", "struct<", ">"));
        }
        if (type instanceof ArrayType array) {
            return "array<" + type(array.elementType()) + ">";
        }
        if (type instanceof MapType map) {
            return "map<" + type(map.keyType()) + "," + type(map.valueType()) + ">";
        }
        return type.toString();
    }

    private static String field(StructField field) {
        String name = field.name();
        boolean reserved = RESERVED.contains(name.toLowerCase(Locale.ROOT));
        return (reserved ? Identifiers.quote(name) : Identifiers.quoteIfNeeded(name)) + ":" + type(field.type());
    }

    /** A parenthesised property list, one {@code 'key'='value'} per line, in the given key order. */
    static String properties(Map<String, String> properties, Comparator<String> order) {
        return properties.keySet().stream()
                .sorted(order)
                .map(key -> "  " + literal(key) + "=" + literal(properties.get(key)))
                .collect(joining(",\n", "(\n", "\n)"));
    }
}
