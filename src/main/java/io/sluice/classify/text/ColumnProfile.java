package io.sluice.classify.text;

import io.sluice.classify.ValueInference;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the text values of one column look like, to judge whether a first-row cell is one of them or a label above
 * them: the values themselves, their letter case, digits, spaces and lengths.
 */
final class ColumnProfile {
    /** The share of values that makes a feature typical of the column (or, below 1 − this, atypical). */
    private static final double TYPICAL = 0.8;

    private final Set<String> values = new HashSet<>();
    private final Map<TextShape.LetterCase, Integer> cases = new EnumMap<>(TextShape.LetterCase.class);
    private int count;
    private int withDigits;
    private int withSpaces;
    private int withSymbols;
    private int minLength = Integer.MAX_VALUE;
    private int maxLength;

    void add(String value) {
        if (ValueInference.isNull(value)) {
            return;
        }
        values.add(value);
        TextShape shape = TextShape.of(value);
        cases.merge(shape.letterCase(), 1, Integer::sum);
        count++;
        withDigits += shape.digits() ? 1 : 0;
        withSpaces += shape.spaces() ? 1 : 0;
        withSymbols += shape.symbols() ? 1 : 0;
        minLength = Math.min(minLength, value.length());
        maxLength = Math.max(maxLength, value.length());
    }

    boolean contains(String value) {
        return values.contains(value);
    }

    /** How the cell differs in shape from the values of this column, empty when it looks like one of them. */
    Optional<String> difference(String cell) {
        if (count == 0) {
            return Optional.empty();
        }
        TextShape shape = TextShape.of(cell);
        int sameCase = cases.getOrDefault(shape.letterCase(), 0);
        if (sameCase < count * (1 - TYPICAL)) {
            return Optional.of(shape.letterCase() + " unlike the " + dominantCase() + " values below");
        }
        if (!shape.digits() && typical(withDigits)) {
            return Optional.of("no digits unlike the values below");
        }
        if (!shape.symbols() && typical(withSymbols)) {
            return Optional.of("no symbols unlike the values below");
        }
        if (shape.spaces() != typical(withSpaces) && (typical(withSpaces) || atypical(withSpaces))) {
            return Optional.of((shape.spaces() ? "spaces" : "no spaces") + " unlike the values below");
        }
        if (minLength == maxLength && count >= 3 && cell.length() != minLength) {
            return Optional.of("length " + cell.length() + " unlike the values below, all of length " + minLength);
        }
        return Optional.empty();
    }

    private TextShape.LetterCase dominantCase() {
        return cases.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(TextShape.LetterCase.NONE);
    }

    private boolean typical(int withFeature) {
        return withFeature >= count * TYPICAL;
    }

    private boolean atypical(int withFeature) {
        return withFeature <= count * (1 - TYPICAL);
    }
}
