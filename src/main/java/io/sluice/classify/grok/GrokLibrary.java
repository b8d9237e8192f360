package io.sluice.classify.grok;

import static java.util.Objects.requireNonNull;

import io.sluice.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Named grok patterns: the standard base patterns Sluice ships ({@code WORD}, {@code NUMBER}, {@code IPORHOST},
 * {@code HTTPDATE}, {@code SYSLOGBASE}, {@code COMBINEDAPACHELOG}...; see the resource {@code grok-patterns} next to
 * this class), optionally with custom patterns added or replacing some. Immutable.
 */
public final class GrokLibrary {
    private static final String RESOURCE = "grok-patterns";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> patterns;

    private GrokLibrary(Map<String, String> patterns) {
        this.patterns = Collections.unmodifiableMap(patterns);
    }

    /** The standard base patterns. */
    public static GrokLibrary standard() {
        return Standard.LIBRARY;
    }

    /** This library with the given patterns added; a custom pattern replaces a standard one of the same name. */
    public GrokLibrary with(Map<String, String> custom) {
        Map<String, String> merged = new LinkedHashMap<>(patterns);
        custom.forEach((name, regex) -> merged.put(checkName(name), requireNonNull(regex, "pattern is null")));
        return new GrokLibrary(merged);
    }

    /**
     * Parses pattern definitions as grok files and Glue's {@code CustomPatterns} write them: one per line, the name,
     * white space, the pattern; blank lines and lines starting with {@code #} are skipped.
     */
    public static Map<String, String> parseDefinitions(String text) {
        Map<String, String> definitions = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2) {
                throw SluiceException.invalidArgument(
                        "grok pattern definitions, line %d: '%s' has a name but no pattern", i + 1, line);
            }
            definitions.put(checkName(parts[0]), parts[1]);
        }
        return definitions;
    }

    public Optional<String> definition(String name) {
        return Optional.ofNullable(patterns.get(name));
    }

    public Set<String> names() {
        return patterns.keySet();
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw SluiceException.invalidArgument(
                    "invalid grok pattern name '%s': use letters, digits and underscores", name);
        }
        return name;
    }

    private static final class Standard {
        static final GrokLibrary LIBRARY = load();

        private static GrokLibrary load() {
            try (InputStream in = GrokLibrary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("grok pattern library " + RESOURCE + " is missing");
                }
                return new GrokLibrary(parseDefinitions(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read grok pattern library " + RESOURCE, e);
            }
        }
    }
}
