package dev.eventide.events;

import dev.eventide.promise.Promise;

/**
 * JavaScript's async iterator: {@link #next()} gives a promise per value, {@link #close()} is
 * {@code return()}. Used on its loop's thread only.
 *
 * <p>{@link #forEach} is the port of {@code for await (const v of it) body(v)}: each step
 * waits for {@code next()} (one turn after it settles, as {@code await}), runs the body, waits
 * for the body's result when it is a thenable, and stops early (calling {@code close()}, as
 * {@code break} does) when the body returns or resolves to {@link #BREAK}.
 */
public interface AsyncIterator<T> {
    /** Returned by a {@link #forEach} body to leave the loop, as {@code break}. */
    Object BREAK = new Object() {
        @Override
        public String toString() {
            return "BREAK";
        }
    };

    /** The next step. */
    Promise<IterResult<T>> next();

    /** Ends the iteration early and releases what it holds (JavaScript's {@code return()}). */
    Promise<IterResult<T>> close();

    /** Runs {@code body} for each value; settles when the loop ends, rejecting if a step or the body fails. */
    default Promise<Void> forEach(Promise.Fn<? super T, ?> body) {
        return new Promise<Void>((resolve, reject) -> ForAwait.step(this, body, resolve, reject));
    }
}
