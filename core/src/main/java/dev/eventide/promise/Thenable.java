package dev.eventide.promise;

import java.util.function.Consumer;

/**
 * Anything a {@link Promise} can adopt, as a JavaScript object with a callable {@code then}.
 * Resolving a promise with a thenable calls {@link #subscribe} in a microtask (the
 * resolve-thenable job), exactly as JavaScript calls {@code then(resolve, reject)}.
 */
public interface Thenable<T> {
    /** Calls one of the two callbacks once, now or later, on the owning loop's thread. */
    void subscribe(Consumer<? super T> onFulfilled, Consumer<? super Throwable> onRejected);
}
