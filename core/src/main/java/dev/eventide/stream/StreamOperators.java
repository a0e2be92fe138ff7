package dev.eventide.stream;

import dev.eventide.events.AbortSignal;
import dev.eventide.promise.Promise;
import java.util.List;

/**
 * Node 20's readable operators (map, filter, flatMap, drop, take, forEach, toArray, some, find,
 * every, reduce), the methods every ReadableStream has; they live here to keep ReadableStream
 * to its state machine. Loop thread only, as the stream.
 *
 * <p>Each operator taking a function has two forms: a {@code Promise.Fn} of the chunk, and a
 * {@link SignalFn} of the chunk and the operator's signal (Node's {@code fn(chunk, {signal})}).
 * The options' signal ({@link OperatorOptions#signal}) is polled as in Node: it is checked when
 * a chunk arrives and when a result is taken, so aborting rejects (or errors the result stream)
 * with an AbortError at the next chunk, never while the source is silent.
 */
public sealed interface StreamOperators permits ReadableStream {
    /** An operator's function that also takes the operator's signal (Node's second argument). */
    @FunctionalInterface
    interface SignalFn {
        Object apply(Object chunk, AbortSignal signal) throws Exception;
    }

    /** reduce()'s function that also takes the signal, aborted when reduce ends or its signal aborts. */
    @FunctionalInterface
    interface SignalReducer {
        Object apply(Object accumulator, Object chunk, AbortSignal signal) throws Exception;
    }

    private ReadableStream self() {
        return (ReadableStream) this;
    }

    // ---- stream-returning ----

    /** A stream of fn(chunk) (values or thenables), in order, fn running at most concurrency at once. */
    default ReadableStream map(Promise.Fn<Object, ?> fn) {
        return ReadableOperators.map(self(), ReadableOperators.plain(fn), null);
    }

    default ReadableStream map(Promise.Fn<Object, ?> fn, OperatorOptions options) {
        return ReadableOperators.map(self(), ReadableOperators.plain(fn), options);
    }

    default ReadableStream map(SignalFn fn) {
        return ReadableOperators.map(self(), fn, null);
    }

    default ReadableStream map(SignalFn fn, OperatorOptions options) {
        return ReadableOperators.map(self(), fn, options);
    }

    /** A stream of the chunks for which fn gives a truthy value (or a thenable of one). */
    default ReadableStream filter(Promise.Fn<Object, ?> fn) {
        return ReadableOperators.filter(self(), ReadableOperators.plain(fn), null);
    }

    default ReadableStream filter(Promise.Fn<Object, ?> fn, OperatorOptions options) {
        return ReadableOperators.filter(self(), ReadableOperators.plain(fn), options);
    }

    default ReadableStream filter(SignalFn fn) {
        return ReadableOperators.filter(self(), fn, null);
    }

    default ReadableStream filter(SignalFn fn, OperatorOptions options) {
        return ReadableOperators.filter(self(), fn, options);
    }

    /** fn gives an Iterable, a stream or an AsyncIterator per chunk; the result streams their values. */
    default ReadableStream flatMap(Promise.Fn<Object, ?> fn) {
        return ReadableOperators.flatMap(self(), ReadableOperators.plain(fn), null);
    }

    default ReadableStream flatMap(Promise.Fn<Object, ?> fn, OperatorOptions options) {
        return ReadableOperators.flatMap(self(), ReadableOperators.plain(fn), options);
    }

    default ReadableStream flatMap(SignalFn fn) {
        return ReadableOperators.flatMap(self(), fn, null);
    }

    default ReadableStream flatMap(SignalFn fn, OperatorOptions options) {
        return ReadableOperators.flatMap(self(), fn, options);
    }

    /** A stream without the first n chunks. */
    default ReadableStream drop(long n) {
        return ReadableOperators.drop(self(), n, null);
    }

    /** drop(n) with the options' signal (the rest of the options is not read, as in Node). */
    default ReadableStream drop(long n, OperatorOptions options) {
        return ReadableOperators.drop(self(), n, options);
    }

    /** A stream of the first n chunks; this stream is destroyed once they are taken. */
    default ReadableStream take(long n) {
        return ReadableOperators.take(self(), n, null);
    }

    /** take(n) with the options' signal (the rest of the options is not read, as in Node). */
    default ReadableStream take(long n, OperatorOptions options) {
        return ReadableOperators.take(self(), n, options);
    }

    // ---- promise-returning: a bad argument rejects, as Node's async functions do ----

