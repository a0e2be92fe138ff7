package dev.eventide.errors;

/**
 * An error with a stable Node-style code string ({@code ERR_INVALID_ARG_TYPE}, {@code ENOENT}).
 * Immutable; safe to share between threads.
 *
 * <p>The code is the contract: programs branch on {@link #code()}, never on the message text.
 */
public class NodeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public NodeError(String code, String message) {
        super(message);
        this.code = code;
    }

    public NodeError(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The stable code, as Node's {@code err.code}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " [" + code + "]: " + getMessage();
    }
}
