package dev.eventide.stream;

import dev.eventide.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Node's stream construction step (construct/constructNT in lib/internal/streams/destroy.js):
 * a stream whose class overrides {@code _construct} (or whose options give {@code construct})
 * holds back _read, _write, _final and _destroy until the construct callback runs. Loop thread
 * only.
 *
 * <pre>
 * new stream -> constructed=false -> nextTick: _construct(cb)
 * cb(err)    -> nextTick onConstruct: constructed=true
 *                 destroyed meanwhile? run the held destroy with err
 *                 err?                 errorOrDestroy(err)
 *                 else                 nextTick: readable side maybeReadMore, writable side
 *                                      clearBuffer + finishMaybe
 * </pre>
 */
final class Construct {
    private final StreamBase stream;
    /** The destroy() calls made while constructing, run once the callback comes. */
    private final List<StreamCallback> heldDestroys = new ArrayList<>(1);
    /** The construct callback was called (a second call is ERR_MULTIPLE_CALLBACK). */
    private boolean called;

    private Construct(StreamBase stream) {
        this.stream = stream;
    }

    /** Starts construction when the stream has a construct hook; call once both states exist. */
    static void start(StreamBase s) {
        if (!s.hasConstruct) {
            return;
        }
        if (s.readableState != null) {
            s.readableState.constructed = false;
        }
        if (s.writableState != null) {
            s.writableState.constructed = false;
        }
        Construct c = new Construct(s);
        s.construct = c;
        s.nextTick(c::run);
    }

    /** Whether a destroy() must wait for the construct callback. */
    static boolean pending(StreamBase s) {
        return (s.readableState != null && !s.readableState.constructed)
                || (s.writableState != null && !s.writableState.constructed);
    }

    /** Node's once(kDestroy, ...): {@code then} gets the construct callback's error. */
    static void holdDestroy(StreamBase s, StreamCallback then) {
        s.construct.heldDestroys.add(then);
    }

    private void run() {
        try {
            stream._construct(err -> stream.nextTick(() -> onConstruct(err)));
        } catch (RuntimeException err) {
            stream.nextTick(() -> onConstruct(err));
        }
    }

    private void onConstruct(Throwable err) {
        if (called) {
            stream.errorOrDestroy(err != null ? err : ErrorCode.ERR_MULTIPLE_CALLBACK.make(), false);
            return;
        }
        called = true;
        if (stream.readableState != null) {
            stream.readableState.constructed = true;
        }
        if (stream.writableState != null) {
            stream.writableState.constructed = true;
        }
        if (stream.destroyed()) {
            List<StreamCallback> held = List.copyOf(heldDestroys);
            heldDestroys.clear();
            for (StreamCallback cb : held) {
                cb.call(err);
            }
        } else if (err != null) {
            stream.errorOrDestroy(err, true);
        } else {
            stream.nextTick(this::constructed);
        }
    }

    /** Node's kConstruct listeners: the readable side's first, then the writable side's. */
    private void constructed() {
        ReadableState r = stream.readableState;
        if (r != null && r.needReadable && stream instanceof ReadableStream rs) {
            ReadableLogic.maybeReadMore(rs, r);
        }
        WritableState w = stream.writableState;
        if (w != null) {
            if (!w.writing) {
                WritableLogic.clearBuffer(stream, w);
            }
            WritableLogic.finishMaybe(stream, w, false);
        }
    }

    /** Node's aggregateTwoErrors(inner, outer) for a destroy held during construction. */
    static Throwable aggregate(Throwable inner, Throwable outer) {
        if (inner == null || inner == outer) {
            return outer;
        }
        if (outer == null) {
            return inner;
        }
        return new dev.eventide.promise.AggregateError(List.of(outer, inner), outer.getMessage());
    }
}
