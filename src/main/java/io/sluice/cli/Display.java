package io.sluice.cli;

import io.sluice.catalog.Column;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.StorageFormat;
import io.sluice.runs.RunKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .orElse(sd.serdeInfo().serializationLibrary());
    }

    /** A duration as people read it: {@code 0.4s}, {@code 12.3s}, {@code 4m 05s}, {@code 2h 07m}. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** What runs, capitalized: {@code Job}, {@code Crawler}, {@code Workflow}. */
    static String kind(RunKind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A count with thousands separators: {@code 1,234,567}. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String keys(List<Column> keys) {
        return keys.stream().map(k -> k.name() + " " + k.type()).collect(Collectors.joining(", "));
    }

    static String names(List<Column> keys) {
        return keys.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
