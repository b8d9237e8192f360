package io.sluice.format.csv;

import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.text.ByteWindow;
import io.sluice.format.text.BytesValueParser;
import io.sluice.format.text.LineBreaks;
import io.sluice.format.text.TextSplit;
import io.sluice.format.text.ValueFormats;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import io.sluice.types.StructField;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the records of one split of a delimited text file into rows, columns by position. A plain record (no quote or
 * escape byte) is read in one pass by {@link PlainRecordParser}; any other, and any the plain pass declines, has its
 * fields found in the bytes ({@link DelimitedTokenizer}) and each parsed straight from them ({@link
 * BytesValueParser}), which also reports what is wrong with a bad one. One {@link ByteWindow} and one set of field
 * positions serve every record.
 *
 * <p>A record with fewer fields than columns has nulls in the rest, as Hive reads it; one with more fields is bad, as
 * is one with a value its column's type cannot hold. Empty lines are not records.
 */
final class DelimitedReader implements RowReader {
    /** Hive's SerDe parameter for the text that stands for null (besides {@code \N} and the empty field). */
    static final String NULL_FORMAT = "serialization.null.format";

    /** Fewer unread bytes than this are topped up before a plain record is read. */
    private static final int PLAIN_SPAN = 4096;

    private final String file;
    private final TextSplit split;
    private final ByteWindow window;
    private final DelimitedTokenizer tokenizer;
    private final BytesValueParser[] parsers;
    /** Columns the job does not read: left null, not parsed. */
    private final boolean[] skipped;

    private final String[] names;
    private final byte[] nullText;
    private final PlainRecordParser plain;
    private final PlainPassGate gate = new PlainPassGate();
    private long linesRead;
    /** See {@link #updatePlainEnd}: computed by {@link #next}, moved with the window; 0 until then. */
    private int plainEnd;
    /**
     * The record {@link #nextUntilPause} stopped at after the gate was asked (the plain pass declined it or was not
     * to try it), which {@link #next} then reads the full way; or -1.
     */
    private int fullWayAt = -1;

    DelimitedReader(String file, TextSplit split, DelimitedDialect dialect, ReadSpec spec) {
        this.file = file;
        this.split = split;
        this.window = split.window();
        List<StructField> fields = spec.schema().fields();
        this.tokenizer = new DelimitedTokenizer(dialect, fields.size());
        this.parsers = new BytesValueParser[fields.size()];
        this.names = new String[fields.size()];
        for (int i = 0; i < parsers.length; i++) {
            StructField field = fields.get(i);
            names[i] = field.name();
            parsers[i] = BytesValueParser.of(
                    ValueFormats.parser(spec, field.name(), field.type()),
                    split.charset(),
                    ValueFormats.format(spec, field.name()));
        }
        this.skipped = new boolean[fields.size()];
        spec.parameter(DelimitedFormat.READ_COLUMNS).ifPresent(columns -> {
            java.util.Arrays.fill(skipped, true);
            for (String column : columns.split(",")) {
                int position = Integer.parseInt(column.trim());
                if (position < skipped.length) {
                    skipped[position] = false;
                }
            }
        });
        this.nullText = spec.parameter(NULL_FORMAT)
                .filter(text -> !text.isEmpty())
                .map(text -> text.getBytes(split.charset()))
                .orElse(null);
        DataType[] types = fields.stream().map(StructField::type).toArray(DataType[]::new);
        this.plain = new PlainRecordParser(dialect, types, parsers, skipped, nullText);
    }

    /**
     * Reads the plain records that lie below {@link #plainEnd}; stops at any other (its end, the split's end, the end
     * of the input, a record the plain pass declines or does not try) for {@link #next} to read.
     */
    @Override
    public boolean nextUntilPause(Row row) {
        int from = window.position();
        if (from >= plainEnd) {
            return false;
        }
        if (gate.open() && readPlain(from, row)) {
            return true;
        }
        fullWayAt = from; // next reads it the full way, without asking the gate again
        return false;
    }

    @Override
    public boolean pauses() {
        return true;
    }

