package io.sluice.classify;

import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers the Hive type of one column from its text values, and remembers why.
 *
 * <p>Each value narrows a set of candidates: boolean, integral ({@code int} or {@code bigint} by range), fixed-scale
 * decimal (every fractional value has the same number of decimals, as money does), double, date and timestamp (in one
 * of the {@link TemporalFormat}s, the same for all values). What survives all values decides, in that order; else
 * {@code string}. Empty text, {@code NULL}, {@code null} and {@code \N} are nulls and rule nothing out. Numbers with
 * leading zeros ({@code 007}) stay text so the zeros survive.
 */
public final class ValueInference {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern FIXED = Pattern.compile("-?(0|[1-9][0-9]*)\\.([0-9]+)");
    private static final Pattern FLOATING = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Set<String> NULLS = Set.of("", "NULL", "null", "\\N");
    private static final int EXAMPLES = 3;

    private boolean bool = true;
    private boolean integral = true;
    private boolean decimal = true;
    private boolean floating = true;
    private final List<TemporalFormat> temporal = new ArrayList<>(TemporalFormat.all());

    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private int integerDigits = 1;
    private int scale = -1;
    private long values;
    private long nulls;
    private final Set<String> examples = new LinkedHashSet<>();
    private String textExample;

    /** Whether this text is a null marker rather than a value. */
    public static boolean isNull(String text) {
        return text == null || NULLS.contains(text);
    }

    public void add(String text) {
        if (isNull(text)) {
            nulls++;
            return;
        }
        values++;
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
        bool &= isBoolean(text);
        if (integral || decimal || floating) {
            numeric(text);
        }
        if (!temporal.isEmpty()) {
            temporal.removeIf(format -> !format.matches(text));
        }
        if (textExample == null && !bool && !integral && !decimal && !floating && temporal.isEmpty()) {
            textExample = text;
        }
    }

    private void numeric(String text) {
        if (INTEGER.matcher(text).matches()) {
            integerDigits = Math.max(integerDigits, digitsBeforePoint(text));
            if (integral) {
                try {
                    long value = Long.parseLong(text);
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                } catch (NumberFormatException tooLong) {
                    integral = false;
                }
            }
            return;
        }
        integral = false;
        var fixed = FIXED.matcher(text);
        if (fixed.matches()) {
            int decimals = fixed.group(2).length();
            if (scale >= 0 && scale != decimals) {
                decimal = false;
            }
            scale = Math.max(scale, decimals);
            integerDigits = Math.max(integerDigits, digitsBeforePoint(text));
        } else {
            decimal = false;
        }
        floating &= FLOATING.matcher(text).matches();
    }

    private static int digitsBeforePoint(String text) {
        int point = text.indexOf('.');
        int end = point < 0 ? text.length() : point;
        return end - (text.startsWith("-") ? 1 : 0);
    }

    private static boolean isBoolean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false");
    }

    /** How many non-null values were seen. */
    public long values() {
        return values;
    }

    public long nulls() {
        return nulls;
    }

    /** The inferred type, with the format for dates and timestamps and the reason. */
    public Inferred result() {
        String seen = values + (values == 1 ? " value" : " values") + (nulls > 0 ? " and " + nulls + " nulls" : "");
        if (values == 0) {
            return new Inferred(PrimitiveType.STRING, Optional.empty(), "string: no values in the sample, only nulls");
        }
        if (bool) {
            return inferred(PrimitiveType.BOOLEAN, "all " + seen + " are true/false");
        }
        if (integral) {
            boolean fitsInt = min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE;
            return inferred(
                    fitsInt ? PrimitiveType.INT : PrimitiveType.BIGINT,
                    "all " + seen + " are whole numbers from " + min + " to " + max + (fitsInt ? "" : ", beyond int"));
        }
        int decimals = Math.max(scale, 0);
        if (decimal && integerDigits + decimals <= DecimalType.MAX_PRECISION) {
            // Whole numbers land here only when they overflow bigint.
            return inferred(
                    DecimalType.of(integerDigits + decimals, decimals),
                    "all " + seen + " are numbers with " + decimals + " decimals and at most " + integerDigits
                            + " integer digits");
        }
        if (floating) {
            return inferred(PrimitiveType.DOUBLE, "all " + seen + " are numbers with varying decimals or exponents");
        }
        if (!temporal.isEmpty()) {
            TemporalFormat format = temporal.get(0);
            String ambiguity = temporal.size() > 1
                    ? " (also valid as " + temporal.get(1).pattern() + "; the first is preferred)"
                    : "";
            DataType type = format.isTimestamp() ? PrimitiveType.TIMESTAMP : PrimitiveType.DATE;
            return new Inferred(
                    type,
                    Optional.of(format),
                    type + ": all " + seen + " match " + format.pattern() + ambiguity + ", e.g. " + examples());
        }
        return inferred(PrimitiveType.STRING, "'" + textExample + "' is not a number, boolean, date or timestamp");
    }

    private Inferred inferred(DataType type, String why) {
        String reason = type + ": " + why;
        if (type != PrimitiveType.STRING) {
            reason += ", e.g. " + examples();
        }
        return new Inferred(type, Optional.empty(), reason);
    }

    private String examples() {
        return String.join(", ", examples);
    }

    /** An inferred type; {@code format} is set for dates and timestamps. */
    public record Inferred(DataType type, Optional<TemporalFormat> format, String reason) {}
}
