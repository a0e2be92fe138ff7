package dev.eventide.promise;

import dev.eventide.loop.ProcessExit;

/**
 * One {@code then} registration: the handlers and the promise they settle (ECMAScript's
 * PromiseReaction and PromiseReactionJob). Runs as a microtask on the owning loop's thread.
 */
final class Reaction implements Runnable {
    /** The promise {@code then} returned; null for internal subscriptions. */
    private final Promise<?> derived;
    private final Promise.Fn<Object, ?> onFulfilled;
    private final Promise.Fn<Throwable, ?> onRejected;

    /** Set by {@link #trigger} when the promise settles; a reaction runs once. */
    private boolean fulfilled;
    private Object argument;

    @SuppressWarnings("unchecked")
    Reaction(Promise<?> derived, Promise.Fn<?, ?> onFulfilled, Promise.Fn<Throwable, ?> onRejected) {
        this.derived = derived;
        this.onFulfilled = (Promise.Fn<Object, ?>) onFulfilled;
        this.onRejected = onRejected;
    }

    /** Records the outcome and returns this reaction as the job to queue. */
    Runnable trigger(boolean fulfilled, Object argument) {
        this.fulfilled = fulfilled;
        this.argument = argument;
        return this;
    }

    /** The reaction job: call the handler (or pass through) and resolve the derived promise. */
    @Override
    public void run() {
        Object argument = this.argument;
        this.argument = null;
        Object value;
        try {
            if (fulfilled) {
                value = onFulfilled == null ? argument : onFulfilled.apply(argument);
            } else if (onRejected != null) {
                value = onRejected.apply((Throwable) argument);
            } else {
                reject((Throwable) argument);
                return;
            }
        } catch (ProcessExit exit) {
            throw exit;
        } catch (Throwable t) {
            reject(t);
            return;
        }
        if (derived != null) {
            derived.resolveInternal(value);
        }
    }

    private void reject(Throwable reason) {
        if (derived != null) {
            derived.rejectWith(reason);
        }
    }
}
