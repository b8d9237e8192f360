package io.sluice.row;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Fast conversions of the date and timestamp values of rows, for the paths that convert every value of a column
 * (parsing text, shuffle codecs, file writers and readers). Days from and to the civil calendar use integer arithmetic
 * without {@code java.time}'s per-call checks; recently made dates are reused instead of built anew. Results equal
 * {@code java.time}'s: {@link LocalDate#toEpochDay()}, {@link LocalDate#ofEpochDay(long)} and the like.
 *
 * <p>Times of day are made anew, not looked up: a table of the 86,400 seconds of a day (2 MB of objects) is read at
 * random by a column of timestamps, and each read missed the processor's caches — parsing a timestamp and converting
 * it back to microseconds took about 4 times as long as with a new time, which only costs a small allocation.
 *
 * <p>The date caches are shared by all threads without locks: their values are immutable, and a slot holding another
 * value is simply replaced.
 */
public final class Temporals {
    private static final int SECONDS_PER_DAY = 86_400;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;
    private static final LocalDate[] DATES = new LocalDate[4096];
    /** Recent dates by epoch day: 4,096 consecutive days (11 years) find their dates without the calendar. */
    private static final DayDate[] BY_DAY = new DayDate[4096];

    /** A date and its epoch day, published together (final fields) to threads sharing the table. */
    private record DayDate(long epochDay, LocalDate date) {}

    private Temporals() {}

    /**
     * The date of a year, month and day.
     *
     * @throws DateTimeException when there is no such date
     */
    public static LocalDate date(int year, int month, int day) {
        int slot = (year * 416 + month * 32 + day) & (DATES.length - 1);
        LocalDate date = DATES[slot];
        if (date != null && date.getDayOfMonth() == day && date.getMonthValue() == month && date.getYear() == year) {
            return date;
        }
        date = LocalDate.of(year, month, day);
        DATES[slot] = date;
        return date;
    }

    /**
     * The time of day.
     *
     * @throws DateTimeException when there is no such time
     */
    public static LocalTime time(int hour, int minute, int second, int nano) {
        return LocalTime.of(hour, minute, second, nano);
    }

    /** As {@link LocalDate#toEpochDay()}. */
    public static long epochDay(LocalDate date) {
        return epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** Days since 1970-01-01 of a civil date (proleptic Gregorian), by integer arithmetic. */
    static long epochDay(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /**
     * As {@link LocalDate#ofEpochDay(long)}.
     *
     * @throws DateTimeException when the day is outside the years {@link LocalDate} holds
     */
    public static LocalDate ofEpochDay(long epochDay) {
        int slot = (int) epochDay & (BY_DAY.length - 1);
        DayDate held = BY_DAY[slot];
        if (held != null && held.epochDay() == epochDay) {
            return held.date();
        }
        LocalDate date = civilDate(epochDay);
        BY_DAY[slot] = new DayDate(epochDay, date);
        return date;
    }

    private static LocalDate civilDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < LocalDate.MIN.getYear() || year > LocalDate.MAX.getYear()) {
            throw new DateTimeException("epoch day " + epochDay + " is outside the supported years");
        }
        return date((int) year, month, day);
    }

    /** As {@code timestamp.toEpochSecond(ZoneOffset.UTC)}. */
    public static long epochSecond(LocalDateTime timestamp) {
        return epochDay(timestamp.toLocalDate()) * SECONDS_PER_DAY
                + timestamp.toLocalTime().toSecondOfDay();
    }

    /**
     * Microseconds since 1970-01-01T00:00 of a zone-less timestamp, digits below the microsecond dropped.
     *
     * @throws ArithmeticException when the timestamp is too far from 1970 for a long of microseconds
     */
    public static long epochMicros(LocalDateTime timestamp) {
        long seconds = epochSecond(timestamp);
        return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), timestamp.getNano() / NANOS_PER_MICRO);
    }

    /** The timestamp of microseconds since 1970-01-01T00:00. */
    public static LocalDateTime ofEpochMicros(long micros) {
        return ofEpochSecond(
                Math.floorDiv(micros, MICROS_PER_SECOND),
                (int) Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
    }

    /**
     * As {@code LocalDateTime.ofEpochSecond(seconds, nano, ZoneOffset.UTC)}.
     *
     * @throws DateTimeException when the instant is outside the years {@link LocalDate} holds
     */
    public static LocalDateTime ofEpochSecond(long seconds, int nano) {
        LocalDate date = ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalTime time =
                nano == 0 ? LocalTime.ofSecondOfDay(second) : LocalTime.ofNanoOfDay(second * 1_000_000_000L + nano);
        return LocalDateTime.of(date, time);
    }
}
