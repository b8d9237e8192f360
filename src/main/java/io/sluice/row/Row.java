package io.sluice.row;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record: values by position, as the schema that goes with it orders them. Rows are mutable so that readers can
 * fill the same row again for every record instead of allocating one each time; {@link #copy()} when a row must
 * outlive the next read.
 *
 * <p>Values are {@code null} (SQL NULL) or of the Java type {@link Values} gives for the column's Hive type. The hot
 * paths — readers, writers, shuffle codecs, column reads of expressions — may also keep int, bigint, double, date and
 * timestamp values unboxed, with the typed setters ({@link #setLong}, {@link #setTimestampMicros}...), and read any
 * value of those types with the typed getters, whichever way it was set. {@link #get} boxes an unboxed value when it
 * is asked for, so the rest of Sluice sees the same objects either way. A typed setter must match the column's type
 * ({@link #setInt} for an int column...), as {@link #set} must.
 */
public final class Row {
    private final Object[] values;
    /**
     * The unboxed values, where {@code values} holds a {@link Unboxed} marker. Made with the row when it is made to be
     * filled (readers and stages fill theirs again and again: a compiled setter then never meets a row without them),
     * else at the first unboxed value.
     */
    private long[] bits;

    /** An empty row of {@code width} values, to be filled. */
    public Row(int width) {
        this.values = new Object[width];
        this.bits = new long[width];
    }

    private Row(Object[] values) {
        this.values = values;
    }

    private Row(Object[] values, long[] bits) {
        this.values = values;
        this.bits = bits;
    }

    /** A row holding these values (not copied). */
    public static Row of(Object... values) {
        return new Row(values);
    }

    public int width() {
        return values.length;
    }

    /** The value at {@code position} as {@link Values} represents it (boxed), or null. */
    public Object get(int position) {
        Object value = values[position];
        return value instanceof Unboxed unboxed ? unboxed.box(bits[position]) : value;
    }

    public void set(int position, Object value) {
        values[position] = value;
    }

    /** True when the value at {@code position} is SQL NULL. */
    public boolean isNull(int position) {
        return values[position] == null;
    }

    /** True when the value at {@code position} is held unboxed (set by a typed setter or copied from one). */
    public boolean isUnboxed(int position) {
        return values[position] instanceof Unboxed;
    }

    /** Sets an int column's value. */
    public void setInt(int position, int value) {
        unboxed(position, Unboxed.INT, value);
    }

    /** Sets a bigint column's value. */
    public void setLong(int position, long value) {
        unboxed(position, Unboxed.LONG, value);
    }

    /** Sets a double column's value. */
    public void setDouble(int position, double value) {
        unboxed(position, Unboxed.DOUBLE, Double.doubleToRawLongBits(value));
    }

    /** Sets a date column's value: days since 1970-01-01. */
    public void setEpochDay(int position, long epochDay) {
        unboxed(position, Unboxed.DATE, epochDay);
    }

    /** Sets a timestamp column's value: microseconds since 1970-01-01T00:00 (zone-less). */
    public void setTimestampMicros(int position, long micros) {
        unboxed(position, Unboxed.TIMESTAMP, micros);
    }

    private void unboxed(int position, Unboxed kind, long value) {
        long[] slots = bits;
        if (slots == null) {
            slots = bits = new long[values.length];
        }
        slots[position] = value;
        values[position] = kind;
    }

    /**
     * The value of a tinyint, smallint, int or bigint column.
     *
     * @throws ClassCastException when the value is of another type
     * @throws NullPointerException when the value is null
     */
    public long getLong(int position) {
        Object value = values[position];
        if (value == Unboxed.LONG || value == Unboxed.INT) {
            return bits[position];
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw notA(Long.class, value);
    }

    /**
     * The value of an int column, which must not be null.
     *
     * @throws ClassCastException when the value is not an int
     */
    public int getInt(int position) {
        Object value = values[position];
        if (value == Unboxed.INT) {
            return (int) bits[position];
        }
        if (value instanceof Integer integer) {
            return integer;
        }
        throw notA(Integer.class, value);
    }

    /**
     * The value of a double column, which must not be null.
     *
     * @throws ClassCastException when the value is not a double
     */
    public double getDouble(int position) {
        Object value = values[position];
        if (value == Unboxed.DOUBLE) {
            return Double.longBitsToDouble(bits[position]);
        }
        if (value instanceof Double number) {
            return number;
        }
        throw notA(Double.class, value);
    }

    /**
     * The value of a date column (which must not be null) as days since 1970-01-01.
     *
     * @throws ClassCastException when the value is not a date
     */
    public long getEpochDay(int position) {
        Object value = values[position];
        if (value == Unboxed.DATE) {
            return bits[position];
        }
        if (value instanceof LocalDate date) {
            return Temporals.epochDay(date);
        }
        throw notA(LocalDate.class, value);
    }

    /**
     * The value of a timestamp column (which must not be null) as microseconds since 1970-01-01T00:00, digits below
     * the microsecond dropped.
     *
     * @throws ClassCastException when the value is not a timestamp
     * @throws ArithmeticException when the timestamp is too far from 1970 for a long of microseconds
     */
    public long getTimestampMicros(int position) {
        Object value = values[position];
        if (value == Unboxed.TIMESTAMP) {
            return bits[position];
        }
        if (value instanceof LocalDateTime timestamp) {
            return Temporals.epochMicros(timestamp);
        }
        throw notA(LocalDateTime.class, value);
    }

    /** Sets the value at {@code position} to the value at {@code sourcePosition} of {@code source}, boxed or not. */
    public void setFrom(int position, Row source, int sourcePosition) {
        Object value = source.values[sourcePosition];
        if (value instanceof Unboxed kind) {
            unboxed(position, kind, source.bits[sourcePosition]);
        } else {
            values[position] = value;
        }
    }

    /**
     * A hash of the value at {@code position} that is the same whether the value is held boxed or not: equal values
     * hash alike.
     */
    public int hashAt(int position) {
        Object value = values[position];
        if (value instanceof Unboxed unboxed) {
            return unboxed.hash(bits[position]);
        }
        if (value instanceof LocalDate date) {
            return Long.hashCode(Temporals.epochDay(date));
        }
        if (value instanceof LocalDateTime timestamp) {
            return Long.hashCode(Temporals.epochSecond(timestamp) * 1_000_000 + timestamp.getNano() / 1_000);
        }
        return value == null ? 0 : value.hashCode();
    }

    /**
     * True when the value at {@code position} equals {@code value} (a value as {@link #get} gives it) by {@code
     * equals}, without boxing the value held here.
     */
    public boolean valueEquals(int position, Object value) {
        Object own = values[position];
        if (!(own instanceof Unboxed unboxed)) {
            return Objects.equals(own, value);
        }
        return value != null && unboxed.boxedClass == value.getClass() && unboxed.equalsBoxed(bits[position], value);
    }

    /**
     * How the value at {@code position} is held unboxed, as a token for {@link #valueEquals(int, Object, Object,
     * long)}, or null when it is held boxed or is null.
     */
    public Object unboxedKind(int position) {
        Object value = values[position];
        return value instanceof Unboxed ? value : null;
    }

    /** The bits of the value at {@code position}, when {@link #unboxedKind} is not null; else meaningless. */
    public long unboxedBits(int position) {
        return bits == null ? 0 : bits[position];
    }

    /**
     * As {@link #valueEquals(int, Object)}, for a {@code value} taken from a row that held it unboxed as {@code kind}
     * ({@link #unboxedKind}, null when it held it boxed) in {@code valueBits}: when this row holds its value the same
     * way, the bits are compared (doubles as {@link Double#equals} compares them), without the boxed value.
     */
    public boolean valueEquals(int position, Object value, Object kind, long valueBits) {
        if (kind != null && values[position] == kind) {
            long own = bits[position];
            return own == valueBits
                    || kind == Unboxed.DOUBLE
                            && Double.doubleToLongBits(Double.longBitsToDouble(own))
                                    == Double.doubleToLongBits(Double.longBitsToDouble(valueBits));
        }
        return valueEquals(position, value);
    }

    /** Sets every value to null. */
    public void clear() {
        Arrays.fill(values, null);
    }

    /** A copy whose values are shared (they are immutable, but for nested rows, lists and maps, which are copied). */
    public Row copy() {
        Object[] copy = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = Values.copy(values[i]);
        }
        return new Row(copy, bits == null ? null : bits.clone());
    }

    /** The values, boxed. */
    private Object[] boxed() {
        if (bits == null) {
            return values;
        }
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = get(i);
        }
        return boxed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && Arrays.deepEquals(boxed(), row.boxed());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(boxed());
    }

    @Override
    public String toString() {
        return Arrays.deepToString(boxed());
    }

    /** As the cast of a boxed value would fail: "class A cannot be cast to class B". */
    private static ClassCastException notA(Class<?> expected, Object value) {
        if (value == null) {
            throw new NullPointerException("the value is null");
        }
        Class<?> actual = value instanceof Unboxed unboxed ? unboxed.boxedClass : value.getClass();
        return new ClassCastException("class " + actual.getName() + " cannot be cast to class " + expected.getName());
    }

    /**
     * Marks a value kept in {@code bits}, and how to box it. A final class, not an enum with a body per constant, so
     * that telling a marker from a value is one class comparison.
     */
    private static final class Unboxed {
        private static final int NANOS_PER_MICRO = 1_000;
        private static final long MICROS_PER_SECOND = 1_000_000L;

        static final Unboxed INT = new Unboxed(0, Integer.class);
        static final Unboxed LONG = new Unboxed(1, Long.class);
        static final Unboxed DOUBLE = new Unboxed(2, Double.class);
        static final Unboxed DATE = new Unboxed(3, LocalDate.class);
        static final Unboxed TIMESTAMP = new Unboxed(4, LocalDateTime.class);

        private final int kind;
        final Class<?> boxedClass;

        private Unboxed(int kind, Class<?> boxedClass) {
            this.kind = kind;
            this.boxedClass = boxedClass;
        }

        /** As {@link Row#hashAt} hashes the boxed value. */
        int hash(long bits) {
            return switch (kind) {
                case 0 -> (int) bits; // Integer.hashCode
                case 2 -> Double.hashCode(Double.longBitsToDouble(bits));
                default -> Long.hashCode(bits); // Long.hashCode; days and microseconds as Row.hashAt hashes them
            };
        }

        /** True when {@code value}, of {@link #boxedClass}, is the value of these bits. */
        boolean equalsBoxed(long bits, Object value) {
            return switch (kind) {
                case 0 -> (Integer) value == (int) bits;
                case 1 -> (Long) value == bits;
                case 2 -> Double.doubleToLongBits((Double) value)
                        == Double.doubleToLongBits(Double.longBitsToDouble(bits));
                case 3 -> Temporals.epochDay((LocalDate) value) == bits;
                default -> {
                    LocalDateTime timestamp = (LocalDateTime) value;
                    yield timestamp.getNano() % NANOS_PER_MICRO == 0
                            && Temporals.epochSecond(timestamp) == Math.floorDiv(bits, MICROS_PER_SECOND)
                            && timestamp.getNano() / NANOS_PER_MICRO == Math.floorMod(bits, MICROS_PER_SECOND);
                }
            };
        }

        Object box(long bits) {
            return switch (kind) {
                case 0 -> (int) bits;
                case 1 -> bits;
                case 2 -> Double.longBitsToDouble(bits);
                case 3 -> Temporals.ofEpochDay(bits);
                default -> Temporals.ofEpochMicros(bits);
            };
        }

        @Override
        public String toString() {
            return "unboxed " + boxedClass.getSimpleName();
        }
    }
}
