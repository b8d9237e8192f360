package io.sluice.job;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The options of the text formats, as definitions write them, and how their values are checked. */
final class FormatOptions {
    static final List<String> CSV_READ = List.of(
            "header", "delimiter", "quote", "escape", "null_value", "date_format", "timestamp_format", "encoding");
    static final List<String> JSON_READ = List.of("date_format", "timestamp_format", "encoding");
    static final List<String> CSV_WRITE = List.of("header", "delimiter", "quote", "escape", "null_value", "quote_all");

    private FormatOptions() {}

    /** The value kept in the model, or an {@link IllegalArgumentException} saying what is wrong with it. */
    static String check(String option, String value) {
        return switch (option) {
            case "header", "quote_all" -> bool(value);
            case "delimiter", "quote", "escape" -> character(value);
            case "date_format", "timestamp_format" -> pattern(value);
            case "encoding" -> encoding(value);
            default -> value;
        };
    }

    private static String bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> "true";
            case "false", "no", "off" -> "false";
            default -> throw new IllegalArgumentException("expected true or false, got '" + value + "'");
        };
    }

    /** One character, or an escape for the usual invisible ones: {@code \t}, {@code \u0001}. */
    private static String character(String value) {
        if (value.length() == 1) {
            return value;
        }
        if (value.equals("\\t")) {
            return "\t";
        }
        if (value.matches("\\\\u[0-9a-fA-F]{4}")) {
            return String.valueOf((char) Integer.parseInt(value.substring(2), 16));
        }
        throw new IllegalArgumentException("expected one character (or \\t, or \\uXXXX), got '" + value + "'");
    }

    private static String pattern(String value) {
        try {
            DateTimeFormatter.ofPattern(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date/time pattern: " + e.getMessage(), e);
        }
    }

    private static String encoding(String value) {
        try {
            if (Charset.isSupported(value)) {
                return value;
            }
        } catch (IllegalCharsetNameException e) {
            // reported below
        }
        throw new IllegalArgumentException("unknown encoding '" + value + "' (such as UTF-8, ISO-8859-1)");
    }
}
