package io.sluice.classify.grok;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Matches lines against one {@link GrokPattern}, reusing its state from line to line; not thread-safe. After {@link
 * #matches} returned true, {@link #value} and {@link #text} give the captures of that line by field index (the order
 * of {@link GrokPattern#fields()}).
 */
public final class GrokMatcher {
    private final GrokPattern pattern;
    private final List<GrokField> fields;
    private final Matcher matcher;
    private final Object[] values;
    private String failure;

    GrokMatcher(GrokPattern pattern, Matcher matcher) {
        this.pattern = pattern;
        this.fields = pattern.fields();
        this.matcher = matcher;
        this.values = new Object[fields.size()];
    }

    /**
     * True when the whole line matches and every capture is a value of its field's type; otherwise {@link
     * #failure()} says why.
     */
    public boolean matches(CharSequence line) {
        failure = null;
        if (!matcher.reset(line).matches()) {
            failure = "does not match " + pattern.grok();
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            String text = text(i);
            try {
                values[i] = text == null ? null : fields.get(i).type().convert(text);
            } catch (IllegalArgumentException e) {
                failure = "field '" + fields.get(i).name() + "' captured '" + text + "', not a value of type "
                        + fields.get(i).type();
                return false;
            }
        }
        return true;
    }

    /** The typed value of a field in the last matched line; null when the field took no part in the match. */
    public Object value(int field) {
        return values[field];
    }

    /** The captured text of a field in the last matched line; null when the field took no part in the match. */
    public String text(int field) {
        for (String group : pattern.groups(field)) {
            String text = matcher.group(group);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** Why the last line did not match, if it did not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
