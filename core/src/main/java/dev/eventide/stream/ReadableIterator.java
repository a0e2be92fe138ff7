package dev.eventide.stream;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.ErrorCode;
import dev.eventide.events.AsyncIterator;
import dev.eventide.events.IterResult;
import dev.eventide.events.Listener;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;

/**
 * A readable stream's async iterator (Node's createAsyncIterator): each next() reads one chunk,
 * waiting for 'readable' when the buffer is empty; the end of the stream ends the iteration and
 * an error rejects it. close() (a {@code break}) destroys the stream unless told not to. Loop
 * thread only. Node's async generator adds a few microtask turns per step that this port
 * does not reproduce exactly.
 */
final class ReadableIterator implements AsyncIterator<Object> {
    private final ReadableStream stream;
    private final boolean destroyOnReturn;
    private final Listener onReadable = args -> wake();
    private final Runnable cleanup;
    /** The waiting next(), or null. */
    private Runnable waiting;
    /** The end-of-stream error; {@link #endedCleanly} tells a clean end apart. */
    private Throwable error;
    /** The stream ended without error (Node's error === null). */
    private boolean endedCleanly;
    /** The iteration is over: next() answers done. */
    private boolean done;

    ReadableIterator(ReadableStream stream, boolean destroyOnReturn) {
        this.stream = stream;
        this.destroyOnReturn = destroyOnReturn;
        stream.on("readable", onReadable);
        cleanup = Eos.finished(stream, null, false, true, err -> {
            if (err != null) {
                error = err;
            } else {
                endedCleanly = true;
            }
            wake();
        });
    }

    private void wake() {
        Runnable w = waiting;
        waiting = null;
        if (w != null) {
            w.run();
        }
    }

    @Override
    public Promise<IterResult<Object>> next() {
        Deferred<IterResult<Object>> d = Promise.withResolvers();
        step(d);
        return d.promise();
    }

    private void step(Deferred<IterResult<Object>> d) {
        if (done) {
            d.resolve(IterResult.end());
            return;
        }
        Object chunk = stream.destroyed() ? null : stream.read();
        if (chunk != null) {
            d.resolve(IterResult.of(chunk));
        } else if (error != null) {
            finish(true);
            d.reject(error);
        } else if (endedCleanly) {
            finish(false);
            d.resolve(IterResult.end());
        } else {
            waiting = () -> step(d);
        }
    }

    private void finish(boolean failed) {
        done = true;
        if ((failed || destroyOnReturn) && (!failed || stream.readableState.autoDestroy)) {
            stream.destroy(null);
        } else {
            stream.removeListener("readable", onReadable);
            cleanup.run();
        }
    }

    @Override
    public Promise<IterResult<Object>> close() {
        if (!done) {
            done = true;
            if (destroyOnReturn) {
                if (!stream.destroyed() && !stream.readableEnded()) {
                    stream.destroy(new AbortError());
                }
            } else {
                stream.removeListener("readable", onReadable);
                cleanup.run();
            }
        }
        return Promise.resolve(IterResult.end());
    }
}
