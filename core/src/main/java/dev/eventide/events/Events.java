package dev.eventide.events;

import dev.eventide.errors.Errors;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.List;

/**
 * Node's {@code events} module functions: {@code once}, {@code on}, {@code getEventListeners},
 * {@code setMaxListeners}. Stateless; the emitters they touch belong to the calling loop.
 */
public final class Events {
    /** Node's {@code events.errorMonitor}. */
    public static final Object ERROR_MONITOR = EventEmitter.ERROR_MONITOR;

    private Events() {}

    /**
     * A promise of the arguments of the next {@code event}; it rejects if 'error' comes first
     * (unless {@code event} is 'error'). As Node's async function, the promise it returns adopts
     * the inner one, which costs two extra turns.
     */
    public static Promise<Object[]> once(EventEmitter emitter, Object event) {
        Errors.requireNonNull(emitter, "emitter", "an instance of EventEmitter");
        Deferred<Object[]> inner = Promise.withResolvers();
        Listener[] resolver = new Listener[1];
        Listener errorListener = args -> {
            emitter.removeListener(event, resolver[0]);
            inner.reject(asThrowable(args));
        };
        resolver[0] = args -> {
            if (!"error".equals(event)) {
                emitter.removeListener("error", errorListener);
            }
            inner.resolve(args);
        };
        emitter.once(event, resolver[0]);
        if (!"error".equals(event)) {
            emitter.once("error", errorListener);
        }
        Deferred<Object[]> outer = Promise.withResolvers();
        outer.resolveWith(inner.promise());
        return outer.promise();
    }

    /**
     * Node's {@code events.on(emitter, event)}: every emit of {@code event} becomes a step of the
     * returned iterator (its arguments array), queued while nobody waits. An 'error' ends the
     * iteration with a rejection. Consume it with {@link AsyncIterator#forEach}.
     */
    public static AsyncIterator<Object[]> on(EventEmitter emitter, Object event) {
        Errors.requireNonNull(emitter, "emitter", "an instance of EventEmitter");
        return new EventIterator(emitter, event);
    }

    /** The listeners of {@code event} on {@code emitter}. */
    public static List<Listener> getEventListeners(EventEmitter emitter, Object event) {
        return emitter.listeners(event);
    }

    /** Node's {@code events.getMaxListeners(emitter)}. */
    public static int getMaxListeners(EventEmitter emitter) {
        return emitter.getMaxListeners();
    }

    /** Sets the limit on each emitter, or the default for all when none is given. */
    public static void setMaxListeners(int n, EventEmitter... emitters) {
        if (n < 0) {
            throw Errors.outOfRange("n", "a non-negative number", n);
        }
        if (emitters.length == 0) {
            EventEmitter.defaultMaxListeners(n);
            return;
        }
        for (EventEmitter e : emitters) {
            e.setMaxListeners(n);
        }
    }

    /** Node's (deprecated) {@code EventEmitter.listenerCount(emitter, event)}. */
    public static int listenerCount(EventEmitter emitter, Object event) {
        return emitter.listenerCount(event);
    }

    static Throwable asThrowable(Object[] args) {
        Object err = args.length > 0 ? args[0] : null;
        return err instanceof Throwable t ? t : EventsErrors.unhandled(args);
    }
}