    /** Calls fn for each chunk; resolves at the end, rejects with the first error. */
    default Promise<Void> forEach(Promise.Fn<Object, ?> fn) {
        return ReadableOperators.rejecting(() -> ReadableOperators.forEach(self(), ReadableOperators.plain(fn), null));
    }

    default Promise<Void> forEach(Promise.Fn<Object, ?> fn, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableOperators.forEach(self(), ReadableOperators.plain(fn), options));
    }

    default Promise<Void> forEach(SignalFn fn) {
        return ReadableOperators.rejecting(() -> ReadableOperators.forEach(self(), fn, null));
    }

    default Promise<Void> forEach(SignalFn fn, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableOperators.forEach(self(), fn, options));
    }

    /** Every chunk, in a list. */
    default Promise<List<Object>> toArray() {
        return ReadableOperators.toArray(self(), null);
    }

    /** toArray() with the options' signal (the rest of the options is not read, as in Node). */
    default Promise<List<Object>> toArray(OperatorOptions options) {
        return ReadableOperators.toArray(self(), options);
    }

    /** Whether fn is truthy for some chunk; stops (destroying this stream) at the first. */
    default Promise<Boolean> some(Promise.Fn<Object, ?> fn) {
        return ReadableOperators.rejecting(() -> ReadableOperators.some(self(), ReadableOperators.plain(fn), null));
    }

    default Promise<Boolean> some(Promise.Fn<Object, ?> fn, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableOperators.some(self(), ReadableOperators.plain(fn), options));
    }

    default Promise<Boolean> some(SignalFn fn) {
        return ReadableOperators.rejecting(() -> ReadableOperators.some(self(), fn, null));
    }

    default Promise<Boolean> some(SignalFn fn, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableOperators.some(self(), fn, options));
    }

    /** The first chunk for which fn is truthy, or null. */
    default Promise<Object> find(Promise.Fn<Object, ?> fn) {
        return ReadableOperators.rejecting(() -> ReadableOperators.find(self(), ReadableOperators.plain(fn), null));
    }

    default Promise<Object> find(Promise.Fn<Object, ?> fn, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableOperators.find(self(), ReadableOperators.plain(fn), options));
    }

    default Promise<Object> find(SignalFn fn) {
        return ReadableOperators.rejecting(() -> ReadableOperators.find(self(), fn, null));
    }

    default Promise<Object> find(SignalFn fn, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableOperators.find(self(), fn, options));
    }

    /** Whether fn is truthy for every chunk; stops at the first falsy one. */
    default Promise<Boolean> every(Promise.Fn<Object, ?> fn) {
        return ReadableOperators.rejecting(() -> ReadableOperators.every(self(), ReadableOperators.plain(fn), null));
    }

    default Promise<Boolean> every(Promise.Fn<Object, ?> fn, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableOperators.every(self(), ReadableOperators.plain(fn), options));
    }

    default Promise<Boolean> every(SignalFn fn) {
        return ReadableOperators.rejecting(() -> ReadableOperators.every(self(), fn, null));
    }

    default Promise<Boolean> every(SignalFn fn, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableOperators.every(self(), fn, options));
    }

    /** Folds the chunks, the first chunk being the initial value (an empty stream rejects). */
    default Promise<Object> reduce(ReadableStream.Reducer reducer) {
        return ReadableOperators.rejecting(() -> ReadableReduce.reduce(self(), ReadableOperators.plain(reducer),
                false, null, null));
    }

    default Promise<Object> reduce(SignalReducer reducer) {
        return ReadableOperators.rejecting(() -> ReadableReduce.reduce(self(), reducer, false, null, null));
    }

    /** Folds the chunks from {@code initial}. */
    default Promise<Object> reduce(ReadableStream.Reducer reducer, Object initial) {
        return reduce(reducer, initial, null);
    }

    default Promise<Object> reduce(SignalReducer reducer, Object initial) {
        return reduce(reducer, initial, null);
    }

    /**
     * Folds the chunks from {@code initial} with the options' signal: an aborted one destroys this
     * stream with an AbortError and rejects with it once the stream has closed.
     */
    default Promise<Object> reduce(ReadableStream.Reducer reducer, Object initial, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableReduce.reduce(self(), ReadableOperators.plain(reducer),
                true, initial, options));
    }

    default Promise<Object> reduce(SignalReducer reducer, Object initial, OperatorOptions options) {
        return ReadableOperators.rejecting(() -> ReadableReduce.reduce(self(), reducer, true, initial, options));
    }
}
