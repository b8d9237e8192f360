package io.sluice.format;

import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.TypeWidening;
import io.sluice.types.VarcharType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which file column types Sluice reads as which table column types, and how: the same rules for every self-describing
 * format, so that schema drift across partitions reads alike whatever the files are.
 *
 * <ul>
 *   <li>a type reads as itself;
 *   <li>a type reads as any type it widens to by {@link TypeWidening#canWiden} (int as bigint, decimal(5,2) as
 *       decimal(7,2), float or decimal as double, date as timestamp at midnight...);
 *   <li>any primitive reads as text: text as it is ({@code varchar(n)} keeps the first n characters, as Hive does),
 *       other values in the form Hive's {@code CAST(x AS STRING)} gives, see {@link TextForms};
 *   <li>nothing else: the file must be rewritten or the table's type changed.
 * </ul>
 *
 * Nested types are matched by each format's reader (structs by field name), which asks this class about their leaves.
 */
public final class ValueConversions {
    private ValueConversions() {}

    /** How values of {@code fileType} become values of {@code tableType}; empty when they do not. Primitives only. */
    public static Optional<ValueConversion> between(DataType fileType, DataType tableType) {
        if (!fileType.isPrimitive() || !tableType.isPrimitive()) {
            throw new IllegalArgumentException(
                    "conversions are between primitive types, got " + fileType + " and " + tableType);
        }
        if (tableType.isText()) {
            return Optional.of(toText(fileType, tableType));
        }
        if (fileType.equals(tableType)) {
            return Optional.of(ValueConversion.IDENTITY);
        }
        if (!TypeWidening.canWiden(fileType, tableType)) {
            return Optional.empty();
        }
        return Optional.of(widening(fileType, tableType));
    }

    private static ValueConversion toText(DataType fileType, DataType tableType) {
        ValueConversion text = fileType.isText() ? ValueConversion.IDENTITY : TextForms::of;
        if (tableType instanceof VarcharType varchar) {
            int length = varchar.length();
            return value -> truncate((String) text.apply(value), length);
        }
        return text;
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    private static ValueConversion widening(DataType from, DataType to) {
        if (to instanceof DecimalType decimal) {
            int scale = decimal.scale();
            // canWiden guarantees the target's scale is at least the source's: setScale never rounds here.
            return from instanceof DecimalType
                    ? value -> ((BigDecimal) value).setScale(scale)
                    : value -> BigDecimal.valueOf(((Number) value).longValue()).setScale(scale);
        }
        if (to == PrimitiveType.TIMESTAMP) {
            return value -> ((LocalDate) value).atStartOfDay();
        }
        if (to == PrimitiveType.DOUBLE) {
            return value -> ((Number) value).doubleValue();
        }
        return switch ((PrimitiveType) to) {
            case SMALLINT -> value -> ((Number) value).shortValue();
            case INT -> value -> ((Number) value).intValue();
            case BIGINT -> value -> ((Number) value).longValue();
            default -> throw new IllegalStateException("no widening from " + from + " to " + to);
        };
    }

    /** True when a column of {@code fileType} reads as {@code tableType}. Primitives only. */
    public static boolean canRead(DataType fileType, DataType tableType) {
        return between(fileType, tableType).isPresent();
    }
}
