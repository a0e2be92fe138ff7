package dev.eventide.promise;

import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.ProcessExit;
import dev.eventide.loop.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A JavaScript promise: settled once, reactions run as microtasks in registration order,
 * thenables adopted with the same extra microtask turns as in V8, unhandled rejections tracked.
 * Belongs to the loop that made it and is touched only on that loop's thread.
 *
 * <p>The algorithm is ECMAScript's (27.2): {@code resolve(x)} with a thenable queues a
 * resolve-thenable job that subscribes to it (two extra turns for a settled promise), and
 * {@code then} on a settled promise queues its reaction at once (one turn). So orderings written
 * with async/await port turn for turn: {@code await p} is {@code p.then(rest)}, and an async
 * function is {@link #async}.
 */
public final class Promise<T> implements Thenable<T> {
    /** A reaction or body: may throw, and what it throws rejects the derived promise. */
    @FunctionalInterface
    public interface Fn<A, R> {
        R apply(A value) throws Exception;
    }

    /** A body that produces a value (an async function without awaits). */
    @FunctionalInterface
    public interface Body<R> {
        R call() throws Exception;
    }

    /** The executor of {@code new Promise((resolve, reject) -> ...)}. */
    @FunctionalInterface
    public interface Init<T> {
        void run(Consumer<T> resolve, Consumer<Throwable> reject) throws Exception;
    }

    private static final int PENDING = 0;
    private static final int FULFILLED = 1;
    private static final int REJECTED = 2;

    final EventLoop loop;
    private int state = PENDING;
    /** The value when fulfilled, the reason (a Throwable) when rejected. */
    private Object result;
    /** True once any reaction was attached (ECMAScript's [[PromiseIsHandled]]). */
    private boolean handled;
    /** The first reaction waiting while pending (most promises get exactly one). */
    private Reaction firstReaction;
    /** Further reactions waiting while pending, in registration order; made on demand. */
    private List<Reaction> moreReactions;

    /** A pending promise owned by the current loop; settle it through {@link Deferred}. */
    Promise(EventLoop loop) {
        this.loop = loop;
    }

    /** JavaScript's {@code new Promise((resolve, reject) -> ...)}: runs {@code init} now. */
    public Promise(Init<T> init) {
        this(EventLoop.current());
        Errors.requireFunction(init, "executor");
        Deferred<T> d = new Deferred<>(this);
        try {
            init.run(d::resolveAny, d::reject);
        } catch (ProcessExit e) {
            throw e;
        } catch (Throwable t) {
            d.reject(t);
        }
    }

    // ---- statics ----

    /** A pending promise and its resolving functions (JavaScript's Promise.withResolvers). */
    public static <T> Deferred<T> withResolvers() {
        return new Deferred<>(new Promise<>(EventLoop.current()));
    }

    /** A promise resolved with {@code value} (adopted when it is a thenable). */
    public static <T> Promise<T> resolve(T value) {
        if (value instanceof Promise<?> p && p.loop == EventLoop.current()) {
            @SuppressWarnings("unchecked")
            Promise<T> same = (Promise<T>) p;
            return same;
        }
        Deferred<T> d = withResolvers();
        d.resolveAny(value);
        return d.promise();
    }

    /**
     * {@code Promise.resolve(thenable)}: the same promise when it is one of this loop's, else
     * a promise that adopts the thenable. Typed by the thenable's value, which is what it holds.
     */
    public static <T> Promise<T> resolve(Thenable<? extends T> thenable) {
        Object value = thenable;
        return resolve(Promise.<T>cast(value));
    }

    /** {@code Promise.resolve()}: fulfilled with no value (null). */
    public static Promise<Void> resolve() {
        return resolve((Void) null);
    }

    /** A promise rejected with {@code reason}. */
    public static <T> Promise<T> reject(Throwable reason) {
        Deferred<T> d = withResolvers();
        d.reject(reason);
        return d.promise();
    }

    /**
     * Runs {@code body} now, as an async function without awaits: its value resolves the
     * returned promise (adopting a returned promise, with the two extra turns that costs), and
     * what it throws rejects it.
     */
    public static <T> Promise<T> async(Body<? extends T> body) {
        return new Promise<T>((resolve, reject) -> resolveAnyFrom(resolve, body.call()));
    }

    /**
     * {@link #async} for a body that returns a promise: the returned promise is adopted, which
     * costs two extra microtask turns, as {@code async () => somePromise} does in JavaScript.
     */
    public static <T> Promise<T> asyncCompose(Body<? extends Thenable<? extends T>> body) {
        return new Promise<T>((resolve, reject) -> resolveAnyFrom(resolve, body.call()));
    }

    @SuppressWarnings("unchecked")
    private static <T> void resolveAnyFrom(Consumer<T> resolve, Object value) {
        resolve.accept((T) value);
    }

    /** Promise.all: the values in input order, or the first rejection. */
    public static <T> Promise<List<T>> all(List<? extends Thenable<? extends T>> inputs) {
        return Combinators.all(inputs);
    }

    /** Promise.allSettled: every outcome, in input order. */
    public static <T> Promise<List<Settled<T>>> allSettled(List<? extends Thenable<? extends T>> inputs) {
        return Combinators.allSettled(inputs);
    }

    /** Promise.race: settles as the first input that settles. */
    public static <T> Promise<T> race(List<? extends Thenable<? extends T>> inputs) {
        return Combinators.race(inputs);
    }

    /** Promise.any: the first fulfilled value, or an {@link AggregateError} of every reason. */
    public static <T> Promise<T> any(List<? extends Thenable<? extends T>> inputs) {
        return Combinators.any(inputs);
    }

    /**
     * A promise settled on the current loop when {@code stage} completes (on whatever thread it
     * completes). It keeps the loop alive until then.
     */
    public static <T> Promise<T> from(CompletionStage<? extends T> stage) {
        Errors.requireNonNull(stage, "stage", "an instance of CompletionStage");
        EventLoop loop = EventLoop.current();
        Deferred<T> d = withResolvers();
        loop.ref();
        stage.whenComplete((value, error) -> loop.execute(() -> {
            loop.unref();
            if (error != null) {
                d.reject(unwrap(error));
            } else {
                d.resolve(value);
            }
        }));
        return d.promise();
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ---- instance API ----

    /** Runs {@code onFulfilled} with the value; rejections pass through to the derived promise. */
    public <R> Promise<R> then(Fn<? super T, ? extends R> onFulfilled) {
        return then(onFulfilled, null);
    }

    /** Promise.prototype.then: one of the two runs as a microtask once this settles. */
    public <R> Promise<R> then(Fn<? super T, ? extends R> onFulfilled, Fn<Throwable, ? extends R> onRejected) {
        loop.checkOwner("Promise");
        Promise<R> derived = new Promise<>(loop);
        performThen(new Reaction(derived, onFulfilled, onRejected));
        return derived;
    }

    /** {@code then} whose callback returns a promise to adopt, typed as such. */
    public <R> Promise<R> thenCompose(Fn<? super T, ? extends Thenable<? extends R>> onFulfilled) {
        loop.checkOwner("Promise");
        Promise<R> derived = new Promise<>(loop);
        performThen(new Reaction(derived, onFulfilled, null));
        return derived;
    }

    /** Promise.prototype.catch. */
    public Promise<T> catchError(Fn<Throwable, ? extends T> onRejected) {
        return then(v -> v, onRejected);
    }

    /**
     * Promise.prototype.finally: runs {@code onFinally} either way, then settles as this did
     * (or rejects with what {@code onFinally} threw), with the same turns as in JavaScript.
     */
    public Promise<T> andFinally(Task onFinally) {
        loop.checkOwner("Promise");
        Errors.requireFunction(onFinally, "onFinally");
        Promise<T> derived = new Promise<>(loop);
        performThen(new Reaction(derived, value -> {
            onFinally.run();
            return Promise.resolve().then(ignored -> value);
        }, reason -> {
            onFinally.run();
            return Promise.resolve().then(ignored -> sneakyThrow(reason));
        }));
        return derived;
    }

    /** Rethrows any Throwable from a callback that declares only Exception. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable, R> R sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    @Override
    public void subscribe(Consumer<? super T> onFulfilled, Consumer<? super Throwable> onRejected) {
        loop.checkOwner("Promise");
        Errors.requireFunction(onFulfilled, "onFulfilled");
        Errors.requireFunction(onRejected, "onRejected");
        performThen(new Reaction(null, v -> {
            onFulfilled.accept(cast(v));
            return null;
        }, e -> {
            onRejected.accept(e);
            return null;
        }));
    }

    /** A future completed on the loop thread when this settles; counts as a handler. */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> f = new CompletableFuture<>();
        subscribe(f::complete, f::completeExceptionally);
        return f;
    }

    public boolean isPending() {
        return state == PENDING;
    }

    public boolean isFulfilled() {
        return state == FULFILLED;
    }

    public boolean isRejected() {
        return state == REJECTED;
    }

    /** The value once fulfilled; ERR_INVALID_STATE otherwise. */
    public T value() {
        if (state != FULFILLED) {
            throw Errors.invalidState("the promise is not fulfilled");
        }
        return cast(result);
    }

    /** The reason once rejected; ERR_INVALID_STATE otherwise. */
    public Throwable reason() {
        if (state != REJECTED) {
            throw Errors.invalidState("the promise is not rejected");
        }
        return (Throwable) result;
    }

    @Override
    public String toString() {
        return switch (state) {
            case FULFILLED -> "Promise { " + result + " }";
            case REJECTED -> "Promise { <rejected> " + result + " }";
            default -> "Promise { <pending> }";
        };
    }

    // ---- the algorithm ----

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

    EventLoop loop() {
        return loop;
    }

    /** ECMAScript PerformPromiseThen. */
    void performThen(Reaction reaction) {
        if (state == PENDING) {
            if (firstReaction == null) {
                firstReaction = reaction;
            } else {
                if (moreReactions == null) {
                    moreReactions = new ArrayList<>(2);
                }
                moreReactions.add(reaction);
            }
        } else {
            if (state == REJECTED && !handled) {
                loop.promiseHandlerAddedAfterReject(this);
            }
            loop.enqueueJob(reaction.trigger(state == FULFILLED, result));
        }
        handled = true;
    }

    /** Resolves a promise that has no other resolving functions (a reaction's derived promise). */
    void resolveInternal(Object value) {
        if (value == this || value instanceof Thenable<?>) {
            new Deferred<>(this).resolveAny(value);
        } else {
            fulfill(value);
        }
    }

    void fulfill(Object value) {
        settle(FULFILLED, value);
    }

    void rejectWith(Throwable reason) {
        settle(REJECTED, reason);
        if (!handled) {
            loop.promiseRejectedWithoutHandler(this, reason);
        }
    }

    private void settle(int newState, Object value) {
        state = newState;
        result = value;
        boolean ok = newState == FULFILLED;
        if (firstReaction != null) {
            loop.enqueueJob(firstReaction.trigger(ok, value));
            firstReaction = null;
        }
        if (moreReactions != null) {
            for (Reaction r : moreReactions) {
                loop.enqueueJob(r.trigger(ok, value));
            }
            moreReactions = null;
        }
    }
}
