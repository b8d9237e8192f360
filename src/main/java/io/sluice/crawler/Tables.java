package io.sluice.crawler;

import java.util.Locale;

/** Table and column naming for crawled data: Hive-safe, lower case, from folder names. */
final class Tables {
    private Tables() {}

    /** Lower case; every character other than a letter, digit or underscore becomes {@code _}. */
    static String sanitize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        String sanitized = out.toString().replaceAll("_+", "_");
        if (sanitized.isEmpty() || sanitized.equals("_")) {
            return "table";
        }
        return sanitized.length() > 1 ? sanitized.replaceAll("^_|_$", "") : sanitized;
    }

    /** A file name without its extensions: {@code events.json.gz} → {@code events}. */
    static String stem(String fileName) {
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
