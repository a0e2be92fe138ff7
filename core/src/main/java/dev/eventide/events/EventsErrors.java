package dev.eventide.events;

import dev.eventide.errors.ErrorCode;

/** Shapes what emit('error') throws with no listener; the code and template are ErrorCode's. Stateless. */
final class EventsErrors {
    private EventsErrors() {}

    /** What emit('error', x) throws with no 'error' listener: x itself if it is a Throwable. */
    static RuntimeException unhandled(Object[] args) {
        Object err = args.length > 0 ? args[0] : null;
        if (err instanceof Throwable t) {
            return Sneaky.<RuntimeException>rethrow(t);
        }
        String shown = args.length == 0 ? "undefined" : Inspect.value(err);
        return ErrorCode.ERR_UNHANDLED_ERROR.make(shown);
    }
}
