package io.sluice.format.json;

import io.sluice.row.BadRecordException;
import java.util.Optional;
import java.util.OptionalLong;

/** Bad records of one JSON file, with its name. */
final class JsonBadRecords {
    private final String file;

    JsonBadRecords(String file) {
        this.file = file;
    }

    /** A value that does not fit its column. */
    BadRecordException value(long line, JsonValueException e) {
        return new BadRecordException(
                file, OptionalLong.of(line), Optional.of(e.path()), Optional.ofNullable(e.value()), e.reason());
    }

    /** A record that is not a JSON object, or not JSON. */
    BadRecordException record(long line, Optional<String> text, String reason) {
        return new BadRecordException(file, OptionalLong.of(line), Optional.empty(), text, reason);
    }
}
