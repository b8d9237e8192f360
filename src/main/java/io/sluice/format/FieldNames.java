package io.sluice.format;

import java.util.List;

/**
 * Finds the file field that holds a table column, as Hive does: by name, without case. A file with two fields that
 * differ only in case (which Hive cannot have written) gives the one spelt as the column, else the first.
 */
public final class FieldNames {
    private FieldNames() {}

    /** The index of the field for {@code column} in {@code names}, or -1 when the file has none. */
    public static int find(List<String> names, String column) {
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.equals(column)) {
                return i;
            }
            if (found < 0 && name.equalsIgnoreCase(column)) {
                found = i;
            }
        }
        return found;
    }
}
