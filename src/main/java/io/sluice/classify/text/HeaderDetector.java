package io.sluice.classify.text;

import io.sluice.classify.ValueInference;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.TypeWidening;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether the first record of a delimited text is a header, by comparing its cells with the records below.
 *
 * <ul>
 *   <li>Typed columns (the values below are numbers, booleans, dates...) decide when there are any: a cell that is not
 *       of its column's type ({@code price} above decimals) votes for a header, one that is ({@code 4.50}) against;
 *       the header wins on a majority.
 *   <li>When every column is text, where Glue cannot decide, the first record is a header when its cells are
 *       distinct labels (a letter first, at most {@value #MAX_LABEL} characters of letters, digits, spaces and {@code
 *       _-.()/%#$&}), none of them appears below in its column, and at least one differs in shape (letter case,
 *       digits, spaces, symbols, length; see {@link ColumnProfile}) from the values below it. One difference is
 *       enough because most delimited files have a header; when the first record looks like the others in every
 *       column ({@code Name,City} above {@code Alice,Paris}), nothing tells and the record stays data.
 *   <li>A text of one record has a header when its cells are distinct labels none of which is a number, boolean or
 *       date: a header of a table without rows.
 * </ul>
 */
final class HeaderDetector {
    static final int MAX_LABEL = 64;
    private static final Pattern LABEL =
            Pattern.compile("\\p{L}[\\p{L}\\p{N} _\\-.()/%#$&]{0," + (MAX_LABEL - 1) + "}");

    private HeaderDetector() {}

    /** Whether {@code first} is a header above {@code below}, judged on {@code columns} columns. */
    static HeaderDecision detect(Row first, List<Row> below, int columns) {
        if (below.isEmpty()) {
            return alone(first, columns);
        }
        Votes votes = new Votes();
        for (int i = 0; i < columns; i++) {
            vote(votes, first.field(i), below, i);
        }
        return votes.typedCount() > 0 ? votes.byTypes() : votes.byShapes(labels(first, columns), columns);
    }

    private static HeaderDecision alone(Row first, int columns) {
        Optional<String> notLabels = labels(first, columns);
        if (notLabels.isPresent()) {
            return HeaderDecision.none("the only record " + notLabels.get());
        }
        for (int i = 0; i < columns; i++) {
            DataType type = typeOf(List.of(first.field(i)));
            if (type != PrimitiveType.STRING) {
                return HeaderDecision.none("the only record holds '" + first.field(i) + "', of type " + type);
            }
        }
        return HeaderDecision.header("the only record holds distinct labels, as a table without rows does");
    }

    private static void vote(Votes votes, String cell, List<Row> below, int column) {
        if (ValueInference.isNull(cell)) {
            return;
        }
        List<String> values = new ArrayList<>(below.size());
        below.forEach(row -> values.add(row.field(column)));
        DataType type = typeOf(values);
        if (type != PrimitiveType.STRING) {
            DataType cellType = typeOf(List.of(cell));
            boolean fits = cellType != PrimitiveType.STRING
                    && TypeWidening.widen(cellType, type).isPresent();
            votes.typed(fits, "'" + cell + "' " + (fits ? "is" : "is not") + " " + type + " like the values below");
            return;
        }
        ColumnProfile profile = new ColumnProfile();
        values.forEach(profile::add);
        if (profile.contains(cell)) {
            votes.repeated("'" + cell + "' also appears below");
            return;
        }
        profile.difference(cell).ifPresent(d -> votes.shape("'" + cell + "': " + d));
    }

    private static DataType typeOf(List<String> values) {
        ValueInference inference = new ValueInference();
        values.forEach(inference::add);
        return inference.values() == 0
                ? PrimitiveType.STRING
                : inference.result().type();
    }

    /** Why the cells are not distinct labels, empty when they are. */
    private static Optional<String> labels(Row first, int columns) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns; i++) {
            String cell = first.field(i).strip();
            if (!LABEL.matcher(cell).matches()) {
                return Optional.of("'" + cell + "' is not a label");
            }
            if (!seen.add(cell.toLowerCase(Locale.ROOT))) {
                return Optional.of("'" + cell + "' appears twice");
            }
        }
        return Optional.empty();
    }

    /** The evidence gathered column by column. */
    private static final class Votes {
        private final List<String> forHeader = new ArrayList<>();
        private final List<String> against = new ArrayList<>();
        private int typedFor;
        private int typedAgainst;
        private int shapes;
        private int repeats;

        void typed(boolean fits, String evidence) {
            if (fits) {
                typedAgainst++;
                against.add(evidence);
            } else {
                typedFor++;
                forHeader.add(evidence);
            }
        }

        void repeated(String evidence) {
            repeats++;
            against.add(evidence);
        }

        void shape(String evidence) {
            shapes++;
            forHeader.add(evidence);
        }

        int typedCount() {
            return typedFor + typedAgainst;
        }

        HeaderDecision byTypes() {
            if (typedFor > typedAgainst + repeats) {
                return HeaderDecision.header(String.join("; ", forHeader));
            }
            return HeaderDecision.none(String.join("; ", against.isEmpty() ? forHeader : against));
        }

        HeaderDecision byShapes(Optional<String> notLabels, int columns) {
            String prefix = "all columns are text; ";
            if (notLabels.isPresent()) {
                return HeaderDecision.none(prefix + "first-row " + notLabels.get());
            }
            if (repeats > 0) {
                return HeaderDecision.none(prefix + String.join("; ", against));
            }
            String tally = "first-row labels differ in shape from the values below in " + shapes + " of " + columns
                    + " columns";
            if (shapes > 0) {
                return HeaderDecision.header(prefix + tally + " (" + String.join("; ", forHeader) + ")");
            }
            return HeaderDecision.none(prefix + "the first row looks like the rows below in every column");
        }
    }
}
