package io.sluice.format.grok;

import io.sluice.classify.grok.GrokMatcher;
import io.sluice.classify.grok.GrokPattern;
import io.sluice.format.RowReader;
import io.sluice.format.text.LineReader;
import io.sluice.format.text.TextSplit;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines of a split as rows of one grok pattern's captures. Blank lines are skipped (the classifier does not
 * count them either); a line the pattern does not match as a whole is a bad record, and so is a capture its column's
 * type cannot hold.
 */
final class GrokReader implements RowReader {
    private final String file;
    private final TextSplit split;
    private final LineReader lines;
    private final GrokPattern pattern;
    private final GrokMatcher matcher;
    private final Matcher regex;
    private final GrokColumns columns;

    GrokReader(String file, TextSplit split, GrokPattern pattern, GrokColumns columns) {
        this.file = file;
        this.split = split;
        this.lines = new LineReader(split);
        this.pattern = pattern;
        this.matcher = pattern.matcher();
        this.regex = Pattern.compile(pattern.regex()).matcher("");
        this.columns = columns;
    }

    @Override
    public boolean next(Row row) throws IOException, BadRecordException {
        while (lines.next()) {
            if (lines.isBlank()) {
                continue;
            }
            String line = new String(lines.bytes(), lines.start(), lines.end() - lines.start(), split.charset());
            if (!matcher.matches(line)) {
                throw bad(Optional.empty(), line, reason(line));
            }
            fill(row);
            return true;
        }
        return false;
    }

    /** Why the line does not match: not at all, or a capture that is not of its declared type. */
    private String reason(String line) {
        if (regex.reset(line).matches()) {
            return matcher.failure().orElse("does not match the pattern " + pattern.grok());
        }
        return "does not match the pattern " + pattern.grok();
    }

    private void fill(Row row) throws IOException, BadRecordException {
        for (int i = 0; i < columns.size(); i++) {
            int capture = columns.capture(i);
            String text = capture < 0 ? null : matcher.text(capture);
            try {
                row.set(i, columns.parser(i).parse(text));
            } catch (IllegalArgumentException e) {
                throw bad(Optional.of(columns.name(i)), text, e.getMessage());
            }
        }
    }

    private BadRecordException bad(Optional<String> column, String value, String reason) throws IOException {
        return new BadRecordException(file, OptionalLong.of(lines.lineNumber()), column, Optional.of(value), reason);
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
