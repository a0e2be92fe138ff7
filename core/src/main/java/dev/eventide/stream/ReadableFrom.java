package dev.eventide.stream;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.events.AsyncIterator;
import dev.eventide.events.IterResult;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;
import java.util.Iterator;

/**
 * Node's Readable.from (lib/internal/streams/from.js): a readable stream pulling from an
 * iterator, in object mode with highWaterMark 1 unless the options say otherwise. Sync
 * iterators are drained in one _read while push() returns true. Loop thread only.
 */
final class ReadableFrom {
    private ReadableFrom() {}

    private static StreamOptions defaults(StreamOptions opts) {
        StreamOptions o = opts == null ? new StreamOptions() : opts.copy();
        if (o.objectMode == null) {
            o.objectMode = true;
        }
        if (o.highWaterMark == null) {
            o.highWaterMark = 1;
        }
        return o;
    }

    static ReadableStream ofValue(Object value, StreamOptions opts) {
        if (!(value instanceof String) && !(value instanceof Bytes)) {
            throw dev.eventide.errors.Errors.invalidArgType("iterable", "an instance of Iterable", value);
        }
        StreamOptions o = opts == null ? new StreamOptions() : opts.copy();
        if (o.objectMode == null) {
            o.objectMode = true;
        }
        o.read = (self, n) -> {
            self.push(value);
            self.push(null);
        };
        return new ReadableStream(o);
    }

    static ReadableStream of(Iterable<?> iterable, StreamOptions opts) {
        if (iterable == null) {
            throw dev.eventide.errors.Errors.invalidArgType("iterable", "an instance of Iterable", null);
        }
        Iterator<?> it = iterable.iterator();
        boolean[] reading = {false};
        StreamOptions o = defaults(opts);
        o.read = (self, n) -> {
            if (!reading[0]) {
                reading[0] = true;
                nextSync(self, it, reading);
            }
        };
        // Node's close() is an async function: the callback waits a promise turn, then a tick.
        o.destroy = (err, cb) -> Promise.async(() -> {
            if (it instanceof AutoCloseable c) {
                c.close();
            }
            return null;
        }).then(v -> afterClose(cb, err), e -> afterClose(cb, e != null ? e : err));
        return new ReadableStream(o);
    }

    private static void nextSync(ReadableStream readable, Iterator<?> it, boolean[] reading) {
        try {
            while (true) {
                if (!it.hasNext()) {
                    readable.push(null);
                    return;
                }
                Object value = it.next();
                if (value == null) {
                    reading[0] = false;
                    throw ErrorCode.ERR_STREAM_NULL_VALUES.make();
                }
                if (!readable.push(value)) {
                    reading[0] = false;
                    return;
                }
            }
        } catch (RuntimeException err) {
            readable.destroy(err);
        }
    }

    static ReadableStream ofAsync(AsyncIterator<?> it, StreamOptions opts) {
        boolean[] reading = {false};
        StreamOptions o = defaults(opts);
        o.read = (self, n) -> {
            if (!reading[0]) {
                reading[0] = true;
                nextAsync(self, it, reading);
            }
        };
        // Node awaits iterator.return() and its value inside the async close(), then ticks.
        // asyncCompose: the value is the adopted IterResult, not close()'s promise.
        o.destroy = (err, cb) -> Promise.<IterResult<?>>asyncCompose(() -> it.close())
                .then(v -> afterClose(cb, err), e -> afterClose(cb, e != null ? e : err));
        return new ReadableStream(o);
    }

    private static Object afterClose(StreamCallback cb, Throwable err) {
        EventLoop.current().nextTick(() -> cb.call(err));
        return null;
    }

    private static void nextAsync(ReadableStream readable, AsyncIterator<?> it, boolean[] reading) {
        it.next().then((IterResult<?> r) -> {
            if (r.done()) {
                readable.push(null);
            } else if (r.value() == null) {
                reading[0] = false;
                readable.destroy(ErrorCode.ERR_STREAM_NULL_VALUES.make());
            } else if (readable.push(r.value())) {
                nextAsync(readable, it, reading);
            } else {
                reading[0] = false;
            }
            return null;
        }, err -> {
            readable.destroy(err);
            return null;
        });
    }
}
