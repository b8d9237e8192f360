package io.sluice;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type Sluice throws for anything a user may see. The message is a complete sentence that names
 * the object at fault and, where it helps, what to do next; the code decides the exit status.
 */
public class SluiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public SluiceException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public SluiceException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public static SluiceException invalidArgument(String format, Object... args) {
        return new SluiceException(ErrorCode.INVALID_ARGUMENT, String.format(format, args));
    }

    public static SluiceException notFound(String format, Object... args) {
        return new SluiceException(ErrorCode.NOT_FOUND, String.format(format, args));
    }

    public static SluiceException alreadyExists(String format, Object... args) {
        return new SluiceException(ErrorCode.ALREADY_EXISTS, String.format(format, args));
    }

    public ErrorCode code() {
        return code;
    }

    public int exitCode() {
        return code.exitCode();
    }
}
