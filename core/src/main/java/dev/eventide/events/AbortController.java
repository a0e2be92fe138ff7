package dev.eventide.events;

import dev.eventide.errors.DomException;

/**
 * Node's AbortController: owns one AbortSignal and aborts it. Belongs to the loop whose thread
 * made it, like its signal.
 *
 * <pre>
 *   var controller = new AbortController();
 *   Events.once(emitter, "ready", controller.signal()).then(...);
 *   controller.abort();   // the once() promise rejects with an AbortError
 * </pre>
 */
public final class AbortController {
    private final AbortSignal signal = new AbortSignal();

    /** The signal this controller aborts. */
    public AbortSignal signal() {
        return signal;
    }

    /**
     * Aborts the signal with a DomException named AbortError as its reason: the 'abort'
     * listeners run before this returns. A second abort does nothing.
     */
    public void abort() {
        abort(null);
    }

    /** Aborts the signal with {@code reason} (null means the default AbortError DomException). */
    public void abort(Throwable reason) {
        signal.abortWith(reason != null ? reason : DomException.abortError());
    }

    @Override
    public String toString() {
        return "AbortController { signal: " + signal + " }";
    }
}
