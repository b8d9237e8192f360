package io.sluice.classify.text;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a delimited text as one dialect splits them.
 *
 * @param rows the records read, in order
 * @param error why reading stopped before the end of the text, with the line; empty when the text was read to its
 *     end or was cut off inside its last record (a truncated sample)
 */
record ParsedRows(List<Row> rows, Optional<String> error) {
    ParsedRows {
        rows = List.copyOf(rows);
        requireNonNull(error, "error is null");
    }

    /**
     * Splits the text into at most {@code limit} records. When {@code truncated}, the text may end inside a quoted
     * field that continues beyond it; that record is dropped without an error.
     */
    static ParsedRows parse(String text, Dialect dialect, int limit, boolean truncated) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, dialect.format())) {
            Iterator<CSVRecord> records = parser.iterator();
            try {
                while (rows.size() < limit && records.hasNext()) {
                    CSVRecord record = records.next();
                    rows.add(new Row(record.toList(), parser.getCurrentLineNumber()));
                }
            } catch (UncheckedIOException e) {
                boolean atEnd = parser.getCurrentLineNumber() >= Lines.count(text);
                Optional<String> error = truncated && atEnd
                        ? Optional.empty()
                        : Optional.of("line " + parser.getCurrentLineNumber() + ": "
                                + e.getCause().getMessage());
                return new ParsedRows(rows, error);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading text in memory failed", e);
        }
        return new ParsedRows(rows, Optional.empty());
    }
}