    @Override
    public boolean next(Row row) throws IOException, BadRecordException {
        updatePlainEnd();
        while (true) {
            int from = window.position();
            if (from == window.limit() && !fillWindow()) {
                return false;
            }
            from = window.position();
            if (window.offset(from) >= split.end()) {
                return false;
            }
            boolean fullWay = fullWayAt == from;
            fullWayAt = -1;
            if (!fullWay && gate.open()) {
                if (window.limit() - from < PLAIN_SPAN && !window.eof()) {
                    // Read on first: the plain pass then rarely meets the end of the bytes in a record, a path that,
                    // taken at last by a compiled plain pass, would have the JIT compile it again.
                    fillWindow();
                    from = window.position();
                }
                if (readPlain(from, row)) {
                    return true;
                }
            }
            int status = tokenizer.record(window.bytes(), from, window.limit(), window.eof());
            if (status == DelimitedTokenizer.NEED_MORE) {
                fillWindow();
                continue;
            }
            long line = linesRead;
            linesRead += tokenizer.lines();
            window.position(tokenizer.next());
            if (status == DelimitedTokenizer.RECORD) {
                fill(row, from, line);
                return true;
            }
            if (status == DelimitedTokenizer.BAD) {
                throw bad(line, Optional.empty(), recordText(from), tokenizer.problem());
            }
        }
    }

    /** Reads the record at {@code from} the plain way, and tells the gate how that went: false when declined. */
    private boolean readPlain(int from, Row row) {
        int next = plain.parse(window.bytes(), from, window.limit(), window.eof(), row);
        gate.tried(next != PlainRecordParser.DECLINED);
        if (next == PlainRecordParser.DECLINED) {
            return false;
        }
        linesRead++;
        window.position(next);
        return true;
    }

    /** Fills the window (its indexes change) and moves {@link #plainEnd} with it. */
    private boolean fillWindow() throws IOException {
        boolean filled = window.fill();
        updatePlainEnd();
        return filled;
    }

    /**
     * Where {@link #nextUntilPause} stops: below it at least {@value #PLAIN_SPAN} bytes follow (or the input ends
     * within the window) and the split goes on, so a plain record there is read as {@link #next} would read it,
     * without looking at either end.
     */
    private void updatePlainEnd() {
        long splitEnd = split.end() - window.offset(0);
        int bytesEnd = window.eof() ? window.limit() : window.limit() - PLAIN_SPAN;
        plainEnd = (int) Math.max(0, Math.min(bytesEnd, splitEnd));
    }

    private void fill(Row row, int from, long line) throws IOException, BadRecordException {
        int fields = tokenizer.count();
        if (fields > parsers.length) {
            throw bad(
                    line,
                    Optional.empty(),
                    recordText(from),
                    "has " + fields + " fields, but the table has " + parsers.length + " columns");
        }
        byte[] bytes = window.bytes();
        for (int i = 0; i < fields; i++) {
            if (skipped[i]) {
                row.set(i, null);
                continue;
            }
            byte[] source = tokenizer.source(i, bytes);
            int start = tokenizer.start(i);
            int end = tokenizer.end(i);
            if (nullText != null && Arrays.equals(source, start, end, nullText, 0, nullText.length)) {
                row.set(i, null);
                continue;
            }
            try {
                row.set(i, parsers[i].parse(source, start, end));
            } catch (IllegalArgumentException e) {
                throw bad(line, Optional.of(names[i]), parsers[i].text(source, start, end), e.getMessage());
            }
        }
        for (int i = fields; i < parsers.length; i++) {
            row.set(i, null);
        }
    }

    /** The record's text without its final line break, for bad records. */
    private String recordText(int from) {
        byte[] bytes = window.bytes();
        int end = tokenizer.next();
        while (end > from && (bytes[end - 1] == LineBreaks.LF || bytes[end - 1] == LineBreaks.CR)) {
            end--;
        }
        return new String(bytes, from, end - from, split.charset());
    }

    private BadRecordException bad(long linesBefore, Optional<String> column, String value, String reason)
            throws IOException {
        return new BadRecordException(
                file, OptionalLong.of(split.lineNumbers().line(linesBefore)), column, Optional.of(value), reason);
    }

    /** Only the first columns are set: the row may be wider, as the runtime's rows with partition values are. */
    @Override
    public boolean fillsWiderRows() {
        return true;
    }

    @Override
    public float progress() {
        return split.progress();
    }

    @Override
    public void close() throws IOException {
        split.close();
    }
}
