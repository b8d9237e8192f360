package io.sluice.classify.text;

import java.util.List;
import java.util.Optional;

/**
 * How certain it is that a text is delimited, from how its records split:
 *
 * <ul>
 *   <li>1.0: at least two columns and two records, every record after the preamble with the same field count;
 *   <li>0.9 × the share of consistent records, when only some agree (at least half must, else it is not delimited);
 *   <li>0.5: at least two columns but a single record (a header without rows, or one line), or records that could not
 *       all be read (a quote never closed in a complete file);
 *   <li>0.3: a single column on several lines that are not prose — a list of values is a one-column table, but any
 *       text is, so other classifiers should win;
 *   <li>0.1: lines opening with '{' or '[', which is JSON even where commas split it evenly;
 *   <li>not delimited (empty): a single line without a delimiter, prose, or fewer than half the records agreeing on
 *       a field count. Prose is text read without a delimiter or split at the punctuation of sentences (unquoted
 *       {@code ,} or {@code ;}) whose every field holds {@value #PROSE_WORDS} words or more, in at least half the
 *       records; tab-separated sentences (translation pairs, say) are a table.
 * </ul>
 */
final class DelimitedCertainty {
    static final double JSON_LIKE = 0.1;
    static final double ONE_COLUMN = 0.3;
    static final double DOUBTFUL = 0.5;
    static final double PARTLY_CONSISTENT = 0.9;
    static final int PROSE_WORDS = 4;
    private static final String SENTENCE_PUNCTUATION = ",;";
    private static final int JSON_LOOK_LINES = 50;
    private static final double JSON_LOOK_SHARE = 0.9;

    private DelimitedCertainty() {}

    /** A certainty and why. */
    record Verdict(double certainty, String reason) {}

    static Optional<Verdict> judge(DelimitedText text) {
        if (looksLikeJson(text.decoded().text())) {
            return verdict(JSON_LIKE, "lines open with '{' or '[': JSON rather than delimited text");
        }
        RecordLayout layout = text.layout();
        if (splitsLikeSentences(text) && isProse(text.body())) {
            return Optional.empty();
        }
        if (layout.columns() == 1) {
            return oneColumn(text.body());
        }
        if (!layout.splits()) {
            return Optional.empty();
        }
        Verdict verdict = byConsistency(layout);
        if (text.error().isPresent()) {
            return verdict(
                    Math.min(verdict.certainty(), DOUBTFUL),
                    verdict.reason() + "; reading stopped at " + text.error().get());
        }
        return Optional.of(verdict);
    }

    private static Verdict byConsistency(RecordLayout layout) {
        if (layout.body() < 2) {
            return new Verdict(DOUBTFUL, "a single record of " + layout.columns() + " fields");
        }
        if (layout.consistent() == layout.body()) {
            return new Verdict(1.0, "all " + layout.body() + " records have " + layout.columns() + " fields");
        }
        return new Verdict(
                PARTLY_CONSISTENT * layout.consistency(),
                layout.consistent() + " of " + layout.body() + " records have " + layout.columns() + " fields");
    }

    private static Optional<Verdict> oneColumn(List<Row> body) {
        if (body.size() < 2) {
            return Optional.empty();
        }
        return verdict(ONE_COLUMN, "one column: no delimiter splits the lines, so it is a plain list of values");
    }

    private static boolean splitsLikeSentences(DelimitedText text) {
        Dialect dialect = text.dialect();
        return text.layout().columns() == 1
                || (dialect.quote().isEmpty() && SENTENCE_PUNCTUATION.indexOf(dialect.delimiter()) >= 0);
    }

    private static boolean isProse(List<Row> rows) {
        long wordy = rows.stream()
                .filter(row -> row.fields().stream().allMatch(DelimitedCertainty::isWordy))
                .count();
        return wordy * 2 >= rows.size();
    }

    private static boolean isWordy(String field) {
        return !field.isBlank() && field.strip().split("\\s+").length >= PROSE_WORDS;
    }

    /** The text opens with '{' or '[' and nearly all its first lines open with JSON punctuation. */
    static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        if (start.isEmpty() || (start.charAt(0) != '{' && start.charAt(0) != '[')) {
            return false;
        }
        List<String> lines = Lines.split(Lines.head(start, JSON_LOOK_LINES)).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        long jsonLike = lines.stream()
                .filter(line -> "{}[]\"".indexOf(line.charAt(0)) >= 0)
                .count();
        return jsonLike >= lines.size() * JSON_LOOK_SHARE;
    }

    private static Optional<Verdict> verdict(double certainty, String reason) {
        return Optional.of(new Verdict(certainty, reason));
    }
}
