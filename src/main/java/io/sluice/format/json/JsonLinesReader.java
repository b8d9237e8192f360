package io.sluice.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.format.RowReader;
import io.sluice.format.text.LineReader;
import io.sluice.format.text.TextSplit;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads JSON lines: each non-blank line of the split is one object, parsed from the line's bytes in place. A line
 * that is not a JSON object, or holds more than one, is a bad record; the next line is read as usual.
 */
final class JsonLinesReader implements RowReader {
    private final TextSplit split;
    private final LineReader lines;
    private final JsonParsers parsers;
    private final JsonStructConverter record;
    private final JsonBadRecords bad;

    JsonLinesReader(String file, TextSplit split, JsonStructConverter record) {
        this.split = split;
        this.lines = new LineReader(split);
        this.parsers = new JsonParsers(split.charset());
        this.record = record;
        this.bad = new JsonBadRecords(file);
    }

    @Override
    public boolean next(Row row) throws IOException, BadRecordException {
        while (lines.next()) {
            if (!lines.isBlank()) {
                read(row);
                return true;
            }
        }
        return false;
    }

    private void read(Row row) throws IOException, BadRecordException {
        try (JsonParser parser = parsers.parser(lines.bytes(), lines.start(), lines.end() - lines.start())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw bad.record(lines.lineNumber(), text(), "is not a JSON object");
            }
            record.fill(parser, row);
            if (parser.nextToken() != null) {
                throw bad.record(lines.lineNumber(), text(), "holds more than one JSON value");
            }
        } catch (JsonValueException e) {
            throw bad.value(lines.lineNumber(), e);
        } catch (JsonProcessingException e) {
            throw bad.record(lines.lineNumber(), text(), "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private Optional<String> text() {
        return Optional.of(new String(lines.bytes(), lines.start(), lines.end() - lines.start(), split.charset()));
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
