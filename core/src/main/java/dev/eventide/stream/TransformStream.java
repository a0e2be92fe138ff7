package dev.eventide.stream;

import dev.eventide.errors.ErrorCode;

/**
 * Node's stream.Transform: a duplex stream whose output is computed from its input by
 * {@code _transform} (and {@code _flush} at the end). A written chunk's callback is held back
 * while the readable side is full, which carries backpressure through. Loop thread only.
 */
public class TransformStream extends DuplexStream {
    /** The held-back _write callback, released by the next _read. */
    private StreamCallback pendingCallback;
    /** A subclass replaced _final: then 'prefinish' runs the flush step, as in Node. */
    private final boolean finalOverridden;

    public TransformStream(StreamOptions options) {
        super(options);
        // Node: transforms push from _write, never inside _read, so they are never "sync".
        readableState.sync = false;
        finalOverridden = declaresFinalBelowTransform();
        on("prefinish", args -> {
            if (finalOverridden) {
                runFinal(null);
            }
        });
    }

    public TransformStream() {
        this(null);
    }

    private boolean declaresFinalBelowTransform() {
        for (Class<?> c = getClass(); c != TransformStream.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("_final")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Turns one chunk into output: push() it, or hand it to {@code callback}. */
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        if (options.transform == null) {
            throw ErrorCode.ERR_METHOD_NOT_IMPLEMENTED.make("_transform()");
        }
        try {
            options.transform.transform(this, chunk, encoding, callback);
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    /** Emits what is left at the end; the default does nothing. */
    protected void _flush(TransformCallback callback) {
        if (options.flush == null) {
            callback.done();
            return;
        }
        try {
            options.flush.flush(this, callback);
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    @Override
    protected void _final(StreamCallback cb) {
        runFinal(cb);
    }

    private void runFinal(StreamCallback cb) {
        if (destroyed()) {
            push(null);
            if (cb != null) {
                cb.call(null);
            }
            return;
        }
        _flush((er, data) -> {
            if (er != null) {
                if (cb != null) {
                    cb.call(er);
                } else {
                    destroy(er);
                }
                return;
            }
            if (data != null) {
                push(data);
            }
            push(null);
            if (cb != null) {
                cb.call(null);
            }
        });
    }

    @Override
    protected void _write(Object chunk, String encoding, StreamCallback callback) {
        ReadableState rState = readableState;
        WritableState wState = writableState;
        int length = rState.length;
        _transform(chunk, encoding, (err, val) -> {
            if (err != null) {
                callback.call(err);
                return;
            }
            if (val != null) {
                push(val);
            }
            if (wState.ended || length == rState.length || rState.length < rState.highWaterMark) {
                callback.call(null);
            } else {
                pendingCallback = callback;
            }
        });
    }

    @Override
    protected void _read(int size) {
        if (pendingCallback != null) {
            StreamCallback callback = pendingCallback;
            pendingCallback = null;
            callback.call(null);
        }
    }
}
