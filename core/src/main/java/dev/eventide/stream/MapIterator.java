package dev.eventide.stream;

import dev.eventide.errors.AbortError;
import dev.eventide.events.AbortSignal;
import dev.eventide.events.AsyncIterator;
import dev.eventide.events.IterResult;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The async generator behind Node's readable.map (lib/internal/streams/operators.js), as an
 * async iterator that Readable.from turns into the result stream. Loop thread only.
 *
 * <pre>
 * pump:     for await (v of source) { queue.push(promise of fn(v)); wait while the queue
 *           is full or concurrency calls are pending }  then queue.push(EOF)
 * consumer: next() awaits queue[0] and yields it; the following next() shifts it and lets
 *           the pump resume. Results come out in source order whatever the concurrency.
 * </pre>
 *
 * A rejected result ends the iteration with that error; ending early (close(), or an error)
 * makes the pump return from its loop, which destroys the source as a {@code break} does.
 *
 * <p>The options' signal is polled, as in Node 20: the pump checks it when a chunk arrives
 * (before calling fn) and the consumer when a result has settled; an aborted one ends the
 * iteration with an AbortError. fn gets a signal of its own that follows the options' one.
 */
final class MapIterator implements AsyncIterator<Object> {
    /** A result the consumer skips (filter's rejects, forEach's results). */
    static final Object EMPTY = new Object();
    private static final Object EOF = new Object();

    private final ReadableStream source;
    private final StreamOperators.SignalFn fn;
    /** The options' signal, or null. */
    private final AbortSignal optionSignal;
    /** What fn gets: Node's AbortSignal.any([options.signal]), made when iteration starts. */
    private AbortSignal signal;
    private final int concurrency;
    private final int queueLimit;
    /** Result promises (and EOF) in source order; the head is the one being yielded. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private AsyncIterator<Object> input;
    /** The consumer waiting for the queue to fill, or null (Node's next). */
    private Runnable next;
    /** The pump waiting for room, or null (Node's resume). */
    private Runnable resume;
    /** No more items are taken from the source (Node's done). */
    private boolean done;
    /** fn calls whose result has not settled yet (Node's cnt). */
    private int cnt;
    private boolean started;
    /** The generator has returned or thrown: next() answers done. */
    private boolean finished;

    MapIterator(ReadableStream source, StreamOperators.SignalFn fn, OperatorOptions options) {
        this.source = source;
        this.fn = dev.eventide.errors.Errors.requireFunction(fn, "fn");
        OperatorOptions o = options == null ? new OperatorOptions() : options;
        this.concurrency = o.concurrency;
        this.queueLimit = o.queueLimit();
        this.optionSignal = o.signal;
    }

    @Override
    public Promise<IterResult<Object>> next() {
        Deferred<IterResult<Object>> d = Promise.withResolvers();
        if (finished) {
            d.resolve(IterResult.end());
        } else if (!started) {
            started = true;
            signal = AbortSignal.any(optionSignal == null ? List.of() : List.of(optionSignal));
            input = source.iterator();
            pumpStep();
            loop(d);
        } else {
            // Resumed after a yield: the yielded head leaves the queue.
            queue.pollFirst();
            maybeResume();
            loop(d);
        }
        return d.promise();
    }

    @Override
    public Promise<IterResult<Object>> close() {
        if (!finished) {
            finished = true;
            if (started) {
                end();
            }
        }
        return Promise.resolve(IterResult.end());
    }

    // ---- the consumer (the generator's body) ----

    private void loop(Deferred<IterResult<Object>> d) {
        if (queue.isEmpty()) {
            Deferred<Void> wake = Promise.withResolvers();
            next = () -> wake.resolve(null);
            wake.promise().then(v -> {
                loop(d);
                return null;
            });
            return;
        }
        Promise.resolve(queue.peekFirst()).then(val -> {
            if (val == EOF) {
                finish();
                d.resolve(IterResult.end());
            } else if (signal.aborted()) {
                finish();
                d.reject(new AbortError());
            } else if (val == EMPTY) {
                queue.pollFirst();
                maybeResume();
                loop(d);
            } else {
                d.resolve(IterResult.of(val));
            }
            return null;
        }, err -> {
            finish();
            d.reject(err);
            return null;
        });
    }

    private void finish() {
        finished = true;
        end();
    }

    /** The generator's finally: stop pumping and wake the pump so that it returns. */
    private void end() {
        done = true;
        runResume();
    }

    private void runResume() {
        Runnable r = resume;
        resume = null;
        if (r != null) {
            r.run();
        }
    }

    private void maybeResume() {
        if (resume != null && !done && cnt < concurrency && queue.size() < queueLimit) {
            runResume();
        }
    }

    private void afterItemProcessed() {
        cnt--;
        maybeResume();
    }

    // ---- the pump ----

    private void pumpStep() {
        input.next().then(r -> {
            if (r.done()) {
                queue.addLast(EOF);
                pumpDone();
            } else if (done) {
                // Returning from the for-await loop closes the source's iterator.
                input.close();
                pumpDone();
            } else if (signal.aborted()) {
                // Node throws out of its for-await: the source is closed (awaited), then the error queued.
                input.close().then(x -> pumpFailed(new AbortError()), x -> pumpFailed(new AbortError()));
            } else {
                take(r.value());
            }
            return null;
        }, this::pumpFailed);
    }

    private Object pumpFailed(Throwable err) {
        Promise<Object> val = Promise.reject(err);
        track(val);
        queue.addLast(val);
        pumpDone();
        return null;
    }

    private void take(Object value) {
        Promise<Object> val;
        try {
            Object out = fn.apply(value, signal);
            if (out == EMPTY) {
                pumpStep();
                return;
            }
            // PromiseResolve: a promise of this loop is taken as it is, another thenable adopted.
            val = Promise.resolve(out);
        } catch (Exception err) {
            val = Promise.reject(err);
        }
        cnt++;
        track(val);
        queue.addLast(val);
        wakeConsumer();
        if (!done && (queue.size() >= queueLimit || cnt >= concurrency)) {
            Deferred<Void> room = Promise.withResolvers();
            resume = () -> room.resolve(null);
            room.promise().then(v -> {
                pumpStep();
                return null;
            });
        } else {
            pumpStep();
        }
    }

    private void track(Promise<Object> val) {
        val.then(v -> {
            afterItemProcessed();
            return null;
        }, e -> {
            done = true;
            afterItemProcessed();
            return null;
        });
    }

    private void pumpDone() {
        done = true;
        wakeConsumer();
    }

    private void wakeConsumer() {
        Runnable n = next;
        next = null;
        if (n != null) {
            n.run();
        }
    }
}
