package dev.eventide.errors;

/**
 * Node's AbortError: what an API rejects or fails with when its {@code signal} aborts. Its
 * name is AbortError, its code ABORT_ERR, and its cause is the signal's reason. Immutable;
 * safe to share between threads.
 */
public class AbortError extends NodeError {
    private static final long serialVersionUID = 1L;

    /** An AbortError with no cause (a stream iterator broken off, a pipeline torn down). */
    public AbortError() {
        this(null);
    }

    /** An AbortError whose cause is the signal's reason (null for none). */
    public AbortError(Throwable cause) {
        super(ErrorCode.ABORT_ERR, ErrorCode.ABORT_ERR.message(), cause);
    }

    /** Node's err.name. */
    public String name() {
        return "AbortError";
    }

    /** As JavaScript's String(err): {@code AbortError: The operation was aborted}. */
    @Override
    public String toString() {
        return "AbortError: " + getMessage();
    }
}
