package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The head of a file as text.
 *
 * @param text the decoded characters, without the byte order mark
 * @param charset the charset that decoded them
 * @param byteOrderMark whether the bytes began with a byte order mark
 * @param evidence why this charset, for the classification's reasons
 */
record DecodedText(String text, Charset charset, boolean byteOrderMark, String evidence) {
    DecodedText {
        requireNonNull(text, "text is null");
        requireNonNull(charset, "charset is null");
        requireNonNull(evidence, "evidence is null");
    }

    /** True for UTF-8, the encoding Hive and Sluice assume when none is recorded. */
    boolean isUtf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    String describe() {
        return "encoding " + charset.name() + ": " + evidence;
    }
}
