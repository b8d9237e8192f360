package io.sluice.row;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A record that cannot be read as its schema says: where it is (file, line or record number, column), the offending
 * text, and why, phrased to follow the text: {@code data.csv:12: column price: 'abc' is not a valid decimal(6,2)}. Readers throw it for one record and stay usable: the next call reads the next record, so a job can
 * send the bad record to its error output and go on, and nothing is dropped silently.
 */
public final class BadRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final OptionalLong line;
    private final Optional<String> column;
    private final Optional<String> value;
    private final String reason;

    public BadRecordException(
            String file, OptionalLong line, Optional<String> column, Optional<String> value, String reason) {
        super(describe(file, line, column, value, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** The 1-based line (text formats) or record number (binary formats), when known. */
    public OptionalLong line() {
        return line;
    }

    public Optional<String> column() {
        return column;
    }

    /** The offending text, when there is one. */
    public Optional<String> value() {
        return value;
    }

    public String reason() {
        return reason;
    }

    private static String describe(
            String file, OptionalLong line, Optional<String> column, Optional<String> value, String reason) {
        StringBuilder text = new StringBuilder(file);
        line.ifPresent(l -> text.append(':').append(l));
        text.append(": ");
        column.ifPresent(c -> text.append("column ").append(c).append(": "));
        value.ifPresent(v -> text.append('\'')
                .append(v.length() > 80 ? v.substring(0, 77) + "..." : v)
                .append("' "));
        return text.append(reason).toString();
    }
}
