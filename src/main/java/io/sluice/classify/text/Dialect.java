package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.commons.csv.CSVFormat;

/**
 * How a delimited file separates and quotes its fields.
 *
 * @param delimiter the field separator
 * @param quote the quote character, empty when fields are never quoted
 * @param escape the character that escapes a quote inside a quoted field; empty when the quote is doubled instead
 *     ({@code "a ""b"" c"}, RFC 4180)
 */
record Dialect(char delimiter, Optional<Character> quote, Optional<Character> escape) {
    static final char BACKSLASH = '\\';

    Dialect {
        requireNonNull(quote, "quote is null");
        requireNonNull(escape, "escape is null");
        if (escape.isPresent() && quote.isEmpty()) {
            throw new IllegalArgumentException("an escape character needs a quote character");
        }
    }

    static Dialect unquoted(char delimiter) {
        return new Dialect(delimiter, Optional.empty(), Optional.empty());
    }

    static Dialect quoted(char delimiter, char quote, boolean backslashEscape) {
        return new Dialect(delimiter, Optional.of(quote), backslashEscape ? Optional.of(BACKSLASH) : Optional.empty());
    }

    /** The Commons CSV format that splits records of this dialect; blank lines are skipped. */
    CSVFormat format() {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setQuote(quote.orElse(null))
                .setEscape(escape.orElse(null))
                .setIgnoreEmptyLines(true)
                .get();
    }

    /** The character that escapes a quote: the escape character, or the quote itself when quotes are doubled. */
    Optional<Character> quoteEscape() {
        return escape.or(() -> quote);
    }

    @Override
    public String toString() {
        String text = "delimiter " + show(delimiter);
        if (quote.isEmpty()) {
            return text + ", no quoting";
        }
        return text + ", quote " + show(quote.get()) + ", "
                + (escape.isPresent() ? "quotes escaped by backslash" : "quotes escaped by doubling");
    }

    /** A character as a reason shows it: printable ones quoted, others by name. */
    static String show(char c) {
        return switch (c) {
            case '\t' -> "tab";
            case '\u0001' -> "\\u0001";
            case ' ' -> "space";
            default -> c < 0x20 ? String.format("\\u%04x", (int) c) : "'" + c + "'";
        };
    }
}
