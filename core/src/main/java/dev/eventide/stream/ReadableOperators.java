package dev.eventide.stream;

import dev.eventide.errors.ErrorCode;
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
 * run {@link MapIterator}; drop and take are small async iterators; forEach, toArray, some,
 * find, every and reduce give promises. Each stream-returning operator hands its iterator to
 * Readable.from, so the result is an object-mode stream with highWaterMark 1. Loop thread only.
 *
 * <p>Functions may return a value or a thenable. Node's {@code signal} option is not offered.
 */
final class ReadableOperators {
    private ReadableOperators() {}

    static ReadableStream map(ReadableStream s, Promise.Fn<Object, ?> fn, OperatorOptions o) {
        return ReadableStream.from(new MapIterator(s, fn, o));
    }

    static ReadableStream filter(ReadableStream s, Promise.Fn<Object, ?> fn, OperatorOptions o) {
        return ReadableStream.from(filterIterator(s, fn, o));
    }

    private static MapIterator filterIterator(ReadableStream s, Promise.Fn<Object, ?> fn, OperatorOptions o) {
        dev.eventide.errors.Errors.requireFunction(fn, "fn");
        // Node's filterFn: async (value) => (await fn(value)) ? value : kEmpty.
        return new MapIterator(s, value -> Promise.async(() -> fn.apply(value))
                .then(ok -> truthy(ok) ? value : MapIterator.EMPTY), o);
    }

    static ReadableStream flatMap(ReadableStream s, Promise.Fn<Object, ?> fn, OperatorOptions o) {
        return ReadableStream.from(new FlatIterator(new MapIterator(s, fn, o)));
    }

    static ReadableStream drop(ReadableStream s, long n) {
        return ReadableStream.from(new CountIterator(s, n, true));
    }

    static ReadableStream take(ReadableStream s, long n) {
        return ReadableStream.from(new CountIterator(s, n, false));
    }

    static Promise<Void> forEach(ReadableStream s, Promise.Fn<Object, ?> fn, OperatorOptions o) {
        dev.eventide.errors.Errors.requireFunction(fn, "fn");
        MapIterator it = new MapIterator(s, value -> Promise.async(() -> fn.apply(value))
                .then(x -> MapIterator.EMPTY), o);
        return it.forEach(x -> null);
    }

    static Promise<List<Object>> toArray(ReadableStream s) {
        List<Object> result = new ArrayList<>();
        return s.iterator().forEach(result::add).then(v -> result);
    }

    static Promise<Boolean> some(ReadableStream s, Promise.Fn<Object, ?> fn, OperatorOptions o) {
        boolean[] found = {false};
        return filterIterator(s, fn, o).forEach(v -> {
            found[0] = true;
            return AsyncIterator.BREAK;
        }).then(v -> found[0]);
    }

    static Promise<Object> find(ReadableStream s, Promise.Fn<Object, ?> fn, OperatorOptions o) {
        Object[] found = {null};
        return filterIterator(s, fn, o).forEach(v -> {
            found[0] = v;
            return AsyncIterator.BREAK;
        }).then(v -> found[0]);
    }

    static Promise<Boolean> every(ReadableStream s, Promise.Fn<Object, ?> fn, OperatorOptions o) {
        dev.eventide.errors.Errors.requireFunction(fn, "fn");
        return some(s, value -> Promise.async(() -> fn.apply(value)).then(ok -> !truthy(ok)), o)
                .then(any -> !any);
    }

    static Promise<Object> reduce(ReadableStream s, ReadableStream.Reducer reducer, boolean hasInitial,
            Object initial) {
        dev.eventide.errors.Errors.requireFunction(reducer, "reducer");
        Object[] acc = {initial};
        boolean[] has = {hasInitial};
        return s.iterator().forEach(value -> {
            if (!has[0]) {
                acc[0] = value;
                has[0] = true;
                return null;
            }
            return Promise.resolve((Object) reducer.apply(acc[0], value)).then(v -> {
                acc[0] = v;
                return null;
            });
        }).then(v -> {
            if (!has[0]) {
                throw ErrorCode.ERR_MISSING_ARGS.withMessage("Reduce of an empty stream requires an initial value");
            }
            return acc[0];
        });
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

    /** Node's drop/take generators: skip the first n values, or stop after n. */
    private static final class CountIterator implements AsyncIterator<Object> {
        private final ReadableStream source;
        private final boolean drop;
        private long number;
        private AsyncIterator<Object> input;
        private boolean finished;
        /** take() yielded its last value: the next step returns, closing the source. */
        private boolean returnOnNext;

        CountIterator(ReadableStream source, long n, boolean drop) {
            this.source = source;
            this.number = n;
            this.drop = drop;
        }

        @Override
        public Promise<IterResult<Object>> next() {
            if (finished) {
                return Promise.resolve(IterResult.end());
            }
            if (input == null) {
                input = source.iterator();
            }
            if (returnOnNext) {
                finished = true;
                input.close();
                return Promise.resolve(IterResult.end());
            }
            Deferred<IterResult<Object>> d = Promise.withResolvers();
            step(d);
            return d.promise();
        }

        private void step(Deferred<IterResult<Object>> d) {
            input.next().then(r -> {
                if (r.done()) {
                    finished = true;
                    d.resolve(IterResult.end());
                } else if (drop) {
                    if (number-- <= 0) {
                        d.resolve(IterResult.of(r.value()));
                    } else {
                        step(d);
                    }
                } else if (number-- > 0) {
                    // Node's take returns when resumed after its last value, closing the source.
                    returnOnNext = number <= 0;
                    d.resolve(IterResult.of(r.value()));
                } else {
                    finished = true;
                    input.close();
                    d.resolve(IterResult.end());
                }
                return null;
            }, err -> {
                finished = true;
                d.reject(err);
                return null;
            });
        }

        @Override
        public Promise<IterResult<Object>> close() {
            if (!finished) {
                finished = true;
                if (input != null) {
                    input.close();
                }
            }
            return Promise.resolve(IterResult.end());
        }
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
            throw dev.eventide.errors.Errors.invalidArgType("value", "an iterable", value);
        }
        throw ErrorCode.ERR_INVALID_ARG_TYPE.withMessage("flatMap: " + value + " is not iterable");
    }
}
