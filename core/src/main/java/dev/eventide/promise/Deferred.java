package dev.eventide.promise;

import dev.eventide.loop.ProcessExit;

/**
 * A promise with its resolving functions (JavaScript's {@code Promise.withResolvers()}). The
 * first call to resolve or reject wins; later calls do nothing, as in JavaScript. Loop thread
 * only: from another thread, use {@code loop.execute(() -> d.resolve(v))}.
 */
public final class Deferred<T> {
    private final Promise<T> promise;
    /** ECMAScript's [[AlreadyResolved]], shared by this pair of functions. */
    private boolean alreadyResolved;

    Deferred(Promise<T> promise) {
        this.promise = promise;
    }

    public Promise<T> promise() {
        return promise;
    }

    /** Fulfils with {@code value}. */
    public void resolve(T value) {
        resolveAny(value);
    }

    /** Adopts the state of {@code thenable}, two microtask turns after it settles. */
    public void resolveWith(Thenable<? extends T> thenable) {
        resolveAny(thenable);
    }

    /** Rejects with {@code reason}. */
    public void reject(Throwable reason) {
        promise.loop().checkOwner("Promise resolving function");
        if (alreadyResolved) {
            return;
        }
        alreadyResolved = true;
        promise.rejectWith(reason == null ? new NullPointerException("rejected with null") : reason);
    }

    /** ECMAScript's promise resolve function: a thenable is adopted in a microtask. */
    void resolveAny(Object value) {
        promise.loop().checkOwner("Promise resolving function");
        if (alreadyResolved) {
            return;
        }
        alreadyResolved = true;
        if (value == promise) {
            promise.rejectWith(new IllegalArgumentException("Chaining cycle detected for promise #<Promise>"));
        } else if (value instanceof Thenable<?> thenable) {
            promise.loop().enqueueJob(() -> resolveThenableJob(thenable));
        } else {
            promise.fulfill(value);
        }
    }

    /** ECMAScript's NewPromiseResolveThenableJob: subscribe with a fresh pair of functions. */
    private void resolveThenableJob(Thenable<?> thenable) {
        Deferred<T> fresh = new Deferred<>(promise);
        try {
            if (thenable instanceof Promise<?> p) {
                p.performThen(new Reaction(null, v -> {
                    fresh.resolveAny(v);
                    return null;
                }, e -> {
                    fresh.reject(e);
                    return null;
                }));
            } else {
                thenable.subscribe(fresh::resolveAny, fresh::reject);
            }
        } catch (ProcessExit exit) {
            throw exit;
        } catch (Throwable t) {
            fresh.reject(t);
        }
    }
}
