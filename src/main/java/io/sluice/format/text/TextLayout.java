package io.sluice.format.text;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;

/**
 * How a text file is laid out, as far as cutting it into splits goes.
 *
 * @param charset the charset of its bytes
 * @param headerLines lines at the start of the file that are not data (a header, comments, a title)
 * @param wholeFile true when records may span lines, so that the file can only be read from its start
 */
public record TextLayout(Charset charset, int headerLines, boolean wholeFile) {
    public TextLayout {
        requireNonNull(charset, "charset is null");
        if (headerLines < 0) {
            throw new IllegalArgumentException("headerLines is negative: " + headerLines);
        }
    }
}
