package io.sluice.expr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * How two non-null values compare, chosen once per comparison from the operand types (see {@link
 * TypeRules#order}). Numbers are read through {@link Number} so an int compares with a bigint without converting
 * either; a date compares with a timestamp as its midnight.
 */
enum ValueOrder {
    INTEGRAL {
        @Override
        int compare(Object a, Object b) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
    },
    FLOATING {
        @Override
        int compare(Object a, Object b) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            // 0.0 equals -0.0 as in SQL; NaN equals itself and sorts last, as Hive orders doubles.
            return x == y ? 0 : Double.compare(x, y);
        }
    },
    DECIMAL {
        @Override
        int compare(Object a, Object b) {
            return decimal(a).compareTo(decimal(b));
        }
    },
    TEXT {
        @Override
        int compare(Object a, Object b) {
            return ((String) a).compareTo((String) b);
        }
    },
    BOOLEAN {
        @Override
        int compare(Object a, Object b) {
            return Boolean.compare((Boolean) a, (Boolean) b);
        }
    },
    DATE {
        @Override
        int compare(Object a, Object b) {
            return ((LocalDate) a).compareTo((LocalDate) b);
        }
    },
    TIMESTAMP {
        @Override
        int compare(Object a, Object b) {
            return ((LocalDateTime) a).compareTo((LocalDateTime) b);
        }
    },
    /** A date on the left, a timestamp on the right. */
    DATE_TIMESTAMP {
        @Override
        int compare(Object a, Object b) {
            return -dateWithTimestamp((LocalDate) a, (LocalDateTime) b);
        }
    },
    /** A timestamp on the left, a date on the right. */
    TIMESTAMP_DATE {
        @Override
        int compare(Object a, Object b) {
            return dateWithTimestamp((LocalDate) b, (LocalDateTime) a);
        }
    },
    BINARY {
        @Override
        int compare(Object a, Object b) {
            return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
        }
    };

    /** Negative, zero or positive as {@code a} is before, equal to or after {@code b}; neither is null. */
    abstract int compare(Object a, Object b);

    /** The order with its operands swapped. */
    ValueOrder swapped() {
        return switch (this) {
            case DATE_TIMESTAMP -> TIMESTAMP_DATE;
            case TIMESTAMP_DATE -> DATE_TIMESTAMP;
            default -> this;
        };
    }

    static BigDecimal decimal(Object number) {
        return number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(((Number) number).longValue());
    }

    /** The timestamp compared with the date's midnight, without building that midnight. */
    private static int dateWithTimestamp(LocalDate date, LocalDateTime timestamp) {
        int days = timestamp.toLocalDate().compareTo(date);
        if (days != 0) {
            return days;
        }
        return timestamp.toLocalTime().equals(LocalTime.MIDNIGHT) ? 0 : 1;
    }
}
