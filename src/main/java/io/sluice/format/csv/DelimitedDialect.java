package io.sluice.format.csv;

import io.sluice.SluiceException;
import io.sluice.format.ReadSpec;
import io.sluice.format.text.TextEncoding;
import io.sluice.format.text.TextLayout;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How a delimited table separates, quotes and escapes its fields, read from the parameters the catalog holds.
 *
 * <ul>
 *   <li>OpenCSVSerde: {@code separatorChar} (default {@code ,}), {@code quoteChar} (default {@code "}), {@code
 *       escapeChar} (default backslash; equal to the quote when quotes are doubled). A doubled quote inside a quoted
 *       field is one quote with either escape, as in RFC 4180;
 *   <li>LazySimpleSerDe: {@code field.delim}, else {@code serialization.format}, else Hive's default U+0001;
 *       a number there is a byte value, as Hive reads it ({@code 9} is a tab). No quoting;
 *   <li>else the table's {@code delimiter} and {@code quoteChar} (as Glue writes them), default {@code ,};
 *   <li>{@code serialization.encoding}, {@code skip.header.line.count} and {@code sluice.multiline}.
 * </ul>
 *
 * @param delimiter the field separator byte
 * @param quote the quote byte, or -1 when fields are not quoted
 * @param escape the byte that escapes a quote inside a quoted field: the quote itself when quotes are doubled, a
 *     backslash or another byte, or -1 for none
 * @param layout charset, header lines, and whether records may span lines
 */
record DelimitedDialect(byte delimiter, int quote, int escape, TextLayout layout) {
    static final String OPEN_CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    static final String LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";

    static DelimitedDialect of(ReadSpec spec) {
        Charset charset = TextEncoding.of(spec);
        String library = spec.serde().serializationLibrary();
        char delimiter;
        Optional<Character> quote;
        Optional<Character> escape;
        if (library.equals(OPEN_CSV_SERDE)) {
            delimiter = character(spec, "separatorChar").orElse(',');
            quote = Optional.of(character(spec, "quoteChar").orElse('"'));
            escape = Optional.of(character(spec, "escapeChar").orElse('\\'));
        } else if (library.equals(LAZY_SIMPLE_SERDE)) {
            delimiter = hiveByte(spec, "field.delim")
                    .or(() -> hiveByte(spec, "serialization.format"))
                    .orElse('\u0001');
            quote = Optional.empty();
            escape = Optional.empty();
        } else {
            delimiter = character(spec, "delimiter").orElse(',');
            quote = character(spec, "quoteChar");
            escape = quote;
        }
        int headerLines = spec.parameter("skip.header.line.count")
                .map(value -> count(value, "skip.header.line.count"))
                .orElse(0);
        boolean multiline =
                spec.parameter("sluice.multiline").map(Boolean::parseBoolean).orElse(false);
        // Readers scan the bytes as the window holds them: UTF-8 for charsets that are not ASCII-compatible.
        Charset bytes = TextEncoding.isAsciiCompatible(charset) ? charset : StandardCharsets.UTF_8;
        return new DelimitedDialect(
                singleByte(delimiter, "delimiter", bytes),
                quote.map(q -> singleByte(q, "quote character", bytes) & 0xFF).orElse(-1),
                escape.map(e -> singleByte(e, "escape character", bytes) & 0xFF).orElse(-1),
                new TextLayout(charset, headerLines, multiline));
    }

    boolean quoted() {
        return quote >= 0;
    }

    /** True when a quote inside a quoted field is written twice rather than escaped. */
    boolean doubledQuotes() {
        return quote >= 0 && escape == quote;
    }

    boolean multiline() {
        return layout.wholeFile();
    }

    Charset charset() {
        return layout.charset();
    }

    private static Optional<Character> character(ReadSpec spec, String key) {
        return spec.parameter(key).filter(value -> !value.isEmpty()).map(value -> {
            if (value.length() != 1) {
                throw SluiceException.invalidArgument("%s '%s' must be a single character", key, value);
            }
            return value.charAt(0);
        });
    }

    /** Hive's LazySimpleSerDe reads a number as the byte of that value, else the first character. */
    private static Optional<Character> hiveByte(ReadSpec spec, String key) {
        return spec.parameter(key).filter(value -> !value.isEmpty()).map(value -> {
            try {
                return (char) (Byte.parseByte(value) & 0xFF);
            } catch (NumberFormatException e) {
                return value.charAt(0);
            }
        });
    }

    private static int count(String value, String key) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SluiceException.invalidArgument("%s '%s' must be a number of lines (0 or more)", key, value);
    }

    /** Fields are found by scanning bytes, so each separator must be one byte in the charset. */
    private static byte singleByte(char c, String what, Charset charset) {
        if (c == '\n' || c == '\r') {
            throw SluiceException.invalidArgument("%s cannot be a line break", what);
        }
        byte[] encoded = String.valueOf(c).getBytes(charset);
        if (encoded.length != 1 || (c != '?' && encoded[0] == '?')) {
            throw SluiceException.invalidArgument(
                    "%s '%s' (U+%04X) is not a single byte in %s; Sluice reads delimited text with one-byte separators",
                    what, c, (int) c, charset.name());
        }
        return encoded[0];
    }
}
