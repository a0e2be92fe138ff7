package dev.eventide.net;

import dev.eventide.errors.NodeError;
import java.util.List;

/**
 * Node's NodeAggregateError for a connect that tried several addresses (autoSelectFamily) and
 * failed on every one: an AggregateError whose {@code code} is the first attempt's code and
 * whose {@code errors} are the attempts' errors in the order they were made. Its message is
 * empty, as Node's is. Immutable.
 */
public final class NetAggregateError extends NodeError {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> errors;

    NetAggregateError(List<Throwable> errors) {
        super(errors.isEmpty() || !(errors.get(0) instanceof NodeError first) ? null : first.code(), "");
        this.errors = List.copyOf(errors);
        for (Throwable t : this.errors) {
            addSuppressed(t);
        }
    }

    /** One error per failed attempt, in attempt order ({@code connect ECONNREFUSED ::1:80}, ...). */
    public List<Throwable> errors() {
        return errors;
    }

    @Override
    public String toString() {
        return "AggregateError [" + code() + "]: " + getMessage();
    }
}
