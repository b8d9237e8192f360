package io.sluice.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lexical look at SQL expression text, enough to find names and function calls without parsing the expression:
 * string literals ({@code '...'} and {@code "..."}) are skipped, backquoted names are names.
 */
final class SqlText {

    /** A name in the expression, at {@code offset}; {@code call} when an opening parenthesis follows it. */
    record Name(String text, int offset, boolean call, boolean qualified) {}

    private SqlText() {}

    /** The names of an expression in order; {@code qualified} names follow a dot ({@code user.id}'s {@code id}). */
    static List<Name> names(String sql) {
        List<Name> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(sql, i);
            } else if (c == '`') {
                int end = closingBackquote(sql, i);
                names.add(name(sql, sql.substring(i + 1, end).replace("``", "`"), i, end + 1));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                names.add(name(sql, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isDigit(c)) {
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++; // a number such as 1.5e3, not a name
                }
            } else {
                i++;
            }
        }
        return names;
    }

    /** The whole expression when it is just one column name ({@code qty}, {@code `order date`}). */
    static Optional<String> columnName(String sql) {
        List<Name> names = names(sql);
        if (names.size() != 1 || names.get(0).call()) {
            return Optional.empty();
        }
        String trimmed = sql.trim();
        Name name = names.get(0);
        boolean whole =
                trimmed.equals(name.text()) || trimmed.equals("`" + name.text().replace("`", "``") + "`");
        return whole && !isKeyword(name.text()) ? Optional.of(name.text()) : Optional.empty();
    }

    /** The first call of an aggregate function in the expression, if any. */
    static Optional<Name> aggregateCall(String sql) {
        return names(sql).stream()
                .filter(n -> n.call() && !n.qualified())
                .filter(n -> AggregateFunction.of(n.text()).isPresent())
                .findFirst();
    }

    /** True when the expression mentions the column (as a name, not inside a string, not as a function). */
    static boolean mentions(String sql, String column) {
        return names(sql).stream()
                .anyMatch(n -> !n.call() && !n.qualified() && n.text().equalsIgnoreCase(column));
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    static int closingParenthesis(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(sql, i);
                continue;
            }
            if (c == '`') {
                i = closingBackquote(sql, i) + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The offsets of the commas outside parentheses and strings in {@code sql}. */
    static List<Integer> topLevelCommas(String sql) {
        List<Integer> commas = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(sql, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                commas.add(i);
            }
            i++;
        }
        return commas;
    }

    private static boolean isKeyword(String word) {
        return List.of("null", "true", "false", "current_date", "current_timestamp")
                .contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static Name name(String sql, String text, int start, int end) {
        int next = end;
        while (next < sql.length() && Character.isWhitespace(sql.charAt(next))) {
            next++;
        }
        int previous = start - 1;
        while (previous >= 0 && Character.isWhitespace(sql.charAt(previous))) {
            previous--;
        }
        boolean call = next < sql.length() && sql.charAt(next) == '(';
        boolean qualified = previous >= 0 && sql.charAt(previous) == '.';
        return new Name(text, start, call, qualified);
    }

    /** The index after the string literal starting at {@code start} (a doubled quote stays inside). */
    private static int skipString(String sql, int start) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int closingBackquote(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '`') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '`') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return sql.length(); // unterminated: the name runs to the end
    }
}
