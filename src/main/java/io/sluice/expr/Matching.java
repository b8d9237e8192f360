package io.sluice.expr;

import io.sluice.row.Row;
import io.sluice.types.PrimitiveType;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code LIKE} and {@code RLIKE} / {@code REGEXP} nodes. A literal pattern is compiled once with the expression; a
 * pattern that comes from the row is compiled for each row, since caching it would make the node mutable.
 * {@code RLIKE} is true when the regular expression matches a part of the text, as in Hive.
 */
final class Matching {
    private Matching() {}

    static Node like(Node text, LikePattern pattern) {
        return new Like(text, pattern);
    }

    static Node like(Node text, Node pattern, char escape) {
        return new DynamicLike(text, pattern, escape);
    }

    static Node regex(Node text, Pattern pattern) {
        return new Regex(text, pattern);
    }

    static Node regex(Node text, Node pattern) {
        return new DynamicRegex(text, pattern);
    }

    /** A regular expression of a row, compiled; an invalid one fails the row, naming it. */
    static Pattern compileRow(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ExpressionEvaluationException(
                    "'" + regex + "' is not a valid regular expression: " + e.getDescription());
        }
    }

    private static final class Like extends Node {
        private final Node text;
        private final LikePattern pattern;

        Like(Node text, LikePattern pattern) {
            super(PrimitiveType.BOOLEAN);
            this.text = text;
            this.pattern = pattern;
        }

        @Override
        Object evaluate(Row row) {
            Object value = text.evaluate(row);
            return value == null ? null : Logic.truth(pattern.matches((String) value));
        }
    }

    private static final class DynamicLike extends Node {
        private final Node text;
        private final Node pattern;
        private final char escape;

        DynamicLike(Node text, Node pattern, char escape) {
            super(PrimitiveType.BOOLEAN);
            this.text = text;
            this.pattern = pattern;
            this.escape = escape;
        }

        @Override
        Object evaluate(Row row) {
            Object value = text.evaluate(row);
            Object like = value == null ? null : pattern.evaluate(row);
            if (like == null) {
                return null;
            }
            return Logic.truth(LikePattern.compile((String) like, escape).matches((String) value));
        }
    }

    private static final class Regex extends Node {
        private final Node text;
        private final Pattern pattern;

        Regex(Node text, Pattern pattern) {
            super(PrimitiveType.BOOLEAN);
            this.text = text;
            this.pattern = pattern;
        }

        @Override
        Object evaluate(Row row) {
            Object value = text.evaluate(row);
            return value == null
                    ? null
                    : Logic.truth(pattern.matcher((String) value).find());
        }
    }

    private static final class DynamicRegex extends Node {
        private final Node text;
        private final Node pattern;

        DynamicRegex(Node text, Node pattern) {
            super(PrimitiveType.BOOLEAN);
            this.text = text;
            this.pattern = pattern;
        }

        @Override
        Object evaluate(Row row) {
            Object value = text.evaluate(row);
            Object regex = value == null ? null : pattern.evaluate(row);
            if (regex == null) {
                return null;
            }
            return Logic.truth(
                    compileRow((String) regex).matcher((String) value).find());
        }
    }
}
