package io.sluice.runtime.io;

import io.sluice.row.Row;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random values of any type, biased towards the values codecs get wrong: extremes, zero, -0.0, NaN, infinities, empty
 * and prefix strings, zero bytes, characters on both sides of the UTF-16 surrogate range, nulls nested anywhere.
 */
public final class RandomValues {
    /** Characters chosen so that random strings are often prefixes of each other and hit every UTF-8 length. */
    private static final String[] CHARACTERS = {
        "\u0000", "\u0001", "a", "b", " ", "é", "\u07FF", "中", "\uE000", "\uFFFF", "😀", "\uD800\uDC00"
    };

    private static final String[] TEXTS = {
        "", "a", "a\u0000", "a\u0000b", "\u0000", "ab", "abc", "b", "a ", "😀", "\uFFFF"
    };

    private static final byte[] BYTES = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF};

    /** Seconds within the range Sluice shuffles timestamps in (about 146,000 years from 1970). */
    private static final long MAX_SECONDS = 4_000_000_000_000L;

    private final Random random;
    private final double nullChance;

    public RandomValues(long seed, double nullChance) {
        this.random = new Random(seed);
        this.nullChance = nullChance;
    }

    public Random random() {
        return random;
    }

    /** A value of {@code type}, null with the configured chance. */
    public Object value(DataType type) {
        return random.nextDouble() < nullChance ? null : nonNull(type);
    }

    public Row row(StructType type) {
        Row row = new Row(type.fields().size());
        for (int i = 0; i < row.width(); i++) {
            row.set(i, value(type.fields().get(i).type()));
        }
        return row;
    }

    public Object nonNull(DataType type) {
        if (type instanceof PrimitiveType primitive) {
            return primitive(primitive);
        }
        if (type instanceof DecimalType decimal) {
            return decimal(decimal);
        }
        if (type.isText()) {
            return text();
        }
        if (type instanceof ArrayType array) {
            List<Object> list = new ArrayList<>();
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                list.add(value(array.elementType()));
            }
            return list;
        }
        if (type instanceof MapType map) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                entries.put(value(map.keyType()), value(map.valueType()));
            }
            return entries;
        }
        return row((StructType) type);
    }

    private Object primitive(PrimitiveType type) {
        boolean extreme = random.nextInt(4) == 0;
        return switch (type) {
            case BOOLEAN -> random.nextBoolean();
            case TINYINT -> extreme
                    ? pick((byte) 0, (byte) -1, (byte) 1, Byte.MIN_VALUE, Byte.MAX_VALUE)
                    : (byte) random.nextInt();
            case SMALLINT -> extreme
                    ? pick((short) 0, (short) -1, (short) 1, Short.MIN_VALUE, Short.MAX_VALUE)
                    : (short) random.nextInt();
            case INT -> extreme ? pick(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE) : random.nextInt(2000) - 1000;
            case BIGINT -> extreme ? pick(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE) : random.nextLong();
            case FLOAT -> extreme ? pick(specialFloats()) : randomFloat();
            case DOUBLE -> extreme ? pick(specialDoubles()) : randomDouble();
            case STRING -> text();
            case DATE -> extreme
                    ? pick(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalDate.EPOCH.minusDays(1))
                    : LocalDate.ofEpochDay(random.nextInt(800_000) - 400_000);
            case TIMESTAMP -> timestamp(extreme);
            case BINARY -> bytes();
        };
    }

    private Float[] specialFloats() {
        return new Float[] {
            0.0f,
            -0.0f,
            Float.NaN,
            Float.intBitsToFloat(0x7FC00123),
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            Float.MAX_VALUE,
            -Float.MAX_VALUE,
            1.0f,
            -1.0f
        };
    }

    private Double[] specialDoubles() {
        return new Double[] {
            0.0,
            -0.0,
            Double.NaN,
            Double.longBitsToDouble(0xFFF8000000000123L),
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            1.0,
            -1.0
        };
    }

    private float randomFloat() {
        return random.nextBoolean() ? Float.intBitsToFloat(random.nextInt()) : (float) (random.nextGaussian() * 10);
    }

    private double randomDouble() {
        return random.nextBoolean() ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian() * 10;
    }

    private BigDecimal decimal(DecimalType type) {
        int digits = random.nextInt(4) == 0 ? type.precision() : random.nextInt(type.precision() + 1);
        BigInteger unscaled;
        if (random.nextInt(5) == 0) {
            unscaled = BigInteger.TEN.pow(digits).subtract(BigInteger.ONE);
        } else {
            unscaled =
                    digits == 0 ? BigInteger.ZERO : new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        }
        return new BigDecimal(random.nextBoolean() ? unscaled.negate() : unscaled, type.scale());
    }

    private String text() {
        if (random.nextInt(3) == 0) {
            return pick(TEXTS);
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(pick(CHARACTERS));
        }
        return text.toString();
    }

    private byte[] bytes() {
        byte[] bytes = new byte[random.nextInt(5)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = BYTES[random.nextInt(BYTES.length)];
        }
        return bytes;
    }

    private LocalDateTime timestamp(boolean extreme) {
        long seconds = extreme
                ? pick(0L, -1L, MAX_SECONDS, -MAX_SECONDS)
                : random.nextLong() % MAX_SECONDS / (random.nextBoolean() ? 1 : 100_000);
        int nano =
                switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(1_000_000) * 1000;
                    case 2 -> 999_999_999;
                    default -> random.nextInt(1_000_000_000);
                };
        return LocalDateTime.ofEpochSecond(seconds, nano, ZoneOffset.UTC);
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
