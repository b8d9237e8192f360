package io.sluice.types;

/** Hive identifier quoting: names that are not plain identifiers are written in backquotes, a backquote doubled. */
public final class Identifiers {
    private Identifiers() {}

    /** True for names Hive reads without quotes: a letter or underscore, then letters, digits or underscores. */
    public static boolean isPlain(String name) {
        if (name.isEmpty() || !isStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static String quoteIfNeeded(String name) {
        return isPlain(name) ? name : quote(name);
    }

    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static boolean isStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isPart(char c) {
        return isStart(c) || (c >= '0' && c <= '9');
    }
}
