package io.sluice.definition;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as definitions write them: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, or combined: {@code 1h30m}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?");
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private Durations() {}

    /**
     * Parses a duration; anything else fails with an {@link IllegalArgumentException} whose message says what is
     * expected.
     */
    public static Duration parse(String text) {
        String compact = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (compact.isEmpty() || !FORM.matcher(compact).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: write a number with a unit s, m, h or d, such as 90s, 30m, 2h"
                            + " or 1h30m");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(compact);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(
                        switch (part.group(2)) {
                            case "d" -> Duration.ofDays(amount);
                            case "h" -> Duration.ofHours(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            default -> Duration.ofSeconds(amount);
                        });
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
        }
        return total;
    }

    /** The shortest spelling {@link #parse} reads back: {@code 1h30m}, {@code 90s} stays {@code 1m30s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
