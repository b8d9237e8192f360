package io.sluice.format.text;

import io.sluice.row.Temporals;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.LocalDate;

/**
 * The dates of the ten-byte date parts ({@code 2024-02-19}, {@code 19.02.2024}) one column has parsed, looked up by
 * their bytes: a column of timestamps repeats a few hundred days millions of times, and a hit skips checking the ten
 * bytes, reading the numbers and the calendar. The bytes are the key (packed into a {@code long} and a {@code char}),
 * so only bytes that parsed before, to exactly this date, hit. A direct-mapped table of {@value #SLOTS} slots; not
 * thread-safe.
 */
final class RecentDates {
    static final int SLOTS = 512;
    static final int LENGTH = 10;
    /** What {@link #epochDay} gives for bytes it holds no date of. */
    static final long NONE = Long.MIN_VALUE;

    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] heads = new long[SLOTS];
    private final char[] tails = new char[SLOTS];
    private final LocalDate[] dates = new LocalDate[SLOTS];
    private final long[] epochDays = new long[SLOTS];

    /** The date held for the {@value #LENGTH} bytes at {@code from}, or null. */
    LocalDate get(byte[] b, int from) {
        long head = (long) LONGS.get(b, from);
        char tail = tail(b, from);
        int slot = slot(head, tail);
        LocalDate date = dates[slot];
        return date != null && heads[slot] == head && tails[slot] == tail ? date : null;
    }

    /** The date held for the {@value #LENGTH} bytes at {@code from} as days since 1970-01-01, or {@link #NONE}. */
    long epochDay(byte[] b, int from) {
        long head = (long) LONGS.get(b, from);
        char tail = tail(b, from);
        int slot = slot(head, tail);
        return dates[slot] != null && heads[slot] == head && tails[slot] == tail ? epochDays[slot] : NONE;
    }

    /** Holds {@code date} as the date of the {@value #LENGTH} bytes at {@code from}. */
    void put(byte[] b, int from, LocalDate date) {
        long head = (long) LONGS.get(b, from);
        char tail = tail(b, from);
        int slot = slot(head, tail);
        heads[slot] = head;
        tails[slot] = tail;
        dates[slot] = date;
        epochDays[slot] = Temporals.epochDay(date);
    }

    private static char tail(byte[] b, int from) {
        return (char) ((b[from + 8] & 0xFF) << Byte.SIZE | (b[from + 9] & 0xFF));
    }

    private static int slot(long head, char tail) {
        return (int) (((head ^ tail) * 0x9E37_79B9_7F4A_7C15L) >>> (Long.SIZE - SLOT_BITS));
    }
}
