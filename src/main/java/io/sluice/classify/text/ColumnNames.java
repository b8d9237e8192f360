package io.sluice.classify.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Column names for Hive: header cells lower-cased, accents dropped, each run of characters other than {@code a-z 0-9
 * _} turned into one {@code _} (none at either end), empty names replaced by their position ({@code col2}), and
 * repeated names numbered ({@code name}, {@code name_1}). Without a header: {@code col0, col1, ...}.
 */
final class ColumnNames {
    private static final Pattern INVALID = Pattern.compile("[^a-z0-9_]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private ColumnNames() {}

    static List<String> positional(int columns) {
        List<String> names = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            names.add(positionalName(i));
        }
        return names;
    }

    /** Names from header cells; columns beyond the cells are named by position. */
    static List<String> fromHeader(List<String> cells, int columns) {
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            String name = i < cells.size() ? sanitize(cells.get(i)) : "";
            names.add(unique(name.isEmpty() ? positionalName(i) : name, used));
        }
        return names;
    }

    /** The cell as a Hive column name; empty when nothing of it is usable. */
    static String sanitize(String cell) {
        String plain = MARKS.matcher(Normalizer.normalize(cell.strip(), Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(INVALID.split(plain)).filter(s -> !s.isEmpty()).collect(Collectors.joining("_"));
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int n = 1; !used.add(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }

    private static String positionalName(int i) {
        return "col" + i;
    }
}
