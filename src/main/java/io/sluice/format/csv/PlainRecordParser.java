package io.sluice.format.csv;

import io.sluice.format.text.BytesValueParser;
import io.sluice.format.text.LineBreaks;
import io.sluice.format.text.PlainNumbers;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.util.Arrays;

/**
 * Reads a plain record — one line without quote or escape bytes, the common case — into a row in one pass: it walks
 * the bytes once, parsing integers and doubles while it looks for their ends, and hands each other field to its
 * column's {@link BytesValueParser} as soon as its end is found. Nothing is kept per field or allocated per record
 * besides the values.
 *
 * <p>It declines ({@link #DECLINED}) every record it does not read exactly as {@link DelimitedTokenizer} and {@link
 * DelimitedReader#fill} would: a quote or escape byte anywhere, a blank line, more fields than columns, a value that
 * does not parse (so that the full path reports it with its line), or a record that is not whole in the bytes given.
 * The caller then reads that record the full way; values this parser already put in the row are all overwritten.
 */
final class PlainRecordParser {
    static final int DECLINED = -1;

    private static final byte SKIP = 0;
    private static final byte INT = 1;
    private static final byte BIGINT = 2;
    private static final byte DOUBLE = 3;
    private static final byte TIMESTAMP = 4;
    private static final byte DATE = 5;
    private static final byte OTHER = 6;

    private final byte delimiter;
    /** Bytes that end a field's scan: the delimiter, line breaks, and the quote and escape (which decline). */
    private final boolean[] stops = new boolean[256];

    private final byte[] kinds;
    /**
     * For a date or timestamp column whose values cannot hold a stop byte: the length of its values without fraction
     * or offset, tried first (the byte after them ends the field, and the parser takes every byte before it), so that
     * the field is not scanned for its end; else 0.
     */
    private final int[] temporalLengths;

    private final BytesValueParser[] parsers;
    private final PlainNumbers numbers = new PlainNumbers();
    private final byte[] nullText;

