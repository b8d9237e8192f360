package io.sluice.classify.grok;

import static java.util.Objects.requireNonNull;

/**
 * One named capture of a grok pattern: the field (column) name, its type, and the grok pattern that captures it
 * ({@code INT} for {@code %{INT:response:int}}, empty for a plain regex group {@code (?<name>...)}).
 */
public record GrokField(String name, GrokType type, String pattern) {
    public GrokField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(pattern, "pattern is null");
    }

    /** How the pattern declares it: {@code %{INT:response:int}}. */
    public String declaration() {
        if (pattern.isEmpty()) {
            return "(?<" + name + ">...)";
        }
        return "%{" + pattern + ":" + name + (type == GrokType.STRING ? "" : ":" + type) + "}";
    }
}
