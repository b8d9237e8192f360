package io.sluice.scheduler;

import static java.util.Objects.requireNonNull;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cron expression in a time zone: Unix cron's five fields ({@code minute hour day-of-month month day-of-week}) or
 * six with seconds first, as Spring and Quartz write them. Times are those of the zone's wall clock, so {@code 0 2 * *
 * *} in {@code Europe/Berlin} is 02:00 local time winter and summer; on the night the clocks go forward a time that
 * does not exist is skipped, and on the night they go back a time that exists twice fires once.
 */
public final class CronSchedule {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser WITH_SECONDS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, ZoneId zone, Cron cron) {
        this.expression = expression;
        this.zone = zone;
        this.executionTime = ExecutionTime.forCron(cron);
    }

    /** Parses an expression of five or six fields; fails with what is wrong in it. */
    public static CronSchedule parse(String expression, ZoneId zone) {
        requireNonNull(expression, "expression is null");
        requireNonNull(zone, "zone is null");
        String text = expression.trim();
        int fields = text.isEmpty() ? 0 : text.split("\\s+").length;
        if (fields != 5 && fields != 6) {
            throw new IllegalArgumentException("'" + expression + "' has " + fields
                    + " fields: a cron expression has 5 (minute hour day month weekday) or 6 (seconds first)");
        }
        try {
            Cron cron = (fields == 5 ? UNIX : WITH_SECONDS).parse(text).validate();
            return new CronSchedule(text, zone, cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + expression + "' is not a valid cron expression: " + e.getMessage());
        }
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first time of the schedule strictly after {@code time}. */
    public Optional<Instant> nextAfter(Instant time) {
        ZonedDateTime from = time.atZone(zone);
        return executionTime.nextExecution(from).map(ZonedDateTime::toInstant).filter(next -> next.isAfter(time));
    }

    /** The times of the schedule after {@code after} up to and including {@code upTo}, at most {@code limit}. */
    public List<Instant> between(Instant after, Instant upTo, int limit) {
        List<Instant> times = new ArrayList<>();
        Optional<Instant> next = nextAfter(after);
        while (next.isPresent() && !next.get().isAfter(upTo) && times.size() < limit) {
            times.add(next.get());
            next = nextAfter(next.get());
        }
        return times;
    }

    /** The last time of the schedule at or before {@code time}, if one exists. */
    public Optional<Instant> lastAtOrBefore(Instant time) {
        Instant probe = time.plusSeconds(1);
        return executionTime
                .lastExecution(probe.atZone(zone))
                .map(ZonedDateTime::toInstant)
                .filter(last -> !last.isAfter(time));
    }

    @Override
    public String toString() {
        return expression + " (" + zone + ")";
    }
}
