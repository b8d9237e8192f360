package io.sluice.types;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;

/** A malformed Hive type string; {@link #position()} is the 0-based offset where reading stopped. */
public final class TypeParseException extends SluiceException {
    private static final long serialVersionUID = 1L;

    private final int position;

    TypeParseException(String text, int position, String problem) {
        super(
                ErrorCode.INVALID_ARGUMENT,
                "invalid Hive type '" + text + "': " + problem + " at position " + (position + 1));
        this.position = position;
    }

    public int position() {
        return position;
    }
}
