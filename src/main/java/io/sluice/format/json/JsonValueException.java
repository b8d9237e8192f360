package io.sluice.format.json;

/**
 * A JSON value that does not fit its column: where ({@code order.items[].qty}), the offending text when it is a
 * scalar, and why. Readers turn it into a {@link io.sluice.row.BadRecordException} with the file and line.
 */
final class JsonValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String value;
    private final String reason;

    JsonValueException(String path, String value, String reason) {
        super(path + ": " + (value == null ? "" : "'" + value + "' ") + reason, null, false, false);
        this.path = path;
        this.value = value;
        this.reason = reason;
    }

    String path() {
        return path;
    }

    /** The scalar's text, or null for an object or array. */
    String value() {
        return value;
    }

    String reason() {
        return reason;
    }
}
