package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One difference between two versions of a table, found by {@link TableDiff}: what kind of change, its subject (the
 * column or parameter name, or what changed, such as {@code location}), and the value before and after as text. A
 * value is empty where there was none: before an addition, after a removal, or an absent description.
 */
public record TableChange(Kind kind, String subject, Optional<String> before, Optional<String> after) {

    /** What changed. Columns are compared by name; before and after are the column types. */
    public enum Kind {
        COLUMN_ADDED,
        COLUMN_REMOVED,
        COLUMN_TYPE_CHANGED,
        COLUMN_COMMENT_CHANGED,
        /** The columns both versions have are in another order; before and after list their names. */
        COLUMNS_REORDERED,
        /** Partition key names or types; before and after list them as {@code name type}. */
        PARTITION_KEYS_CHANGED,
        PARTITION_KEY_COMMENT_CHANGED,
        LOCATION_CHANGED,
        /** The input format, output format or SerDe class (or SerDe name); the subject says which. */
        FORMAT_CHANGED,
        SERDE_PARAMETER_CHANGED,
        /** A parameter of the storage descriptor, not of the table. */
        STORAGE_PARAMETER_CHANGED,
        COMPRESSED_CHANGED,
        TABLE_TYPE_CHANGED,
        DESCRIPTION_CHANGED,
        PARAMETER_ADDED,
        PARAMETER_REMOVED,
        PARAMETER_CHANGED
    }

    public TableChange {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException(kind + " of " + subject + " has neither a before nor an after value");
        }
    }

    public static TableChange added(Kind kind, String subject, String after) {
        return new TableChange(kind, subject, Optional.empty(), Optional.of(after));
    }

    public static TableChange removed(Kind kind, String subject, String before) {
        return new TableChange(kind, subject, Optional.of(before), Optional.empty());
    }

    public static TableChange changed(Kind kind, String subject, Optional<String> before, Optional<String> after) {
        return new TableChange(kind, subject, before, after);
    }

    /**
     * One readable line: {@code + column discount decimal(5,2)}, {@code ~ column qty: int -> bigint},
     * {@code - parameter owner = etl}, {@code ~ location: s3a://a -> s3a://b}. Control characters in values are shown
     * as Java escapes (a tab as {@code \t}) and a missing value as {@code (none)}.
     */
    public String render() {
        return switch (kind) {
            case COLUMN_ADDED, COLUMN_REMOVED -> named("column", " ");
            case COLUMN_TYPE_CHANGED -> "~ column " + subject + ": " + fromTo();
            case COLUMN_COMMENT_CHANGED -> "~ column " + subject + " comment: " + fromTo();
            case PARTITION_KEY_COMMENT_CHANGED -> "~ partition key " + subject + " comment: " + fromTo();
            case SERDE_PARAMETER_CHANGED -> named("serde parameter", " = ");
            case STORAGE_PARAMETER_CHANGED -> named("storage parameter", " = ");
            case PARAMETER_ADDED, PARAMETER_REMOVED, PARAMETER_CHANGED -> named("parameter", " = ");
            default -> "~ " + subject + ": " + fromTo();
        };
    }

    /** Something named: {@code +} or {@code -} and its value when it came or went, else before and after. */
    private String named(String what, String separator) {
        if (before.isEmpty()) {
            return "+ " + what + " " + subject + separator + shown(after);
        }
        if (after.isEmpty()) {
            return "- " + what + " " + subject + separator + shown(before);
        }
        return "~ " + what + " " + subject + ": " + fromTo();
    }

    private String fromTo() {
        return shown(before) + " -> " + shown(after);
    }

    private static String shown(Optional<String> value) {
        return value.map(TableChange::printable).orElse("(none)");
    }

    /** Delimiters such as a tab or Hive's default ^A are common parameter values, invisible or breaking lines. */
    private static String printable(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        StringBuilder shown = new StringBuilder(value.length());
        value.chars().forEach(c -> shown.append(printable((char) c)));
        return shown.toString();
    }

    private static String printable(char c) {
        return switch (c) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        };
    }

    @Override
    public String toString() {
        return render();
    }
}
