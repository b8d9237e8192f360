package io.sluice.catalog;

import io.sluice.SluiceException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Database, table and column naming rules: as in Hive and Glue, names are stored in lower case. */
public final class Names {
    private static final Pattern OBJECT_NAME = Pattern.compile("[a-z0-9_][a-z0-9_$-]{0,254}");

    private Names() {}

    /** Lower-cases a database or table name and rejects names Hive could not use. */
    public static String objectName(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw SluiceException.invalidArgument("%s name is empty", kind);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!OBJECT_NAME.matcher(lower).matches()) {
            throw SluiceException.invalidArgument(
                    "invalid %s name '%s': use letters, digits and underscores (at most 255)", kind, name);
        }
        return lower;
    }

    /** Lower-cases a column name; any non-empty name is allowed (DDL quotes it when needed). */
    public static String columnName(String name) {
        if (name == null || name.isEmpty()) {
            throw SluiceException.invalidArgument("column name is empty");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
