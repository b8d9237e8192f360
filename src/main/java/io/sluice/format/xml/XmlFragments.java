package io.sluice.format.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Puts the elements of an XML file inside one extra root element, right after the prolog (declaration, comments,
 * processing instructions, document type), so that a file of top-level elements without a common root — as logs
 * often are — reads as one document, as the classifier reads it. A document with a root simply gains an outer one.
 * Line numbers stay as they were: nothing is inserted before a line break. Files in UTF-16 or UTF-32 (not
 * ASCII-compatible) are left as they are.
 */
final class XmlFragments {
    static final String ROOT = "sluice-fragments";

    /** How far into the file the prolog may reach. */
    private static final int HEAD = 64 * 1024;

    private XmlFragments() {}

    static InputStream wrap(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD);
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head), in);
        if (!isAsciiCompatible(head)) {
            return rest;
        }
        int start = firstElement(head);
        if (start < 0) {
            return rest; // no element in the head: nothing a wrapper could help with
        }
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head, 0, start),
                ascii("<" + ROOT + ">"),
                new ByteArrayInputStream(head, start, head.length - start),
                in,
                ascii("</" + ROOT + ">"))));
    }

    /** The index of the first element's {@code <}, after the prolog; -1 when the head holds none. */
    static int firstElement(byte[] head) {
        int i = 0;
        while (i < head.length) {
            if (head[i] != '<') {
                i++;
                continue;
            }
            if (startsWith(head, i, "<?")) {
                i = after(head, i, "?>");
            } else if (startsWith(head, i, "<!--")) {
                i = after(head, i, "-->");
            } else if (startsWith(head, i, "<!")) {
                i = afterDeclaration(head, i);
            } else {
                return i;
            }
            if (i < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** After a {@code <!DOCTYPE ...>}, whose internal subset in brackets may hold {@code >}. */
    private static int afterDeclaration(byte[] head, int from) {
        int depth = 0;
        for (int i = from; i < head.length; i++) {
            if (head[i] == '[') {
                depth++;
            } else if (head[i] == ']') {
                depth--;
            } else if (head[i] == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int after(byte[] head, int from, String end) {
        byte[] marker = end.getBytes(StandardCharsets.US_ASCII);
        for (int i = from; i + marker.length <= head.length; i++) {
            if (Arrays.equals(head, i, i + marker.length, marker, 0, marker.length)) {
                return i + marker.length;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] head, int at, String prefix) {
        byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
        return at + bytes.length <= head.length && Arrays.equals(head, at, at + bytes.length, bytes, 0, bytes.length);
    }

    /** Not UTF-16 or UTF-32: no byte order mark of theirs and no NUL among the first bytes. */
    private static boolean isAsciiCompatible(byte[] head) {
        if (head.length >= 2
                && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return false;
        }
        for (int i = 0; i < Math.min(4, head.length); i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static InputStream ascii(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
