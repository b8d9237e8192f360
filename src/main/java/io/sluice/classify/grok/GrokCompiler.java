package io.sluice.classify.grok;

import io.sluice.SluiceException;
import io.sluice.definition.Suggestions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Expands a grok pattern into a Java regular expression: each {@code %{NAME}} becomes {@code (?:definition)}, each
 * {@code %{NAME:field[:type]}} and each plain {@code (?<field>...)} a named group. Java group names allow only
 * letters and digits, so groups are numbered ({@code g0}, {@code g1}...) and mapped back to field names, which may
 * then hold dots, dashes or brackets as grok users write them. References are resolved recursively; a pattern that
 * refers to itself, directly or not, and a reference to an unknown name are errors that show the chain.
 */
final class GrokCompiler {
    /** A named group of the expanded expression and the field it captures. */
    record Capture(String group, GrokField field) {}

    /** The expanded expression and its captures in order of their opening parenthesis. */
    record Expansion(String regex, List<Capture> captures) {}

    private final GrokLibrary library;
    private final Deque<String> expanding = new ArrayDeque<>();
    private final List<Capture> captures = new ArrayList<>();

    private GrokCompiler(GrokLibrary library) {
        this.library = library;
    }

    static Expansion expand(String grok, GrokLibrary library) {
        GrokCompiler compiler = new GrokCompiler(library);
        String regex = compiler.expand(grok);
        return new Expansion(regex, List.copyOf(compiler.captures));
    }

    private String expand(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() * 2);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(i + 1));
                i += 2;
            } else if (pattern.startsWith("%{", i)) {
                int end = pattern.indexOf('}', i);
                if (end < 0) {
                    throw error("unclosed %%{ at position %d of '%s'", i, pattern);
                }
                reference(pattern.substring(i + 2, end), out);
                i = end + 1;
            } else if (pattern.startsWith("(?<", i) && i + 3 < pattern.length() && isNameStart(pattern.charAt(i + 3))) {
                int end = pattern.indexOf('>', i);
                if (end < 0) {
                    throw error("unclosed group name at position %d of '%s'", i, pattern);
                }
                out.append("(?<")
                        .append(capture(pattern.substring(i + 3, end), GrokType.STRING, ""))
                        .append('>');
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code NAME}, {@code NAME:field} or {@code NAME:field:type}, the inside of {@code %{...}}. */
    private void reference(String body, StringBuilder out) {
        String[] parts = body.split(":", 3);
        String name = parts[0];
        String definition = library.definition(name).orElseThrow(() -> unknown(name));
        if (expanding.contains(name)) {
            throw error("grok pattern %s refers to itself: %s", name, chain(name));
        }
        String group = null;
        if (parts.length > 1) {
            if (parts[1].isEmpty()) {
                throw error("%%{%s} has an empty field name", body);
            }
            GrokType type = parts.length > 2 ? GrokType.of(parts[2]) : GrokType.STRING;
            // Allocated before the definition is expanded, so captures stay in the order their groups open.
            group = capture(parts[1], type, name);
        }
        expanding.push(name);
        String regex = expand(definition);
        expanding.pop();
        out.append(group == null ? "(?:" : "(?<" + group + ">").append(regex).append(')');
    }

    private String capture(String field, GrokType type, String pattern) {
        String group = "g" + captures.size();
        captures.add(new Capture(group, new GrokField(field, type, pattern)));
        return group;
    }

    private SluiceException unknown(String name) {
        String where = expanding.isEmpty() ? "" : " (in " + chain(null) + ")";
        String hint =
                suggestion(name).map(s -> "; did you mean %{" + s + "}?").orElse("; define it in the custom patterns");
        return error("unknown grok pattern %%{%s}%s%s", name, where, hint);
    }

    /** The references being expanded, outermost first, and then {@code last}. */
    private String chain(String last) {
        List<String> names = new ArrayList<>(expanding);
        Collections.reverse(names);
        if (last != null) {
            names.add(last);
        }
        return names.stream().map(n -> "%{" + n + "}").collect(Collectors.joining(" → "));
    }

    private Optional<String> suggestion(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return library.names().stream()
                .filter(candidate -> candidate.equals(upper) || Suggestions.distance(candidate, upper) <= 2)
                .min(Comparator.comparingInt(candidate -> Suggestions.distance(candidate, upper)));
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@' || c == '[';
    }

    private static SluiceException error(String format, Object... args) {
        return SluiceException.invalidArgument(format, args);
    }
}
