package io.sluice.classify.xml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Cheap checks on the raw bytes, before any parsing: does this look like XML, and in which family of encodings. */
final class XmlSniffer {
    private static final int SNIFF_BYTES = 256;

    private XmlSniffer() {}

    /** True when the content opens, after a byte order mark and white space, with a tag, a declaration or a comment. */
    static boolean looksLikeXml(byte[] head) {
        String start = hasUtf16ByteOrderMark(head)
                ? new String(head, 0, Math.min(head.length, SNIFF_BYTES), StandardCharsets.UTF_16)
                : new String(head, 0, Math.min(head.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        int i = 0;
        if (start.startsWith("\u00ef\u00bb\u00bf")) {
            i = 3; // UTF-8 byte order mark, read as Latin-1
        }
        while (i < start.length() && Character.isWhitespace(start.charAt(i))) {
            i++;
        }
        if (i + 1 >= start.length() || start.charAt(i) != '<') {
            return false;
        }
        char next = start.charAt(i + 1);
        return next == '?' || next == '!' || next == '_' || next == ':' || Character.isLetter(next);
    }

    /** True when the content opens with an XML declaration ({@code <?xml ...?>}). */
    static boolean hasDeclaration(byte[] head) {
        return prologEnd(head) > declarationStart(head);
    }

    /** True for UTF-8 and other encodings where markup is plain ASCII bytes (not UTF-16 or UTF-32). */
    static boolean isAsciiCompatible(byte[] head) {
        if (hasUtf16ByteOrderMark(head)) {
            return false;
        }
        for (int i = 0; i < Math.min(head.length, 4); i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The content inside an extra root element, after any byte order mark and XML declaration, so that a sequence of
     * top-level elements parses as one document.
     */
    static byte[] wrap(byte[] head, String root) {
        int start = prologEnd(head);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + 2 * root.length() + 5);
        out.write(head, 0, start);
        out.writeBytes(("<" + root + ">").getBytes(StandardCharsets.US_ASCII));
        out.write(head, start, head.length - start);
        out.writeBytes(("</" + root + ">").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static int declarationStart(byte[] head) {
        return head.length >= 3 && head[0] == (byte) 0xef && head[1] == (byte) 0xbb && head[2] == (byte) 0xbf ? 3 : 0;
    }

    private static int prologEnd(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        int start = declarationStart(head);
        String rest = text.substring(start).stripLeading();
        if (rest.startsWith("<?xml")) {
            int end = text.indexOf("?>", start);
            return end < 0 ? start : end + 2;
        }
        return start;
    }

    private static boolean hasUtf16ByteOrderMark(byte[] head) {
        return head.length >= 2
                && ((head[0] == (byte) 0xfe && head[1] == (byte) 0xff)
                        || (head[0] == (byte) 0xff && head[1] == (byte) 0xfe));
    }
}
