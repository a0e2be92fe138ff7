package dev.eventide.events;

import dev.eventide.errors.AbortError;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.ArrayDeque;

/**
 * The iterator behind {@link Events#on}: emits wait in a queue until {@code next()} takes them,
 * and {@code next()} calls wait for emits, as in Node's events.on. Loop thread only.
 */
final class EventIterator implements AsyncIterator<Object[]> {
    private final EventEmitter emitter;
    private final Object event;
    /** Emits nobody asked for yet, oldest first. */
    private final ArrayDeque<Object[]> unconsumedEvents = new ArrayDeque<>();
    /** next() calls still waiting for an emit, oldest first. */
    private final ArrayDeque<Deferred<IterResult<Object[]>>> unconsumedPromises = new ArrayDeque<>();
    private final Listener eventHandler = this::onEvent;
    private final Listener errorHandler = this::onError;
    private final Listener abortHandler = this::onAbort;
    /** The signal that ends the iteration, or null. */
    private final AbortSignal signal;
    /** An 'error' that arrived while no next() waited; the next next() rejects with it. */
    private Throwable error;
    /** True after an error or close(): next() then answers done. */
    private boolean finished;

    EventIterator(EventEmitter emitter, Object event, AbortSignal signal) {
        this.emitter = emitter;
        this.event = event;
        this.signal = signal;
        emitter.on(event, eventHandler);
        if (!"error".equals(event)) {
            emitter.on("error", errorHandler);
        }
        if (signal != null) {
            signal.addEventListener("abort", abortHandler, true);
        }
    }

    /** As Node: an abort is an error (an AbortError whose cause is the reason) that ends the iteration. */
    private void onAbort(Object... args) {
        onError(new AbortError(signal.reason()));
    }

    private void onEvent(Object... args) {
        Deferred<IterResult<Object[]>> waiting = unconsumedPromises.poll();
        if (waiting != null) {
            waiting.resolve(IterResult.of(args));
        } else {
            unconsumedEvents.add(args);
        }
    }

    private void onError(Object... args) {
        finished = true;
        Throwable err = Events.asThrowable(args);
        Deferred<IterResult<Object[]>> waiting = unconsumedPromises.poll();
        if (waiting != null) {
            waiting.reject(err);
        } else {
            error = err;
        }
        close();
    }

    @Override
    public Promise<IterResult<Object[]>> next() {
        Object[] value = unconsumedEvents.poll();
        if (value != null) {
            return Promise.resolve(IterResult.of(value));
        }
        if (error != null) {
            Promise<IterResult<Object[]>> p = Promise.reject(error);
            error = null;
            return p;
        }
        if (finished) {
            return Promise.resolve(IterResult.end());
        }
        Deferred<IterResult<Object[]>> d = Promise.withResolvers();
        unconsumedPromises.add(d);
        return d.promise();
    }

    @Override
    public Promise<IterResult<Object[]>> close() {
        emitter.removeListener(event, eventHandler);
        emitter.removeListener("error", errorHandler);
        if (signal != null) {
            signal.removeEventListener("abort", abortHandler);
        }
        finished = true;
        Deferred<IterResult<Object[]>> d;
        while ((d = unconsumedPromises.poll()) != null) {
            d.resolve(IterResult.end());
        }
        return Promise.resolve(IterResult.end());
    }
}
