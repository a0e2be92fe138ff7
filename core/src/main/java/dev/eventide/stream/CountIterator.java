package dev.eventide.stream;

import dev.eventide.errors.AbortError;
import dev.eventide.events.AbortSignal;
import dev.eventide.events.AsyncIterator;
import dev.eventide.events.IterResult;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;

/**
 * Node's drop and take generators (lib/internal/streams/operators.js): skip the first n chunks,
 * or stop after n. Loop thread only.
 *
 * <p>The signal is polled as Node does: an aborted one fails the first step before the source is
 * touched, and fails a later step when a chunk arrives, closing (destroying) the source as the
 * throw out of Node's for-await does. Both AbortErrors have no cause, as Node's.
 */
final class CountIterator implements AsyncIterator<Object> {
    private final ReadableStream source;
    private final boolean drop;
    /** Null when the operator has no signal. */
    private final AbortSignal signal;
    private long number;
    private AsyncIterator<Object> input;
    private boolean finished;
    /** take() yielded its last value: the next step returns, closing the source. */
    private boolean returnOnNext;

    CountIterator(ReadableStream source, long n, boolean drop, AbortSignal signal) {
        this.source = source;
        this.number = n;
        this.drop = drop;
        this.signal = signal;
    }

    @Override
    public Promise<IterResult<Object>> next() {
        if (finished) {
            return Promise.resolve(IterResult.end());
        }
        if (input == null) {
            if (aborted()) {
                finished = true;
                return Promise.reject(new AbortError());
            }
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

    private boolean aborted() {
        return signal != null && signal.aborted();
    }

    private void step(Deferred<IterResult<Object>> d) {
        input.next().then(r -> {
            if (r.done()) {
                finished = true;
                d.resolve(IterResult.end());
            } else if (aborted()) {
                finished = true;
                input.close();
                d.reject(new AbortError());
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
