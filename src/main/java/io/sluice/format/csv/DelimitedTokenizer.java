package io.sluice.format.csv;

import io.sluice.format.text.LineBreaks;

/**
 * Finds the fields of one delimited record in a byte buffer, in place. Unquoted fields — the common case — are one
 * scan for the next delimiter or line break and are never copied; a quoted field is copied only when it holds an
 * escaped or doubled quote; anything else is a range of the buffer.
 *
 * <p>Rules: a field that starts with the quote is quoted, and ends at the next single quote; inside it a doubled
 * quote is one quote, the escape byte (when not the quote) makes the next quote, escape or delimiter literal (before
 * any other byte it is kept as written), and line breaks are data when the table is multi-line — otherwise a quoted
 * value left open at the end of its line makes the record bad. Outside quotes the escape byte works the same way, and
 * a quote is an ordinary byte. After a closing quote comes a delimiter or the end of the record.
 *
 * <p>{@link #record} returns one of {@link #RECORD}, {@link #BLANK} (an empty line, not a record), {@link #BAD}
 * ({@link #problem()} says why) or {@link #NEED_MORE} (the buffer ends inside the record and the stream has more:
 * refill and call again from the same start). After any but the last, {@link #next()} is where the next record
 * starts and {@link #lines()} how many line breaks the record took.
 */
final class DelimitedTokenizer {
    static final int RECORD = 0;
    static final int BLANK = 1;
    static final int BAD = 2;
    static final int NEED_MORE = 3;

    /** Returned by the field scanners instead of a position. */
    private static final int NEED = -1;

    private static final int BAD_FIELD = -2;

    private final byte delimiter;
    private final boolean quoting;
    private final byte quote;
    private final boolean escaping;
    private final byte escape;
    private final boolean multiline;
    private final boolean[] unquotedStops = new boolean[256];
    private final boolean[] quotedStops = new boolean[256];

