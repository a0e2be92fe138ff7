package dev.eventide.events;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.List;

/**
 * Node's {@code events} module functions: {@code once}, {@code on}, {@code addAbortListener},
 * {@code getEventListeners}, {@code setMaxListeners}. Stateless; the emitters they touch belong to the calling loop.
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
        return once(emitter, event, null);
    }

    /**
     * Node's {@code events.once(emitter, event, {signal})}: as once(emitter, event), and when
     * {@code signal} aborts first the promise rejects with an AbortError (its cause the reason)
     * and the listeners are removed. An already aborted signal rejects at once.
     */
    public static Promise<Object[]> once(EventEmitter emitter, Object event, AbortSignal signal) {
        Errors.requireNonNull(emitter, "emitter", "an instance of EventEmitter");
        if (signal != null && signal.aborted()) {
            return Promise.reject(new AbortError(signal.reason()));
        }
        Deferred<Object[]> inner = Promise.withResolvers();
        Listener[] resolver = new Listener[1];
        Listener[] abortListener = new Listener[1];
        Listener errorListener = args -> {
            emitter.removeListener(event, resolver[0]);
            removeAbort(signal, abortListener[0]);
            inner.reject(asThrowable(args));
        };
        resolver[0] = args -> {
            if (!"error".equals(event)) {
                emitter.removeListener("error", errorListener);
            }
            removeAbort(signal, abortListener[0]);
            inner.resolve(args);
        };
        emitter.once(event, resolver[0]);
        if (!"error".equals(event)) {
            emitter.once("error", errorListener);
        }
        if (signal != null) {
            abortListener[0] = args -> {
                emitter.removeListener(event, resolver[0]);
                emitter.removeListener("error", errorListener);
                inner.reject(new AbortError(signal.reason()));
            };
            signal.addEventListener("abort", abortListener[0], true);
        }
        Deferred<Object[]> outer = Promise.withResolvers();
        outer.resolveWith(inner.promise());
        return outer.promise();
    }

    private static void removeAbort(AbortSignal signal, Listener listener) {
        if (signal != null) {
            signal.removeEventListener("abort", listener);
        }
    }

    /**
     * Node's {@code events.addAbortListener(signal, listener)}: runs {@code listener} once when
     * {@code signal} aborts (in a microtask if it already has), and returns what removes it.
     */
    public static Runnable addAbortListener(AbortSignal signal, Listener listener) {
        Errors.requireNonNull(signal, "signal", "an instance of AbortSignal");
        Errors.requireFunction(listener, "listener");
        if (signal.aborted()) {
            EventLoop.current().queueMicrotask(() -> listener.call());
            return () -> { };
        }
        signal.addEventListener("abort", listener, true);
        return () -> signal.removeEventListener("abort", listener);
    }

    /**
     * Node's {@code events.on(emitter, event)}: every emit of {@code event} becomes a step of the
     * returned iterator (its arguments array), queued while nobody waits. An 'error' ends the
     * iteration with a rejection. Consume it with {@link AsyncIterator#forEach}.
     */
    public static AsyncIterator<Object[]> on(EventEmitter emitter, Object event) {
        return on(emitter, event, null);
    }

    /**
     * Node's {@code events.on(emitter, event, {signal})}: when {@code signal} aborts, the waiting
     * next() rejects with an AbortError (or the next one does, after the emits already queued)
     * and the iteration ends. An already aborted signal throws the AbortError at once.
     */
    public static AsyncIterator<Object[]> on(EventEmitter emitter, Object event, AbortSignal signal) {
        Errors.requireNonNull(emitter, "emitter", "an instance of EventEmitter");
        if (signal != null && signal.aborted()) {
            throw new AbortError(signal.reason());
        }
        return new EventIterator(emitter, event, signal);
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
