package io.sluice.classify.grok;

import static java.util.Objects.requireNonNull;

import io.sluice.SluiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled grok pattern: the named captures it yields ({@link #fields()}, each with its {@link GrokType}) and a
 * Java regular expression that must match a whole line. Matching the whole line, rather than finding the pattern
 * anywhere in it as Logstash does, is what makes every line one table row and a loose pattern such as {@code
 * %{DATA:x}} fail to claim arbitrary text.
 *
 * <p>Compile once, then match many lines: {@link #matcher()} gives a reusable {@link GrokMatcher} (one per thread)
 * that converts the captures to their types without further allocation than the values themselves; {@link
 * #match(CharSequence)} is the convenient form for single lines. Instances are immutable and thread-safe.
 *
 * <p>A field captured in several places (in alternatives of the pattern) is one field: its value is the first capture
 * that took part in the match. Its places must agree on the type.
 */
public final class GrokPattern {
    private final String grok;
    private final Pattern regex;
    private final List<GrokField> fields;
    private final String[][] groups;

    private GrokPattern(String grok, Pattern regex, List<GrokField> fields, String[][] groups) {
        this.grok = grok;
        this.regex = regex;
        this.fields = List.copyOf(fields);
        this.groups = groups;
    }

    /** Compiles a pattern against the standard library. */
    public static GrokPattern compile(String grok) {
        return compile(grok, GrokLibrary.standard());
    }

    /**
     * Compiles a pattern against a library.
     *
     * @throws SluiceException (invalid argument) for unknown or self-referring pattern names, unknown types, fields
     *     captured with different types, or an expression Java cannot compile
     */
    public static GrokPattern compile(String grok, GrokLibrary library) {
        requireNonNull(grok, "grok is null");
        requireNonNull(library, "library is null");
        if (grok.isBlank()) {
            throw SluiceException.invalidArgument("grok pattern is empty");
        }
        GrokCompiler.Expansion expansion = GrokCompiler.expand(grok, library);
        Map<String, GrokField> fields = new LinkedHashMap<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (GrokCompiler.Capture capture : expansion.captures()) {
            GrokField field = capture.field();
            GrokField earlier = fields.putIfAbsent(field.name(), field);
            if (earlier != null && earlier.type() != field.type()) {
                throw SluiceException.invalidArgument(
                        "grok pattern '%s' captures field '%s' as %s and as %s",
                        grok, field.name(), earlier.type(), field.type());
            }
            groups.computeIfAbsent(field.name(), name -> new ArrayList<>()).add(capture.group());
        }
        return new GrokPattern(
                grok,
                compileRegex(grok, expansion.regex()),
                new ArrayList<>(fields.values()),
                groups.values().stream().map(g -> g.toArray(String[]::new)).toArray(String[][]::new));
    }

    private static Pattern compileRegex(String grok, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw SluiceException.invalidArgument(
                    "grok pattern '%s' is not a valid regular expression once expanded: %s", grok, e.getDescription());
        }
    }

    /** The pattern as written. */
    public String grok() {
        return grok;
    }

    /** The expanded Java regular expression. */
    public String regex() {
        return regex.pattern();
    }

    /** The named captures, in the order they first appear in the pattern. */
    public List<GrokField> fields() {
        return fields;
    }

    /** A new matcher; reuse it for many lines on one thread. */
    public GrokMatcher matcher() {
        return new GrokMatcher(this, regex.matcher(""));
    }

    /**
     * The typed captures of a line by field name (null where a field took no part in the match), or empty when the
     * line does not match or a capture is not a value of its type.
     */
    public Optional<Map<String, Object>> match(CharSequence line) {
        GrokMatcher matcher = matcher();
        if (!matcher.matches(line)) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            values.put(fields.get(i).name(), matcher.value(i));
        }
        return Optional.of(values);
    }

    /** The regex groups that capture field {@code index}. */
    String[] groups(int index) {
        return groups[index];
    }

    @Override
    public String toString() {
        return grok;
    }
}