    private final int capacity;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] copied;
    private int count;
    private byte[] scratch = new byte[1024];
    private int scratchLength;
    private int lines;
    private int next;
    private String problem;

    DelimitedTokenizer(DelimitedDialect dialect, int columns) {
        this.delimiter = dialect.delimiter();
        this.quoting = dialect.quoted();
        this.quote = (byte) dialect.quote();
        this.escaping = dialect.escape() >= 0 && dialect.escape() != dialect.quote();
        this.escape = (byte) dialect.escape();
        this.multiline = dialect.multiline();
        this.capacity = columns;
        this.starts = new int[columns];
        this.ends = new int[columns];
        this.copied = new boolean[columns];
        stop(unquotedStops, delimiter);
        stop(unquotedStops, LineBreaks.LF);
        stop(unquotedStops, LineBreaks.CR);
        stop(quotedStops, LineBreaks.LF);
        stop(quotedStops, LineBreaks.CR);
        if (quoting) {
            stop(quotedStops, quote);
        }
        if (escaping) {
            stop(unquotedStops, escape);
            stop(quotedStops, escape);
        }
    }

    private static void stop(boolean[] stops, byte b) {
        stops[b & 0xFF] = true;
    }

    /** Splits the record that starts at {@code from}; see the class comment for the result. */
    int record(byte[] b, int from, int limit, boolean eof) {
        count = 0;
        scratchLength = 0;
        lines = 0;
        problem = null;
        int p = from;
        while (true) {
            int fieldStart = p;
            if (quoting && p < limit && b[p] == quote) {
                p = quoted(b, p, limit, eof);
            } else {
                while (p < limit && !unquotedStops[b[p] & 0xFF]) {
                    p++;
                }
                if (escaping && p < limit && b[p] == escape) {
                    p = escapedUnquoted(b, fieldStart, p, limit, eof);
                } else {
                    add(fieldStart, p, false);
                }
            }
            if (p == NEED) {
                return NEED_MORE;
            }
            if (p == BAD_FIELD) {
                return BAD;
            }
            if (p >= limit) {
                if (!eof) {
                    return NEED_MORE;
                }
                next = limit;
                lines++;
                return RECORD;
            }
            byte c = b[p];
            if (c == delimiter) {
                p++;
                continue;
            }
            if (c == LineBreaks.LF || c == LineBreaks.CR) {
                int after = LineBreaks.afterBreak(b, p, limit, eof);
                if (after < 0) {
                    return NEED_MORE;
                }
                lines++;
                next = after;
                return count == 1 && p == from ? BLANK : RECORD;
            }
            return bad(b, p, limit, eof, "text after the closing quote of field " + count);
        }
    }

    /** A quoted field from the quote at {@code p}; the position after its closing quote. */
    private int quoted(byte[] b, int p, int limit, boolean eof) {
        int contentStart = p + 1;
        int runStart = contentStart;
        int scratchStart = scratchLength;
        boolean copying = false;
        int q = contentStart;
        while (true) {
            while (q < limit && !quotedStops[b[q] & 0xFF]) {
                q++;
            }
            if (q >= limit) {
                return eof ? unclosed(limit) : NEED;
            }
            byte c = b[q];
            if (c == quote) {
                if (q + 1 >= limit && !eof) {
                    return NEED;
                }
                if (q + 1 < limit && b[q + 1] == quote) {
                    copying = true;
                    append(b, runStart, q + 1);
                    q += 2;
                    runStart = q;
                    continue;
                }
                if (copying) {
                    append(b, runStart, q);
                    add(scratchStart, scratchLength, true);
                } else {
                    add(contentStart, q, false);
                }
                return q + 1;
            }
            if (escaping && c == escape) {
                if (q + 1 >= limit) {
                    return eof ? unclosed(limit) : NEED;
                }
                copying = true;
                append(b, runStart, q);
                q = unescape(b, q);
                runStart = q;
                continue;
            }
            int after = LineBreaks.afterBreak(b, q, limit, eof);
            if (after < 0) {
                return NEED;
            }
            lines++;
            if (!multiline) {
                next = after;
                problem = "a quoted value is not closed on its line (the table is not multi-line)";
                return BAD_FIELD;
            }
            q = after; // the line break is part of the value
        }
    }

    /** An unquoted field holding the escape byte at {@code p}; the position after the field. */
    private int escapedUnquoted(byte[] b, int fieldStart, int p, int limit, boolean eof) {
        int scratchStart = scratchLength;
        int runStart = fieldStart;
        int q = p;
        while (true) {
            while (q < limit && !unquotedStops[b[q] & 0xFF]) {
                q++;
            }
            if (q >= limit && !eof) {
                return NEED;
            }
            if (q >= limit || b[q] != escape) {
                break;
            }
            if (q + 1 >= limit && !eof) {
                return NEED;
            }
            append(b, runStart, q);
            q = q + 1 < limit ? unescape(b, q) : appendEscapeAlone(q);
            runStart = q;
        }
        append(b, runStart, q);
        add(scratchStart, scratchLength, true);
        return q;
    }

    /** Appends what the escape at {@code q} stands for; the position after it. */
    private int unescape(byte[] b, int q) {
        byte next = b[q + 1];
        if (next == quote && quoting || next == escape || next == delimiter) {
            appendByte(next);
            return q + 2;
        }
        return appendEscapeAlone(q);
    }

    private int appendEscapeAlone(int q) {
        appendByte(escape);
        return q + 1;
    }

    private int unclosed(int limit) {
        next = limit;
        problem = "a quoted value is not closed before the end of the file";
        return BAD_FIELD;
    }

    /** A bad record from {@code p} on: the rest of its line is skipped. */
    private int bad(byte[] b, int p, int limit, boolean eof, String why) {
        int q = p;
        while (q < limit && b[q] != LineBreaks.LF && b[q] != LineBreaks.CR) {
            q++;
        }
        if (q >= limit) {
            if (!eof) {
                return NEED_MORE;
            }
            next = limit;
        } else {
            int after = LineBreaks.afterBreak(b, q, limit, eof);
            if (after < 0) {
                return NEED_MORE;
            }
            next = after;
        }
        lines++;
        problem = why;
        return BAD;
    }

    private void add(int start, int end, boolean inScratch) {
        if (count < capacity) {
            starts[count] = start;
            ends[count] = end;
            copied[count] = inScratch;
        }
        count++;
    }

    private void append(byte[] b, int from, int to) {
        int length = to - from;
        ensureScratch(length);
        System.arraycopy(b, from, scratch, scratchLength, length);
        scratchLength += length;
    }

    private void appendByte(byte value) {
        ensureScratch(1);
        scratch[scratchLength++] = value;
    }

    private void ensureScratch(int more) {
        if (scratchLength + more > scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + more));
        }
    }

    /** Fields in the record, also those beyond the columns (which are not kept). */
    int count() {
        return count;
    }

    /** The bytes that hold field {@code i} (below the column count): the buffer given, or the copy of a field. */
    byte[] source(int i, byte[] buffer) {
        return copied[i] ? scratch : buffer;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    int next() {
        return next;
    }

    int lines() {
        return lines;
    }

    String problem() {
        return problem;
    }
}
