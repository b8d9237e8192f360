package io.sluice.format.text;

import io.sluice.classify.TemporalFormat;
import io.sluice.row.Temporals;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The fixed-width layout of a {@link TemporalFormat} ({@code yyyy-MM-dd}, {@code dd.MM.yyyy HH:mm:ss[.S][XXX]}...),
 * which parses values straight from bytes without a {@link java.time.format.DateTimeFormatter}. It accepts exactly
 * what the format accepts except offsets other than {@code Z}; for anything else it declines ({@code null}) and the
 * caller parses the text with the format, which then also explains why a value is not valid.
 */
final class TemporalLayout {
    private static final int DATE_LENGTH = 10;
    private static final int TIME_LENGTH = 9; // separator and HH:mm:ss
    private static final int MAX_FRACTION = 9;
    private static final int HOURS_PER_DAY = 24;
    private static final int MINUTES_PER_HOUR = 60;
    private static final int SECONDS_PER_MINUTE = 60;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    /** What {@link #timestampMicros} and {@link #epochDay} give to decline. */
    static final long DECLINED = Long.MIN_VALUE;

    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1};
    private final int year;
    private final int month;
    private final int day;
    private final int firstSeparator;
    private final int secondSeparator;
    private final byte separator;
    /** The byte between date and time: 'T' or ' '; 0 when either is accepted. */
    private final byte timeSeparator;

    private final boolean offset;
    private final RecentDates recent = new RecentDates();

    private TemporalLayout(String datePart, byte timeSeparator, boolean offset) {
        this.year = datePart.indexOf("yyyy");
        this.month = datePart.indexOf("MM");
        this.day = datePart.indexOf("dd");
        this.firstSeparator = year == 0 ? 4 : 2;
        this.secondSeparator = year == 0 ? 7 : 5;
        this.separator = (byte) datePart.charAt(firstSeparator);
        this.timeSeparator = timeSeparator;
        this.offset = offset;
    }

    /** The layout of a format, or of ISO values ({@code yyyy-MM-dd}, with {@code T} or a space before the time). */
    static TemporalLayout of(Optional<TemporalFormat> format, boolean timestamp) {
        if (format.isEmpty()) {
            return new TemporalLayout("yyyy-MM-dd", timestamp ? 0 : (byte) ' ', timestamp);
        }
        String pattern = format.get().pattern();
        String datePart = pattern.substring(0, DATE_LENGTH);
        String rest = pattern.substring(DATE_LENGTH);
        byte timeSeparator = rest.startsWith("'T'") ? (byte) 'T' : (byte) ' ';
        return new TemporalLayout(datePart, timeSeparator, pattern.endsWith("[XXX]"));
    }

    /** The length of a value with neither a fraction of a second nor an offset: a date, or a date and its time. */
    static int plainLength(boolean timestamp) {
        return timestamp ? DATE_LENGTH + TIME_LENGTH : DATE_LENGTH;
    }

    /**
     * True when a value of {@link #plainLength} bytes that this layout reads may hold {@code c}: a digit, the date's
     * separator, the byte between date and time or the time's colon. The others it declines.
     */
    boolean mayHold(byte c) {
        return isDigit(c) || c == separator || c == ':' || c == 'T' || c == ' ';
    }

    /** The date, or null to decline. */
    LocalDate date(byte[] b, int from, int to) {
        return to - from == DATE_LENGTH ? datePart(b, from) : null;
    }

    /** The date as days since 1970-01-01, or {@link #DECLINED} to decline. */
    long epochDay(byte[] b, int from, int to) {
        if (to - from != DATE_LENGTH) {
            return DECLINED;
        }
        long day = recent.epochDay(b, from);
        if (day != RecentDates.NONE) {
            return day;
        }
        LocalDate date = datePart(b, from);
        return date == null ? DECLINED : Temporals.epochDay(date);
    }

    /** The date of the {@value #DATE_LENGTH} bytes at {@code from}, or null when they are not one. */
    private LocalDate datePart(byte[] b, int from) {
        LocalDate date = recent.get(b, from);
        if (date != null) {
            return date;
        }
        if (!dateDigits(b, from)) {
            return null;
        }
        date = cachedDate(number(b, from + year, 4), number(b, from + month, 2), number(b, from + day, 2));
        if (date != null) {
            recent.put(b, from, date);
        }
        return date;
    }

    /** The date, or null when there is no such date. */
    private static LocalDate cachedDate(int y, int m, int d) {
        try {
            return Temporals.date(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The time of day, or null when there is no such time: checked and made from the second of the day, which takes
     * one range check where {@link LocalTime#of(int, int, int, int)} takes four, and no exception for a bad value.
     */
    private static LocalTime time(int h, int m, int s, int nanos) {
        if (h >= HOURS_PER_DAY || m >= MINUTES_PER_HOUR || s >= SECONDS_PER_MINUTE) {
            return null;
        }
        int second = (h * MINUTES_PER_HOUR + m) * SECONDS_PER_MINUTE + s;
        return nanos == 0 ? LocalTime.ofSecondOfDay(second) : LocalTime.ofNanoOfDay(second * NANOS_PER_SECOND + nanos);
    }

    /** The timestamp, or null to decline. */
    LocalDateTime timestamp(byte[] b, int from, int to) {
        int nanos = nanosOfTimestamp(b, from, to);
        if (nanos < 0) {
            return null;
        }
        LocalDate date = datePart(b, from);
        if (date == null) {
            return null;
        }
        int t = from + DATE_LENGTH + 1;
        LocalTime time = time(number(b, t, 2), number(b, t + 3, 2), number(b, t + 6, 2), nanos);
        return time == null ? null : LocalDateTime.of(date, time);
    }

    /**
     * The timestamp as microseconds since 1970-01-01T00:00, or {@link #DECLINED} to decline — also for digits
     * below the microsecond, which only a {@link LocalDateTime} holds.
     */
    long timestampMicros(byte[] b, int from, int to) {
        int nanos = nanosOfTimestamp(b, from, to);
        if (nanos < 0 || nanos % NANOS_PER_MICRO != 0) {
            return DECLINED;
        }
        long day = recent.epochDay(b, from);
        if (day == RecentDates.NONE) {
            LocalDate date = datePart(b, from);
            if (date == null) {
                return DECLINED;
            }
            day = Temporals.epochDay(date);
        }
        int t = from + DATE_LENGTH + 1;
        int h = number(b, t, 2);
        int m = number(b, t + 3, 2);
        int s = number(b, t + 6, 2);
        if (h >= HOURS_PER_DAY || m >= MINUTES_PER_HOUR || s >= SECONDS_PER_MINUTE) {
            return DECLINED;
        }
        long second = day * SECONDS_PER_DAY + (h * MINUTES_PER_HOUR + m) * SECONDS_PER_MINUTE + s;
        return second * MICROS_PER_SECOND + nanos / NANOS_PER_MICRO;
    }

    /**
     * The nanoseconds of a timestamp's fraction when its time part, fraction and offset are in the layout (the date
     * part is checked apart), else -1.
     */
    private int nanosOfTimestamp(byte[] b, int from, int to) {
        int length = to - from;
        if (length < DATE_LENGTH + TIME_LENGTH || !timeDigits(b, from + DATE_LENGTH)) {
            return -1;
        }
        int i = from + DATE_LENGTH + TIME_LENGTH;
        int nanos = 0;
        if (i < to && b[i] == '.') {
            int digits = 0;
            i++;
            while (i < to && isDigit(b[i]) && digits < MAX_FRACTION) {
                nanos = nanos * 10 + (b[i++] - '0');
                digits++;
            }
            if (digits == 0) {
                return -1;
            }
            nanos *= NANOS_SCALE[digits];
        }
        if (offset && i == to - 1 && b[i] == 'Z') {
            i++;
        }
        return i == to ? nanos : -1;
    }

    private boolean dateDigits(byte[] b, int from) {
        for (int i = 0; i < DATE_LENGTH; i++) {
            byte c = b[from + i];
            boolean ok = i == firstSeparator || i == secondSeparator ? c == separator : isDigit(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean timeDigits(byte[] b, int at) {
        byte between = b[at];
        if (timeSeparator == 0 ? between != 'T' && between != ' ' : between != timeSeparator) {
            return false;
        }
        return isDigit(b[at + 1])
                && isDigit(b[at + 2])
                && b[at + 3] == ':'
                && isDigit(b[at + 4])
                && isDigit(b[at + 5])
                && b[at + 6] == ':'
                && isDigit(b[at + 7])
                && isDigit(b[at + 8]);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int number(byte[] b, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }
}
