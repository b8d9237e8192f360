package io.sluice.format;

/**
 * Turns a non-null value of a file column's type into a value of the table column's type (both as {@link
 * io.sluice.row.Values} says); built once per column by {@link ValueConversions}, applied to every value.
 */
@FunctionalInterface
public interface ValueConversion {

    /** The value unchanged: the file's type is the table's. */
    ValueConversion IDENTITY = value -> value;

    Object apply(Object value);
}
