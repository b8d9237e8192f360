package io.sluice.classify;

import java.io.IOException;

/** A file that looks like a format a classifier knows but cannot be read as it (truncated footer, bad magic...). */
public final class CorruptFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptFileException(String message) {
        super(message);
    }

    public CorruptFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
