package dev.eventide.errors;

/**
 * The web platform's DOMException as Node 20 makes it for abort reasons: a name
 * ({@code AbortError}, {@code TimeoutError}), a message and a legacy numeric code (20, 23).
 * Immutable; safe to share between threads. Named DomException so that it never clashes with
 * {@code org.w3c.dom.DOMException}.
 */
public class DomException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int code;

    public DomException(String message, String name, int code) {
        super(message);
        this.name = name;
        this.code = code;
    }

    /** What {@code controller.abort()} gives when no reason is passed. */
    public static DomException abortError() {
        return new DomException("This operation was aborted", "AbortError", 20);
    }

    /** The reason of a signal made by {@code AbortSignal.timeout(ms)} once the time is up. */
    public static DomException timeoutError() {
        return new DomException("The operation was aborted due to timeout", "TimeoutError", 23);
    }

    /** The DOMException name: AbortError, TimeoutError... */
    public String name() {
        return name;
    }

    /** The legacy numeric code (ABORT_ERR is 20, TIMEOUT_ERR 23). */
    public int code() {
        return code;
    }

    /** As JavaScript's String(err): {@code AbortError: This operation was aborted}. */
    @Override
    public String toString() {
        return name + ": " + getMessage();
    }
}
