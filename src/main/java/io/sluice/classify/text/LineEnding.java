package io.sluice.classify.text;

/**
 * The line break a text file uses. Sluice records no {@code line.delim}: Hive accepts only {@code \n} there, and
 * Hadoop's {@code TextInputFormat} already ends lines at LF, CR and CRLF alike.
 */
enum LineEnding {
    LF,
    CRLF,
    CR;

    /** The most frequent line break of the text; LF when it has none or on a tie. */
    static LineEnding detect(String text) {
        long lf = 0;
        long crlf = 0;
        long cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lf++;
            } else if (c == '\r') {
                boolean pair = i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if (pair) {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            }
        }
        if (crlf > lf && crlf >= cr) {
            return CRLF;
        }
        return cr > lf && cr > crlf ? CR : LF;
    }
}
