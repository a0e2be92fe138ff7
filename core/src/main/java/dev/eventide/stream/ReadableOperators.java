package dev.eventide.stream;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.Errors;
import dev.eventide.events.AbortSignal;
import dev.eventide.events.AsyncIterator;
import dev.eventide.events.IterResult;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import dev.eventide.promise.Thenable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Node 20's readable operators (lib/internal/streams/operators.js): map, filter and flatMap
 * run {@link MapIterator}; drop and take run {@link CountIterator}; forEach, toArray, some,
 * find, every and reduce give promises (reduce in {@link ReadableReduce}). Each stream-returning
 * operator hands its iterator to Readable.from, so the result is an object-mode stream with
 * highWaterMark 1. Loop thread only.
 *
 * <p>Functions may return a value or a thenable, and get the operator's signal (see
 * StreamOperators for how the options' signal is polled).
 */
final class ReadableOperators {
    private ReadableOperators() {}

    static ReadableStream map(ReadableStream s, StreamOperators.SignalFn fn, OperatorOptions o) {
        return ReadableStream.from(new MapIterator(s, fn, o));
    }

    static ReadableStream filter(ReadableStream s, StreamOperators.SignalFn fn, OperatorOptions o) {
        return ReadableStream.from(filterIterator(s, fn, o));
    }

    private static MapIterator filterIterator(ReadableStream s, StreamOperators.SignalFn fn, OperatorOptions o) {
        Errors.requireFunction(fn, "fn");
        // Node's filterFn: async (value, options) => (await fn(value, options)) ? value : kEmpty.
        return new MapIterator(s, (value, signal) -> Promise.async(() -> fn.apply(value, signal))
                .then(ok -> truthy(ok) ? value : MapIterator.EMPTY), o);
    }

    static ReadableStream flatMap(ReadableStream s, StreamOperators.SignalFn fn, OperatorOptions o) {
        return ReadableStream.from(new FlatIterator(new MapIterator(s, fn, o)));
    }

    static ReadableStream drop(ReadableStream s, long n, OperatorOptions o) {
        return ReadableStream.from(new CountIterator(s, n, true, OperatorOptions.signalOf(o)));
    }

    static ReadableStream take(ReadableStream s, long n, OperatorOptions o) {
        return ReadableStream.from(new CountIterator(s, n, false, OperatorOptions.signalOf(o)));
    }

    static Promise<Void> forEach(ReadableStream s, StreamOperators.SignalFn fn, OperatorOptions o) {
        Errors.requireFunction(fn, "fn");
        MapIterator it = new MapIterator(s, (value, signal) -> Promise.async(() -> fn.apply(value, signal))
                .then(x -> MapIterator.EMPTY), o);
        return it.forEach(x -> null);
    }

    /** Node's toArray: an aborted signal fails at the next chunk, the AbortError's cause its reason. */
    static Promise<List<Object>> toArray(ReadableStream s, OperatorOptions o) {
        AbortSignal signal = OperatorOptions.signalOf(o);
        List<Object> result = new ArrayList<>();
        return s.iterator().forEach(value -> {
            if (signal != null && signal.aborted()) {
                throw new AbortError(signal.reason());
            }
            return result.add(value);
        }).then(v -> result);
    }

    static Promise<Boolean> some(ReadableStream s, StreamOperators.SignalFn fn, OperatorOptions o) {
        boolean[] found = {false};
        return filterIterator(s, fn, o).forEach(v -> {
            found[0] = true;
            return AsyncIterator.BREAK;
        }).then(v -> found[0]);
    }

    static Promise<Object> find(ReadableStream s, StreamOperators.SignalFn fn, OperatorOptions o) {
        Object[] found = {null};
        return filterIterator(s, fn, o).forEach(v -> {
            found[0] = v;
            return AsyncIterator.BREAK;
        }).then(v -> found[0]);
    }

    static Promise<Boolean> every(ReadableStream s, StreamOperators.SignalFn fn, OperatorOptions o) {
        Errors.requireFunction(fn, "fn");
        return some(s, (value, signal) -> Promise.async(() -> fn.apply(value, signal)).then(ok -> !truthy(ok)), o)
                .then(any -> !any);
    }

    /** A chunk-only function as an operator function that ignores the signal (null stays null). */
    static StreamOperators.SignalFn plain(Promise.Fn<Object, ?> fn) {
        return fn == null ? null : (value, signal) -> fn.apply(value);
    }

    static StreamOperators.SignalReducer plain(ReadableStream.Reducer reducer) {
        return reducer == null ? null : (acc, value, signal) -> reducer.apply(acc, value);
    }

    /** Runs a promise-returning operator; a bad argument rejects, as in Node's async functions. */
    static <T> Promise<T> rejecting(java.util.function.Supplier<Promise<T>> op) {
        try {
            return op.get();
        } catch (RuntimeException err) {
            return Promise.reject(err);
        }
    }

    /** JavaScript truthiness for what a predicate returns. */
    static boolean truthy(Object v) {
        if (v == null || v instanceof Boolean b && !b) {
            return false;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        return !(v instanceof CharSequence cs && cs.isEmpty());
    }

    /** flatMap's {@code for await (val of values) yield* val}: Iterables, streams or async iterators. */
    private static final class FlatIterator implements AsyncIterator<Object> {
        private final MapIterator values;
        private AsyncIterator<Object> inner;
        private boolean finished;

        FlatIterator(MapIterator values) {
            this.values = values;
        }

        @Override
        public Promise<IterResult<Object>> next() {
            if (finished) {
                return Promise.resolve(IterResult.end());
            }
            Deferred<IterResult<Object>> d = Promise.withResolvers();
            step(d);
            return d.promise();
        }

        private void step(Deferred<IterResult<Object>> d) {
            if (inner == null) {
                values.next().then(r -> {
                    if (r.done()) {
                        finished = true;
                        d.resolve(IterResult.end());
                    } else {
                        inner = iteratorOf(r.value());
                        step(d);
                    }
                    return null;
                }, err -> fail(d, err));
                return;
            }
            inner.next().then(r -> {
                if (r.done()) {
                    inner = null;
                    step(d);
                } else {
                    d.resolve(IterResult.of(r.value()));
                }
                return null;
            }, err -> fail(d, err));
        }

        private Object fail(Deferred<IterResult<Object>> d, Throwable err) {
            finished = true;
            values.close();
            d.reject(err);
            return null;
        }

        @Override
        public Promise<IterResult<Object>> close() {
            if (!finished) {
                finished = true;
                if (inner != null) {
                    inner.close();
                }
                values.close();
            }
            return Promise.resolve(IterResult.end());
        }
    }

    @SuppressWarnings("unchecked")
    private static AsyncIterator<Object> iteratorOf(Object value) {
        if (value instanceof ReadableStream r) {
            return r.iterator();
        }
        if (value instanceof AsyncIterator<?> a) {
            return (AsyncIterator<Object>) a;
        }
        if (value instanceof Iterable<?> it) {
            Iterator<?> i = it.iterator();
            return new AsyncIterator<>() {
                @Override
                public Promise<IterResult<Object>> next() {
                    return Promise.resolve(i.hasNext() ? IterResult.of(i.next()) : IterResult.end());
                }

                @Override
                public Promise<IterResult<Object>> close() {
                    return Promise.resolve(IterResult.end());
                }
            };
        }
        if (value instanceof Thenable<?>) {
            throw Errors.invalidArgType("value", "an iterable", value);
        }
        throw ErrorCode.ERR_INVALID_ARG_TYPE.withMessage("flatMap: " + value + " is not iterable");
    }
}
