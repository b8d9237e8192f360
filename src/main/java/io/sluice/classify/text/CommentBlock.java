package io.sluice.classify.text;

/**
 * Comment lines at the top of a delimited text: lines starting with {@code #} (and blank lines among them), when a
 * line of another kind follows. Comments further down are data to Hive, so only this block is skipped.
 *
 * @param lines how many lines the block spans
 * @param length how many characters, line breaks included
 */
record CommentBlock(int lines, int length) {
    static final char MARKER = '#';

    static CommentBlock of(String text) {
        int lines = 0;
        int position = 0;
        int comments = 0;
        while (position < text.length()) {
            int end = lineEnd(text, position);
            String line = text.substring(position, end).strip();
            if (!line.isEmpty() && line.charAt(0) != MARKER) {
                return comments == 0 ? new CommentBlock(0, 0) : new CommentBlock(lines, position);
            }
            comments += line.isEmpty() ? 0 : 1;
            lines++;
            position = afterBreak(text, end);
        }
        return new CommentBlock(0, 0); // nothing but comments: they are the data
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int afterBreak(String text, int end) {
        if (end < text.length()
                && text.charAt(end) == '\r'
                && end + 1 < text.length()
                && text.charAt(end + 1) == '\n') {
            return end + 2;
        }
        return Math.min(end + 1, text.length());
    }
}
