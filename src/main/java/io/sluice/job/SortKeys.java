package io.sluice.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads sort keys: {@code "col [ASC|DESC] [NULLS FIRST|LAST]"}, keywords in any case, names backquoted if needed. */
final class SortKeys {
    private SortKeys() {}

    static SortKey parse(String text, int line) {
        List<String> words = words(text.trim());
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty sort key");
        }
        ColumnRef column = new ColumnRef(unquote(words.get(0)), line);
        List<String> rest = words.subList(1, words.size()).stream()
                .map(w -> w.toUpperCase(Locale.ROOT))
                .toList();
        boolean descending = false;
        int i = 0;
        if (i < rest.size() && (rest.get(i).equals("ASC") || rest.get(i).equals("DESC"))) {
            descending = rest.get(i++).equals("DESC");
        }
        boolean nullsFirst = !descending;
        if (i + 1 < rest.size()
                && rest.get(i).equals("NULLS")
                && List.of("FIRST", "LAST").contains(rest.get(i + 1))) {
            nullsFirst = rest.get(i + 1).equals("FIRST");
            i += 2;
        }
        if (i < rest.size()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a sort key: write 'column [ASC|DESC] [NULLS FIRST|LAST]'");
        }
        return new SortKey(column, descending, nullsFirst);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            if (text.charAt(i) == '`') {
                i = text.indexOf('`', i + 1);
                if (i < 0) {
                    throw new IllegalArgumentException("unterminated backquoted name in '" + text + "'");
                }
                i++;
            } else {
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            }
            words.add(text.substring(start, i));
        }
        return words;
    }

    private static String unquote(String word) {
        return word.length() >= 2 && word.startsWith("`") && word.endsWith("`")
                ? word.substring(1, word.length() - 1)
                : word;
    }
}
