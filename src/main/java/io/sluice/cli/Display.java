package io.sluice.cli;

import io.sluice.catalog.Column;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.StorageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the human-readable listings show times, formats and key lists. */
final class Display {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Display() {}

    static String time(Optional<Instant> time) {
        return time.map(t -> TIME.format(t.truncatedTo(ChronoUnit.SECONDS))).orElse("-");
    }

    /** The format of a storage descriptor by name where Sluice knows it, else its SerDe class. */
    static String format(StorageDescriptor sd) {
        return StorageFormat.of(sd)
                .map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                .orElse(sd.serdeInfo().serializationLibrary());
    }

    static String keys(List<Column> keys) {
        return keys.stream().map(k -> k.name() + " " + k.type()).collect(Collectors.joining(", "));
    }

    static String names(List<Column> keys) {
        return keys.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
