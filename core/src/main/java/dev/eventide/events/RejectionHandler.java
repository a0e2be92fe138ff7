package dev.eventide.events;

/**
 * Node's {@code emitter[Symbol.for('nodejs.rejection')]} method: an emitter that implements it
 * receives the rejections of its {@link AsyncListener}s (with captureRejections on) instead of
 * an 'error' event. Called on the emitter's loop thread, in a nextTick after the rejection.
 */
@FunctionalInterface
public interface RejectionHandler {
    /** The listener of {@code event}, called with {@code args}, returned a promise rejected with {@code err}. */
    void onRejection(Throwable err, Object event, Object... args);
}