    /**
     * A parser for records of {@code dialect} into columns of {@code types}, parsed by {@code parsers}; {@code skipped}
     * columns are left null. With a {@code nullText} (the table's text of null, or null for none) every value is
     * compared with it before it is parsed, so numbers are then not parsed in the same pass.
     */
    PlainRecordParser(
            DelimitedDialect dialect,
            DataType[] types,
            BytesValueParser[] parsers,
            boolean[] skipped,
            byte[] nullText) {
        this.delimiter = dialect.delimiter();
        this.parsers = parsers.clone();
        this.nullText = nullText == null ? null : nullText.clone();
        this.kinds = new byte[types.length];
        for (int i = 0; i < types.length; i++) {
            kinds[i] = skipped[i] ? SKIP : nullText != null ? OTHER : kind(types[i]);
        }
        stop(delimiter);
        stop(LineBreaks.LF);
        stop(LineBreaks.CR);
        if (dialect.quote() >= 0) {
            stop((byte) dialect.quote());
        }
        if (dialect.escape() >= 0) {
            stop((byte) dialect.escape());
        }
        this.temporalLengths = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            if (kinds[i] == TIMESTAMP || kinds[i] == DATE) {
                temporalLengths[i] = holdsAStop(parsers[i]) ? 0 : parsers[i].plainTemporalLength();
            }
        }
    }

    private boolean holdsAStop(BytesValueParser parser) {
        for (int b = 0; b < stops.length; b++) {
            if (stops[b] && parser.plainTemporalMayHold((byte) b)) {
                return true;
            }
        }
        return false;
    }

    private void stop(byte b) {
        stops[b & 0xFF] = true;
    }

    private static byte kind(DataType type) {
        if (type == PrimitiveType.INT) {
            return INT;
        }
        if (type == PrimitiveType.BIGINT) {
            return BIGINT;
        }
        if (type == PrimitiveType.TIMESTAMP) {
            return TIMESTAMP;
        }
        if (type == PrimitiveType.DATE) {
            return DATE;
        }
        return type == PrimitiveType.DOUBLE ? DOUBLE : OTHER;
    }

    /**
     * Reads the record at {@code from} into {@code row} when it is plain and its line break lies before {@code limit}
     * ({@code eof}: no bytes follow the limit): the index where the next record starts, or {@link #DECLINED}.
     */
    int parse(byte[] b, int from, int limit, boolean eof, Row row) {
        int columns = kinds.length;
        int p = from;
        for (int column = 0; column < columns; column++) {
            int end = field(b, p, limit, column, row);
            if (end < 0 || end >= limit) {
                return DECLINED;
            }
            byte stop = b[end];
            if (stop == delimiter) {
                p = end + 1;
                continue;
            }
            if (stop != LineBreaks.LF && stop != LineBreaks.CR || end == from) {
                return DECLINED; // a quote or escape byte, or a blank line
            }
            for (int rest = column + 1; rest < columns; rest++) {
                row.set(rest, null); // fewer fields than columns: null, as Hive reads them
            }
            int next = LineBreaks.afterBreak(b, end, limit, eof);
            return next < 0 ? DECLINED : next; // a CR that ends the bytes: is an LF next?
        }
        return DECLINED; // more fields than columns, which the full path reports
    }

    /** Reads field {@code column} from {@code p} into the row: the index of the byte after it, or DECLINED. */
    private int field(byte[] b, int p, int limit, int column, Row row) {
        int end;
        switch (kinds[column]) {
            case INT -> {
                end = numbers.scanInteger(b, p, limit);
                long value = numbers.integer();
                if (ends(b, end, limit) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                    row.setInt(column, (int) value);
                    return end;
                }
            }
            case BIGINT -> {
                end = numbers.scanInteger(b, p, limit);
                if (ends(b, end, limit)) {
                    row.setLong(column, numbers.integer());
                    return end;
                }
            }
            case DOUBLE -> {
                end = numbers.scanDecimal(b, p, limit);
                if (ends(b, end, limit) && numbers.isExactDouble()) {
                    row.setDouble(column, numbers.asDouble());
                    return end;
                }
            }
            case TIMESTAMP, DATE -> {
                end = p + temporalLengths[column];
                if (end > p && ends(b, end, limit) && temporal(b, p, end, column, row)) {
                    return end;
                }
                end = scan(b, p, limit);
                if (end > p && ends(b, end, limit) && temporal(b, p, end, column, row)) {
                    return end;
                }
            }
            case SKIP -> {
                row.set(column, null);
                return scan(b, p, limit);
            }
            default -> {
                // parsed below
            }
        }
        end = scan(b, p, limit);
        if (!ends(b, end, limit)) {
            return DECLINED; // a quote or escape byte, or no end before the limit
        }
        if (nullText != null && Arrays.equals(b, p, end, nullText, 0, nullText.length)) {
            row.set(column, null);
            return end;
        }
        try {
            row.set(column, parsers[column].parse(b, p, end));
        } catch (IllegalArgumentException e) {
            return DECLINED; // the full path reports it, with the record's line
        }
        return end;
    }

    /** Sets a date or timestamp column's value unboxed when its parser reads it so; false when it does not. */
    private boolean temporal(byte[] b, int p, int end, int column, Row row) {
        BytesValueParser parser = parsers[column];
        if (kinds[column] == TIMESTAMP) {
            long micros = parser.timestampMicros(b, p, end);
            if (micros != BytesValueParser.NOT_UNBOXED) {
                row.setTimestampMicros(column, micros);
                return true;
            }
            return false;
        }
        long day = parser.epochDay(b, p, end);
        if (day != BytesValueParser.NOT_UNBOXED) {
            row.setEpochDay(column, day);
            return true;
        }
        return false;
    }

    /** True when a number scanned to {@code end} is the whole field: a delimiter or line break follows. */
    private boolean ends(byte[] b, int end, int limit) {
        if (end < 0 || end >= limit) {
            return false;
        }
        byte c = b[end];
        return c == delimiter || c == LineBreaks.LF || c == LineBreaks.CR;
    }

    /** The index of the first stop byte from {@code p} on, or {@code limit}. */
    private int scan(byte[] b, int p, int limit) {
        int q = p;
        while (q < limit && !stops[b[q] & 0xFF]) {
            q++;
        }
        return q;
    }
}
