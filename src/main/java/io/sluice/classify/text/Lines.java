package io.sluice.classify.text;

import java.util.ArrayList;
import java.util.List;

/** Line handling shared by the text classifiers; a line ends at LF, CR or CRLF, as in Hadoop's line reader. */
final class Lines {
    private Lines() {}

    /** The text up to and including its last line break: what remains of a sample cut off inside a line. */
    static String dropPartialLast(String text) {
        int last = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        return text.substring(0, last + 1);
    }

    /** The first {@code limit} lines of the text with their line breaks, or the whole text when it has fewer. */
    static String head(String text, int limit) {
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if ((c == '\n' || c == '\r') && !crlf && ++lines == limit) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }

    /** The lines of the text without their line breaks; a final line break does not start another line. */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The number of lines: line breaks, plus one for text after the last of them. */
    static long count(String text) {
        long breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        boolean trailing = !text.isEmpty() && !endsWithBreak(text);
        return breaks + (trailing ? 1 : 0);
    }

    private static boolean endsWithBreak(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '\n' || last == '\r';
    }
}
