package io.sluice.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * A partition key as a filter reads it: where its value is in a partition's values and how values compare, as numbers
 * for numeric keys and as text otherwise (so {@code month >= '02'} on a string key is lexicographic, as in Hive).
 *
 * @param <T> {@link BigDecimal} for numeric keys, {@link String} otherwise
 */
final class FilterKey<T extends Comparable<T>> {
    private final int index;
    private final Column column;
    private final Function<String, T> parser;

    private FilterKey(int index, Column column, Function<String, T> parser) {
        this.index = index;
        this.column = column;
        this.parser = parser;
    }

    static FilterKey<?> of(int index, Column column) {
        if (column.type().isNumeric()) {
            return new FilterKey<>(index, column, FilterKey::number);
        }
        return new FilterKey<>(index, column, Function.identity());
    }

    String name() {
        return column.name();
    }

    boolean isNumeric() {
        return column.type().isNumeric();
    }

    String typeName() {
        return column.type().toString();
    }

    /** The partition's value of this key as stored, or null for Hive's null partition. */
    String text(List<String> values) {
        String value = values.get(index);
        return Partition.NULL_VALUE.equals(value) ? null : value;
    }

    /** The partition's value of this key, or null when it is null or not a value of the key's type. */
    T value(List<String> values) {
        String text = text(values);
        return text == null ? null : parser.apply(text);
    }

    /** A literal of the filter read as a value of this key, or null when it is not one. */
    T literal(String text) {
        return parser.apply(text);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
