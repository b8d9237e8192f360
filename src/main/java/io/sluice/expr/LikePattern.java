package io.sluice.expr;

import java.util.Arrays;

/**
 * A SQL {@code LIKE} pattern compiled once: {@code %} matches any text, {@code _} one character, the escape character
 * makes the next one literal. Patterns that are a plain text, a prefix, a suffix or an infix are matched with {@link
 * String} methods; others by a wildcard matcher that backtracks only to the last {@code %}, never by a regular
 * expression.
 */
final class LikePattern {
    private static final char ANY = '%';
    private static final char ONE = '_';

    private enum Shape {
        EXACT,
        PREFIX,
        SUFFIX,
        INFIX,
        GENERAL
    }

    private final Shape shape;
    /** The text between wildcards, for the simple shapes. */
    private final String literal;
    /** For the general shape: the pattern's characters, and which of them are wildcards. */
    private final char[] chars;

    private final boolean[] wildcard;

    private LikePattern(Shape shape, String literal, char[] chars, boolean[] wildcard) {
        this.shape = shape;
        this.literal = literal;
        this.chars = chars;
        this.wildcard = wildcard;
    }

    static LikePattern compile(String pattern, char escape) {
        int length = pattern.length();
        StringBuilder unescaped = new StringBuilder(length);
        boolean[] wild = new boolean[length];
        for (int i = 0; i < length; i++) {
            char c = pattern.charAt(i);
            if (c == escape && i + 1 < length) {
                unescaped.append(pattern.charAt(++i));
            } else {
                wild[unescaped.length()] = c == ANY || c == ONE;
                unescaped.append(c);
            }
        }
        char[] chars = unescaped.toString().toCharArray();
        boolean[] wildcard = Arrays.copyOf(wild, chars.length);
        return simple(chars, wildcard);
    }

    private static LikePattern simple(char[] chars, boolean[] wildcard) {
        int n = chars.length;
        boolean leading = n > 0 && wildcard[0] && chars[0] == ANY;
        boolean trailing = n > 1 && wildcard[n - 1] && chars[n - 1] == ANY;
        int from = leading ? 1 : 0;
        int to = trailing ? n - 1 : n;
        for (int i = from; i < to; i++) {
            if (wildcard[i]) {
                return new LikePattern(Shape.GENERAL, null, chars, wildcard);
            }
        }
        String literal = new String(chars, from, to - from);
        Shape shape = leading ? (trailing ? Shape.INFIX : Shape.SUFFIX) : (trailing ? Shape.PREFIX : Shape.EXACT);
        return new LikePattern(shape, literal, chars, wildcard);
    }

    boolean matches(String text) {
        return switch (shape) {
            case EXACT -> text.equals(literal);
            case PREFIX -> text.startsWith(literal);
            case SUFFIX -> text.endsWith(literal);
            case INFIX -> text.contains(literal);
            case GENERAL -> wildcards(text);
        };
    }

    /** Greedy matching that, on a mismatch, lets the last {@code %} take one more character. */
    private boolean wildcards(String text) {
        int t = 0;
        int p = 0;
        int starP = -1;
        int starT = 0;
        while (t < text.length()) {
            if (p < chars.length && wildcard[p] && chars[p] == ANY) {
                starP = p++;
                starT = t;
            } else if (p < chars.length && wildcard[p]) {
                t += Character.charCount(text.codePointAt(t));
                p++;
            } else if (p < chars.length && chars[p] == text.charAt(t)) {
                t++;
                p++;
            } else if (starP >= 0) {
                p = starP + 1;
                starT += Character.charCount(text.codePointAt(starT));
                t = starT;
            } else {
                return false;
            }
        }
        while (p < chars.length && wildcard[p] && chars[p] == ANY) {
            p++;
        }
        return p == chars.length;
    }
}
