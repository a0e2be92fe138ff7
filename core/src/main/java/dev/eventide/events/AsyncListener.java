package dev.eventide.events;

import dev.eventide.promise.Thenable;

/**
 * A listener that returns a promise, as a JavaScript {@code async} listener does. With
 * {@code captureRejections} on, the emitter routes a rejection of that promise to its
 * {@link RejectionHandler} or to 'error'. Called on the emitter's loop thread.
 *
 * <p>Register it with the usual methods, casting a lambda when needed:
 * {@code emitter.on("x", (AsyncListener) args -> Promise.async(() -> work(args)))}.
 */
@FunctionalInterface
public interface AsyncListener extends Listener {
    /** Handles the event; the returned thenable (or null) is watched for a rejection. */
    Thenable<?> callAsync(Object... args) throws Exception;

    /** Called by emitters that do not look at the result. */
    @Override
    default void call(Object... args) throws Exception {
        callAsync(args);
    }
}
