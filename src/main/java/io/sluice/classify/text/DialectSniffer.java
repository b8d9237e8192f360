package io.sluice.classify.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the dialect of a delimited text the way DuckDB's sniffer does: it splits the first {@value #SNIFF_LINES}
 * lines with every candidate dialect and keeps the one whose records agree best on their field count.
 *
 * <p>Candidates are the common delimiters ({@code , ; tab | \u0001}) and up to {@value #MAX_EXTRA} other characters
 * found on at least 80% of the lines (letters, digits, spaces, quotes and the characters of numbers, dates and names
 * — {@code . - / : + _ @} and brackets — excepted), each unquoted and quoted by {@code "} or {@code '} where that
 * quote opens a field somewhere, with doubled quotes and, where a backslash precedes a quote, backslash escapes.
 *
 * <p>For each delimiter the quoting that reads the head without an error and with the largest share of consistent
 * records wins (quoting that is used before none, doubling before backslash): a quoted field holding the delimiter
 * or a line break splits wrongly when read unquoted. Among delimiters, the winner splits into at least two
 * columns on at least half the records (see {@link RecordLayout#splits()}), then has the highest {@link
 * RecordLayout#score()} (consistent records × (columns − 1)), then quotes fields, then comes first in the order
 * above.
 */
final class DialectSniffer {
    static final int SNIFF_LINES = 256;
    private static final int MAX_EXTRA = 3;
    private static final String COMMON = ",;\t|\u0001";
    private static final String NOT_DELIMITERS = ".-/:+_@()[]{}<>\"'\\ ";
    private static final double EXTRA_LINE_SHARE = 0.8;

    private DialectSniffer() {}

    /** The outcome of sniffing: the winner and how the best dialect of each delimiter fared. */
    record Sniffed(Dialect dialect, RecordLayout layout, long quotedFields, List<Candidate> ranking) {
        Sniffed {
            ranking = List.copyOf(ranking);
        }

        /** "delimiter ',' (3 columns on 40 of 40 records) over ';' (...)" */
        String describe() {
            if (layout.columns() == 1) {
                return "no delimiter splits the records: tried "
                        + ranking.stream()
                                .map(c -> Dialect.show(c.dialect().delimiter()))
                                .collect(Collectors.joining(", "));
            }
            String others = ranking.stream()
                    .filter(c -> c.dialect().delimiter() != dialect.delimiter())
                    .limit(3)
                    .map(c -> Dialect.show(c.dialect().delimiter()) + " ("
                            + c.layout().describe() + ")")
                    .collect(Collectors.joining(", "));
            return "delimiter " + Dialect.show(dialect.delimiter()) + " (" + layout.describe() + ")"
                    + (others.isEmpty() ? "" : " over " + others);
        }
    }

    /** One dialect tried, and how the sample split with it; {@code failed} when reading stopped at an error. */
    record Candidate(Dialect dialect, RecordLayout layout, long quotedFields, boolean failed, int order) {}

    /** The dialect that splits the text best; empty when the text has no records. */
    static Optional<Sniffed> sniff(String text, boolean truncated) {
        String head = Lines.head(text, SNIFF_LINES);
        boolean cut = truncated || head.length() < text.length();
        List<Candidate> candidates = new ArrayList<>();
        for (Dialect dialect : dialects(head)) {
            ParsedRows parsed = ParsedRows.parse(head, dialect, Integer.MAX_VALUE, cut);
            if (!parsed.rows().isEmpty()) {
                RecordLayout layout = RecordLayout.of(parsed.rows());
                long quoted = quotedFields(head, dialect);
                candidates.add(
                        new Candidate(dialect, layout, quoted, parsed.error().isPresent(), candidates.size()));
            }
        }
        List<Candidate> ranking = bestPerDelimiter(candidates);
        if (ranking.isEmpty()) {
            return Optional.empty();
        }
        Candidate best = ranking.get(0);
        return Optional.of(new Sniffed(best.dialect(), best.layout(), best.quotedFields(), ranking));
    }

    private static final Comparator<Candidate> BEST_QUOTING = Comparator.comparing((Candidate c) -> !c.failed())
            .thenComparingDouble(c -> c.layout().consistency())
            .thenComparing(c -> c.quotedFields() > 0)
            .reversed()
            .thenComparingInt(Candidate::order);

    private static final Comparator<Candidate> BEST_DELIMITER = Comparator.comparing(
                    (Candidate c) -> c.layout().splits())
            .thenComparingLong(c -> c.layout().score())
            .thenComparing(c -> c.quotedFields() > 0)
            .reversed()
            .thenComparingInt(Candidate::order);

    /** The best quoting of each delimiter, best delimiter first. */
    private static List<Candidate> bestPerDelimiter(List<Candidate> candidates) {
        Map<Character, Candidate> best = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            best.merge(candidate.dialect().delimiter(), candidate, (a, b) -> BEST_QUOTING.compare(a, b) <= 0 ? a : b);
        }
        return best.values().stream().sorted(BEST_DELIMITER).toList();
    }

    static List<Dialect> dialects(String head) {
        List<Dialect> dialects = new ArrayList<>();
        for (char delimiter : delimiters(head)) {
            dialects.add(Dialect.unquoted(delimiter));
            for (char quote : new char[] {'"', '\''}) {
                if (quotedFields(head, delimiter, quote) > 0) {
                    dialects.add(Dialect.quoted(delimiter, quote, false));
                    if (head.contains("" + Dialect.BACKSLASH + quote)) {
                        dialects.add(Dialect.quoted(delimiter, quote, true));
                    }
                }
            }
        }
        return dialects;
    }

    /** The common delimiters, then the other characters found on most lines, most frequent first. */
    static Set<Character> delimiters(String head) {
        Set<Character> delimiters = new LinkedHashSet<>();
        COMMON.chars().forEach(c -> delimiters.add((char) c));
        delimiters.addAll(frequentCharacters(head));
        return delimiters;
    }

    private static List<Character> frequentCharacters(String head) {
        List<String> lines =
                Lines.split(head).stream().filter(l -> !l.isBlank()).toList();
        Map<Character, Integer> linesWith = new LinkedHashMap<>();
        for (String line : lines) {
            line.chars()
                    .distinct()
                    .filter(DialectSniffer::couldDelimit)
                    .forEach(c -> linesWith.merge((char) c, 1, Integer::sum));
        }
        return linesWith.entrySet().stream()
                .filter(e -> e.getValue() >= lines.size() * EXTRA_LINE_SHARE)
                .sorted(Map.Entry.<Character, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .filter(c -> COMMON.indexOf(c) < 0)
                .limit(MAX_EXTRA)
                .toList();
    }

    private static boolean couldDelimit(int c) {
        return !Character.isLetterOrDigit(c)
                && !(Character.isWhitespace(c) && c != '\t')
                && NOT_DELIMITERS.indexOf(c) < 0;
    }

    private static long quotedFields(String text, Dialect dialect) {
        return dialect.quote()
                .map(q -> quotedFields(text, dialect.delimiter(), q))
                .orElse(0L);
    }

    /** How many fields open with the quote: the quote at the start of a line or right after a delimiter. */
    static long quotedFields(String text, char delimiter, char quote) {
        long count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == quote && (i == 0 || isFieldStart(text.charAt(i - 1), delimiter))) {
                count++;
            }
        }
        return count;
    }

    private static boolean isFieldStart(char previous, char delimiter) {
        return previous == delimiter || previous == '\n' || previous == '\r';
    }
}
