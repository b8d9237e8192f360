package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Everything found in the sample of a delimited text: encoding, line ending, leading comments, dialect, records,
 * preamble, header and columns. Built by {@link #read}; judged by {@link DelimitedCertainty}, recorded by {@link
 * DelimitedStorage}.
 */
final class DelimitedText {
    private final DecodedText decoded;
    private final LineEnding lineEnding;
    private final CommentBlock comments;
    private final DialectSniffer.Sniffed sniffed;
    private final ParsedRows parsed;
    private final RecordLayout layout;
    private final HeaderDecision header;
    private final List<TypedColumn> columns;
    private final boolean complete;

    private DelimitedText(
            DecodedText decoded,
            CommentBlock comments,
            DialectSniffer.Sniffed sniffed,
            ParsedRows parsed,
            RecordLayout layout,
            HeaderDecision header,
            List<TypedColumn> columns,
            boolean complete) {
        this.decoded = requireNonNull(decoded, "decoded is null");
        this.lineEnding = LineEnding.detect(decoded.text());
        this.comments = requireNonNull(comments, "comments is null");
        this.sniffed = requireNonNull(sniffed, "sniffed is null");
        this.parsed = requireNonNull(parsed, "parsed is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.header = requireNonNull(header, "header is null");
        this.columns = List.copyOf(columns);
        this.complete = complete;
    }

    /**
     * Reads the decoded sample; empty when it holds no record. An incomplete sample loses its last, partial line
     * before anything else.
     */
    static Optional<DelimitedText> read(DecodedText decoded, boolean complete) {
        String text = complete ? decoded.text() : Lines.dropPartialLast(decoded.text());
        CommentBlock comments = CommentBlock.of(text);
        String table = text.substring(comments.length());
        Optional<DialectSniffer.Sniffed> sniffed = DialectSniffer.sniff(table, !complete);
        if (sniffed.isEmpty()) {
            return Optional.empty();
        }
        ParsedRows parsed = ParsedRows.parse(table, sniffed.get().dialect(), Integer.MAX_VALUE, !complete);
        if (parsed.rows().isEmpty()) {
            return Optional.empty();
        }
        RecordLayout layout = RecordLayout.of(parsed.rows());
        List<Row> body = parsed.rows().subList(layout.preamble(), parsed.rows().size());
        HeaderDecision header = HeaderDetector.detect(body.get(0), body.subList(1, body.size()), layout.columns());
        List<String> names = header.present()
                ? ColumnNames.fromHeader(body.get(0).fields(), layout.columns())
                : ColumnNames.positional(layout.columns());
        List<TypedColumn> columns =
                DelimitedSchema.infer(names, header.present() ? body.subList(1, body.size()) : body);
        return Optional.of(
                new DelimitedText(decoded, comments, sniffed.get(), parsed, layout, header, columns, complete));
    }

    DecodedText decoded() {
        return decoded;
    }

    LineEnding lineEnding() {
        return lineEnding;
    }

    CommentBlock comments() {
        return comments;
    }

    DialectSniffer.Sniffed sniffed() {
        return sniffed;
    }

    Dialect dialect() {
        return sniffed.dialect();
    }

    /** Why the records could not all be read, with the line. */
    Optional<String> error() {
        return parsed.error();
    }

    RecordLayout layout() {
        return layout;
    }

    HeaderDecision header() {
        return header;
    }

    List<TypedColumn> columns() {
        return columns;
    }

    boolean complete() {
        return complete;
    }

    /** The records after the preamble, header included. */
    List<Row> body() {
        List<Row> rows = parsed.rows();
        return rows.subList(layout.preamble(), rows.size());
    }

    /** The records that hold data: after the preamble and the header. */
    List<Row> dataRows() {
        List<Row> body = body();
        return header.present() ? body.subList(1, body.size()) : body;
    }

    /**
     * The lines a reader skips before the data: leading comments, preamble records and the header, with the blank
     * lines among them.
     */
    long skippedLines() {
        int skippedRecords = layout.preamble() + (header.present() ? 1 : 0);
        long tableLines =
                skippedRecords == 0 ? 0 : parsed.rows().get(skippedRecords - 1).endLine();
        return comments.lines() + tableLines;
    }

    /** True when some value holds a line break, so a record spans lines. */
    boolean multiline() {
        return parsed.rows().stream()
                .flatMap(row -> row.fields().stream())
                .anyMatch(v -> v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0);
    }
}
