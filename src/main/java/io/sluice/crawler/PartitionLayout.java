package io.sluice.crawler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How the folders below a table root name its partitions. Every level must be uniform: either {@code key=value}
 * folders with one key (a partition column named {@code key}), or folders whose names look like values — starting
 * with a digit, as in {@code 2024/01/15/} — which become {@code partition_0..n}. Folder names such as {@code sales}
 * are not partition values: they mark separate tables.
 *
 * @param keys the partition column names, outermost first
 * @param depth how many folder levels hold partitions
 */
record PartitionLayout(List<String> keys, int depth) {
    private static final Pattern VALUE_LIKE = Pattern.compile("[0-9][0-9A-Za-z._:+-]*");

    static final PartitionLayout NONE = new PartitionLayout(List.of(), 0);

    /** Hive's name for a null partition value. */
    static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    /**
     * The layout of the files below a folder, where the files sit {@code depth} levels down; empty with the reason
     * when the folder names are not partition-like.
     */
    static Result of(List<List<String>> relativeFolders, int depth) {
        List<String> keys = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            Set<String> names = new LinkedHashSet<>();
            for (List<String> folders : relativeFolders) {
                names.add(folders.get(level));
            }
            Optional<String> key = levelKey(names, level);
            if (key.isEmpty()) {
                return Result.rejected("folders " + sample(names) + " at level " + (level + 1)
                        + " are neither key=value with one key nor value-like names");
            }
            keys.add(key.get());
        }
        if (new LinkedHashSet<>(keys).size() != keys.size()) {
            return Result.rejected("partition key names repeat: " + keys);
        }
        return Result.accepted(new PartitionLayout(List.copyOf(keys), depth));
    }

    private static Optional<String> levelKey(Set<String> names, int level) {
        Map<String, Integer> keys = new TreeMap<>();
        int valueLike = 0;
        for (String name : names) {
            int eq = name.indexOf('=');
            if (eq > 0) {
                keys.merge(name.substring(0, eq), 1, Integer::sum);
            } else if (VALUE_LIKE.matcher(name).matches()) {
                valueLike++;
            }
        }
        if (keys.size() == 1 && keys.values().iterator().next() == names.size()) {
            return Optional.of(Tables.sanitize(keys.keySet().iterator().next()));
        }
        if (valueLike == names.size()) {
            return Optional.of("partition_" + level);
        }
        return Optional.empty();
    }

    /** The partition values a file's folders give, one per level ({@code key=} with nothing is Hive's null). */
    List<String> values(List<String> relativeFolders) {
        List<String> values = new ArrayList<>(depth);
        for (int level = 0; level < depth; level++) {
            String name = relativeFolders.get(level);
            int eq = name.indexOf('=');
            String value = eq > 0 ? unescape(name.substring(eq + 1)) : name;
            values.add(value.isEmpty() ? DEFAULT_PARTITION : value);
        }
        return values;
    }

    /** Hive escapes special characters in partition folder names as {@code %XX}. */
    private static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && isHex(value, i + 1)) {
                out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String value, int at) {
        return at + 2 <= value.length()
                && Character.digit(value.charAt(at), 16) >= 0
                && Character.digit(value.charAt(at + 1), 16) >= 0;
    }

    private static String sample(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        String shown = String.join(", ", list.subList(0, Math.min(4, list.size())));
        return "'" + shown + (list.size() > 4 ? ", ..." : "") + "'";
    }

    /** A layout, or why the folders do not form one. */
    record Result(Optional<PartitionLayout> layout, String reason) {
        static Result accepted(PartitionLayout layout) {
            return new Result(Optional.of(layout), "");
        }

        static Result rejected(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }

    @Override
    public String toString() {
        return keys.isEmpty()
                ? "unpartitioned"
                : "partitioned by " + String.join(", ", keys).toLowerCase(Locale.ROOT);
    }
}
