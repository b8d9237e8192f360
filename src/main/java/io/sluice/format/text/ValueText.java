package io.sluice.format.text;

import io.sluice.format.TextForms;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;

/**
 * Writes values in the text form Sluice's readers and crawler parse back, the form of {@link TextForms} (Hive's {@code
 * CAST(x AS STRING)}), straight into a {@link TextOutput}: integers and dates digit by digit, decimals without exponent
 * from their unscaled value, timestamps {@code yyyy-MM-dd HH:mm:ss[.fffffffff]} with the fraction only as long as it
 * needs, floating point as Java prints it ({@code 1.5}, {@code 1.0E10}, {@code NaN}), binary as Base64. One instance
 * per writer: it holds the scratch space for Base64. Not thread-safe.
 */
public final class ValueText {
    private static final double SCIENTIFIC_FROM = 1e7; // Double.toString and Float.toString switch to E notation here
    private static final int MAX_COMPACT_DIGITS = 18;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private final byte[] digits = new byte[MAX_COMPACT_DIGITS + 1];
    private byte[] base64 = new byte[64];

    public void bool(TextOutput out, boolean value) throws IOException {
        out.write(value ? TRUE : FALSE);
    }

    /** As {@link Double#toString}, without building a string for whole numbers below 10^7. */
    public void doubleValue(TextOutput out, double value) throws IOException {
        if (isSmallWhole(value)) {
            out.decimal((long) value);
            out.write('.');
            out.write('0');
        } else {
            out.ascii(Double.toString(value));
        }
    }

    /** As {@link Float#toString}, without building a string for whole numbers below 10^7. */
    public void floatValue(TextOutput out, float value) throws IOException {
        if (isSmallWhole(value)) {
            out.decimal((long) value);
            out.write('.');
            out.write('0');
        } else {
            out.ascii(Float.toString(value));
        }
    }

    private static boolean isSmallWhole(double value) {
        return value == Math.rint(value)
                && Math.abs(value) < SCIENTIFIC_FROM
                && (value != 0 || Double.doubleToRawLongBits(value) == 0);
    }

    /** {@link BigDecimal#toPlainString}: {@code -0.05}, {@code 12.300}. */
    public void decimal(TextOutput out, BigDecimal value) throws IOException {
        int scale = value.scale();
        if (scale < 0 || scale > MAX_COMPACT_DIGITS || value.precision() > MAX_COMPACT_DIGITS) {
            out.ascii(value.toPlainString());
            return;
        }
        long unscaled = value.unscaledValue().longValue();
        if (unscaled < 0) {
            out.write('-');
            unscaled = -unscaled;
        }
        int at = digits.length;
        int written = 0;
        do {
            digits[--at] = (byte) ('0' + unscaled % 10);
            unscaled /= 10;
            written++;
        } while (unscaled != 0 || written <= scale);
        int integerDigits = written - scale;
        out.write(digits, at, integerDigits);
        if (scale > 0) {
            out.write('.');
            out.write(digits, at + integerDigits, scale);
        }
    }

    /** {@code yyyy-MM-dd}. */
    public void date(TextOutput out, LocalDate date) throws IOException {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            out.ascii(date.toString());
            return;
        }
        out.padded(year, 4);
        out.write('-');
        out.padded(date.getMonthValue(), 2);
        out.write('-');
        out.padded(date.getDayOfMonth(), 2);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, then {@code .f} to {@code .fffffffff} when the second has a fraction. */
    public void timestamp(TextOutput out, LocalDateTime timestamp) throws IOException {
        int year = timestamp.getYear();
        if (year < 0 || year > 9999) {
            out.ascii(TextForms.of(timestamp));
            return;
        }
        date(out, timestamp.toLocalDate());
        out.write(' ');
        out.padded(timestamp.getHour(), 2);
        out.write(':');
        out.padded(timestamp.getMinute(), 2);
        out.write(':');
        out.padded(timestamp.getSecond(), 2);
        int nanos = timestamp.getNano();
        if (nanos != 0) {
            int width = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                width--;
            }
            out.write('.');
            out.padded(nanos, width);
        }
    }

    /** Base64 with padding, as Sluice's text readers decode binary columns. */
    public void binary(TextOutput out, byte[] bytes) throws IOException {
        int length = 4 * ((bytes.length + 2) / 3);
        if (base64.length < length) {
            base64 = new byte[Math.max(length, base64.length * 2)];
        }
        int written = Base64.getEncoder().encode(bytes, base64);
        out.write(base64, 0, written);
    }
}
