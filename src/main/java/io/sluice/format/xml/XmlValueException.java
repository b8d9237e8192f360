package io.sluice.format.xml;

/**
 * An XML value that does not fit its column: where ({@code address.zip}), the offending text if any, and why. The
 * reader turns it into a {@link io.sluice.row.BadRecordException} with the file and line.
 */
final class XmlValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String value;
    private final String reason;

    XmlValueException(String path, String value, String reason) {
        super(path + ": " + (value == null ? "" : "'" + value + "' ") + reason, null, false, false);
        this.path = path;
        this.value = value;
        this.reason = reason;
    }

    String path() {
        return path;
    }

    /** The offending text, or null. */
    String value() {
        return value;
    }

    String reason() {
        return reason;
    }
}
