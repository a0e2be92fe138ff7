package dev.eventide.errors;

/**
 * An error with a stable Node-style code string ({@code ERR_INVALID_ARG_TYPE}, {@code ENOENT}).
 * Immutable; safe to share between threads.
 *
 * <p>The code is the contract: programs branch on {@link #code()}, never on the message text.
 * Errors of the catalogue are made by {@code ErrorCode.X.make(args)}.
 */
public class NodeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    /** Node's err.name: the JavaScript class Node throws for this code (Error for system codes). */
    private final String name;

    public NodeError(String code, String message) {
        this(code, message, null);
    }

    public NodeError(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        ErrorCode known = ErrorCode.of(code);
        this.name = known == null ? "Error" : known.jsClass().name();
    }

    /** An error of the catalogue; its name is the code's JavaScript class. */
    public NodeError(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code.code();
        this.name = code.jsClass().name();
    }

    /** The stable code, as Node's {@code err.code}. */
    public String code() {
        return code;
    }

    /** Node's {@code err.name}: Error, TypeError, RangeError, AbortError or SystemError. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " [" + code + "]: " + getMessage();
    }
}
