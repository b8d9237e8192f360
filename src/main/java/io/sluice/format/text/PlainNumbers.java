package io.sluice.format.text;

/**
 * Reads plain numbers — {@code [sign] digits} and {@code [sign] digits [. digits]} — from bytes, stopping at the first
 * byte that cannot continue the number, so that a caller can parse a value while it looks for the value's end. The
 * caller decides whether the byte it stopped at ends the value ({@link BytesValueParser}: the end of the value; a
 * delimited record: a delimiter or line break) and otherwise hands the value to a full parser. Anything beyond
 * {@value #MAX_DIGITS} digits is declined, which keeps the arithmetic exact in a {@code long}.
 *
 * <p>A scan leaves its number in this object: not thread-safe, one per reader.
 */
public final class PlainNumbers {
    /** What a scan returns when there is no plain number at the position. */
    public static final int NONE = -1;

    static final int MAX_DIGITS = 18;
    private static final long MAX_EXACT_DOUBLE = 1L << 53;
    private static final long MAX_EXACT_FLOAT = 1L << 24;
    private static final double[] DOUBLE_POWERS = doublePowers();
    private static final float[] FLOAT_POWERS = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

    private boolean negative;
    private long digits;
    private int fractionDigits;

    /**
     * Scans {@code [+|-] digits} (1 to {@value #MAX_DIGITS}) from {@code from}: the index of the first byte after the
     * digits ({@code limit} or a byte that is not a digit), or {@link #NONE}. Then {@link #integer()} is its value.
     */
    public int scanInteger(byte[] b, int from, int limit) {
        int i = sign(b, from, limit);
        int start = i;
        long value = 0;
        while (i < limit) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit; // may wrap past 18 digits, which are declined below
            i++;
        }
        int count = i - start;
        if (count == 0 || count > MAX_DIGITS) {
            return NONE;
        }
        digits = value;
        fractionDigits = 0;
        return i;
    }

    /**
     * Scans {@code [+|-] digits [. digits]} with 1 to {@value #MAX_DIGITS} digits in all from {@code from}: the index
     * of the first byte after it, or {@link #NONE}. Then {@link #isExactDouble()} tells whether {@link #asDouble()} is
     * its value.
     */
    public int scanDecimal(byte[] b, int from, int limit) {
        int i = sign(b, from, limit);
        long value = 0;
        int count = 0;
        int fraction = -1;
        for (; i < limit; i++) {
            int digit = b[i] - '0';
            if (digit >= 0 && digit <= 9) {
                if (++count > MAX_DIGITS) {
                    return NONE;
                }
                value = value * 10 + digit;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (b[i] == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (count == 0) {
            return NONE;
        }
        digits = value;
        fractionDigits = Math.max(fraction, 0);
        return i;
    }

    private int sign(byte[] b, int from, int limit) {
        negative = from < limit && b[from] == '-';
        return from < limit && (negative || b[from] == '+') ? from + 1 : from;
    }

    /** The integer scanned last. */
    public long integer() {
        return negative ? -digits : digits;
    }

    /**
     * True when the number scanned last is a {@code double} by one correctly rounded division of exact values, so
     * that {@link #asDouble()} equals {@link Double#parseDouble} of its text.
     */
    public boolean isExactDouble() {
        return digits <= MAX_EXACT_DOUBLE && fractionDigits < DOUBLE_POWERS.length;
    }

    public double asDouble() {
        double value = (double) digits / DOUBLE_POWERS[fractionDigits];
        return negative ? -value : value;
    }

    /** As {@link #isExactDouble()}, for {@link #asFloat()} and {@link Float#parseFloat}. */
    public boolean isExactFloat() {
        return digits <= MAX_EXACT_FLOAT && fractionDigits < FLOAT_POWERS.length;
    }

    public float asFloat() {
        float value = (float) digits / FLOAT_POWERS[fractionDigits];
        return negative ? -value : value;
    }

    private static double[] doublePowers() {
        double[] powers = new double[23]; // 10^22 is the largest power of ten a double holds exactly
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }
}
