package dev.eventide.promise;

import java.util.List;

/** JavaScript's AggregateError: {@link Promise#any} rejects with it when every input rejected. */
public final class AggregateError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> errors;

    public AggregateError(List<Throwable> errors, String message) {
        super(message);
        this.errors = List.copyOf(errors);
        for (Throwable t : this.errors) {
            addSuppressed(t);
        }
    }

    /** The rejection reasons, in input order. */
    public List<Throwable> errors() {
        return errors;
    }
}
