package dev.eventide.events;

import dev.eventide.errors.NodeError;

/** The events package's errors, with Node's codes and messages. Stateless. */
final class EventsErrors {
    private EventsErrors() {}

    /** What emit('error', x) throws with no 'error' listener: x itself if it is a Throwable. */
    static RuntimeException unhandled(Object[] args) {
        Object err = args.length > 0 ? args[0] : null;
        if (err instanceof Throwable t) {
            return Sneaky.<RuntimeException>rethrow(t);
        }
        String shown = args.length == 0 ? "undefined" : Inspect.value(err);
        return new NodeError("ERR_UNHANDLED_ERROR", "Unhandled error. (" + shown + ")");
    }
}
