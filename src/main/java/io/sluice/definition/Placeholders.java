package io.sluice.definition;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Fills {@code ${KEY}} placeholders in the values of a definition from named arguments. {@code $${} writes a literal
 * {@code ${}. A placeholder without a value, or one that is malformed, is reported with its line and field and left
 * in the text as written.
 */
public final class Placeholders implements YamlMap.ScalarRewriter {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> values;
    private final Set<String> unset;
    private final Problems problems;
    private final Set<String> used = new LinkedHashSet<>();

    public Placeholders(Map<String, String> values, Problems problems) {
        this(values, Set.of(), problems);
    }

    /**
     * Placeholders whose names are in {@code unset} are left as written without a problem: their missing value is
     * reported once, where they are declared.
     */
    public Placeholders(Map<String, String> values, Set<String> unset, Problems problems) {
        this.values = Map.copyOf(requireNonNull(values, "values is null"));
        this.unset = Set.copyOf(requireNonNull(unset, "unset is null"));
        this.problems = requireNonNull(problems, "problems is null");
    }

    /** True when a name may be used as a placeholder: a letter or underscore, then letters, digits, underscores. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The names of the placeholders filled so far. */
    public Set<String> used() {
        return Set.copyOf(used);
    }

    @Override
    public String rewrite(String value, String field, int line) {
        if (!value.contains("$")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (value.startsWith("${", i)) {
                i = placeholder(value, i, out, field, line + newlinesBefore(value, i));
            } else {
                out.append(value.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Appends the value of the placeholder at {@code start} and returns the index after it. */
    private int placeholder(String text, int start, StringBuilder out, String field, int line) {
        int end = text.indexOf('}', start + 2);
        if (end < 0) {
            problems.add(line, field + ": '${' without a closing '}' (write $${ for a literal ${)");
            out.append(text, start, text.length());
            return text.length();
        }
        String name = text.substring(start + 2, end).trim();
        String value = values.get(name);
        if (!isName(name)) {
            problems.add(
                    line, field + ": '" + text.substring(start, end + 1) + "' is not a placeholder: write ${NAME}");
        } else if (value == null && !unset.contains(name)) {
            problems.add(line, field + ": unknown placeholder '${" + name + "}'" + suggestion(name));
        } else if (value != null) {
            used.add(name);
            out.append(value);
            return end + 1;
        }
        out.append(text, start, end + 1);
        return end + 1;
    }

    private String suggestion(String name) {
        return Suggestions.closest(name, new TreeSet<>(values.keySet()))
                .map(s -> " (did you mean '${" + s + "}'?)")
                .orElse(" (declare it under 'arguments:' or pass --arg " + name + "=VALUE)");
    }

    private static int newlinesBefore(String text, int index) {
        int count = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
