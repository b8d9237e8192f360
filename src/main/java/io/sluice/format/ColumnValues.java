package io.sluice.format;

import io.sluice.types.DataType;

/** The error of a writer given a value that does not fit its column, named as {@link RowWriter} promises. */
public final class ColumnValues {
    private ColumnValues() {}

    /**
     * An {@link IllegalArgumentException} naming the column for a failure to write its value: a {@link
     * ClassCastException} (a value of another Java type than {@link io.sluice.row.Values} gives), an {@link
     * ArithmeticException} (a decimal that does not fit) or an {@link IllegalArgumentException} (a null map key...).
     */
    public static IllegalArgumentException misfit(String column, DataType type, RuntimeException failure) {
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        if (failure instanceof ClassCastException) {
            // "class A cannot be cast to class B (A and B are in module java.base...)": the first part says it all.
            int detail = reason.indexOf(" (");
            reason = "a value of the wrong Java type: " + (detail > 0 ? reason.substring(0, detail) : reason);
        }
        return new IllegalArgumentException("column " + column + " (" + type + "): " + reason, failure);
    }
}
