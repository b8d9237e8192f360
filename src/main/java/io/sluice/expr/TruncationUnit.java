package io.sluice.expr;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The units {@code date_trunc} truncates timestamps to. */
enum TruncationUnit {
    YEAR,
    QUARTER,
    MONTH,
    WEEK,
    DAY,
    HOUR,
    MINUTE,
    SECOND;

    static Optional<TruncationUnit> of(String name) {
        return Arrays.stream(values())
                .filter(unit -> unit.name().equalsIgnoreCase(name.trim()))
                .findFirst();
    }

    static String names() {
        return Arrays.stream(values())
                .map(unit -> "'" + unit.name().toLowerCase(Locale.ROOT) + "'")
                .collect(Collectors.joining(", "));
    }

    LocalDateTime truncate(LocalDateTime timestamp) {
        return switch (this) {
            case YEAR -> timestamp.toLocalDate().withDayOfYear(1).atStartOfDay();
            case QUARTER -> timestamp
                    .toLocalDate()
                    .withDayOfMonth(1)
                    .withMonth((timestamp.getMonthValue() - 1) / 3 * 3 + 1)
                    .atStartOfDay();
            case MONTH -> timestamp.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case WEEK -> timestamp
                    .toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay();
            case DAY -> timestamp.truncatedTo(ChronoUnit.DAYS);
            case HOUR -> timestamp.truncatedTo(ChronoUnit.HOURS);
            case MINUTE -> timestamp.truncatedTo(ChronoUnit.MINUTES);
            case SECOND -> timestamp.truncatedTo(ChronoUnit.SECONDS);
        };
    }
}
