package dev.eventide.stream;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.errors.Errors;
import dev.eventide.events.EventEmitter;
import dev.eventide.events.RejectionHandler;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Task;
import java.lang.reflect.Method;
import java.util.List;

/**
 * What every Node stream shares: an EventEmitter with a readable and/or a writable state, and
 * Node's destroy machinery (lib/internal/streams/destroy.js). Belongs to the loop that made it
 * and is used on that loop's thread only.
 *
 * <p>Destroy order, as in Node: destroy(err) marks both sides destroyed and errored, calls
 * {@code _destroy}; when that calls back, 'error' (if any) then 'close' are emitted together in
 * one nextTick.
 */
public abstract class StreamBase extends EventEmitter implements RejectionHandler {
    /** Node 22+ defaults: 64 KiB for bytes, 16 objects. */
    static final int DEFAULT_HWM_BYTES = 64 * 1024;
    static final int DEFAULT_HWM_OBJECTS = 16;
    static final StreamCallback NOP = err -> { };

    final EventLoop loop;
    final StreamOptions options;
    /** Null for a writable-only stream. */
    ReadableState readableState;
    /** Null for a readable-only stream. */
    WritableState writableState;
    /** The callback handed to every _write (Node's state.onwrite); made at the first write. */
    private StreamCallback onwrite;
    /** Whether _writev exists (an option or an override), so buffered writes are batched. */
    final boolean hasWritev;
    /** Whether _final exists (an option, an override, or a transform's flush step). */
    final boolean hasFinal;
    /** Whether _construct exists (an option or an override). */
    final boolean hasConstruct;
    /** The construction in progress or done, or null without a _construct. */
    Construct construct;

    StreamBase(StreamOptions options) {
        super(EventEmitter.captureRejections());
        this.loop = EventLoop.current();
        this.options = options == null ? new StreamOptions() : options;
        int overridden = OVERRIDES.get(getClass());
        this.hasWritev = this.options.writev != null || (overridden & WRITEV) != 0;
        this.hasFinal = this.options.finalFn != null || (overridden & FINAL) != 0 || this instanceof TransformStream;
        this.hasConstruct = this.options.construct != null || (overridden & CONSTRUCT) != 0;
    }

    private static final int WRITEV = 1;
    private static final int FINAL = 2;
    private static final int CONSTRUCT = 4;

    /** Node's {@code signal} option: as stream.addAbortSignal, before construction starts. */
    final void applySignal() {
        if (options.signal != null) {
            Streams.addAbortSignal(options.signal, this);
        }
    }

    /** Which hooks a stream class overrides, found by reflection once per class, not per stream. */
    private static final ClassValue<Integer> OVERRIDES = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return (overrides(type, "_writev") ? WRITEV : 0) | (overrides(type, "_final") ? FINAL : 0)
                    | (overrides(type, "_construct") ? CONSTRUCT : 0);
        }
    };

    private static boolean overrides(Class<?> type, String method) {
        for (Class<?> c = type; c != StreamBase.class && c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(method)) {
                    return true;
                }
            }
        }
        return false;
    }

    static int highWaterMark(StreamOptions o, Integer duplexValue, boolean objectMode) {
        Integer hwm = o.highWaterMark != null ? o.highWaterMark : duplexValue;
        if (hwm != null) {
            if (hwm < 0) {
                throw Errors.invalidArgValue("options.highWaterMark", hwm, "is invalid");
            }
            return hwm;
        }
        return objectMode ? DEFAULT_HWM_OBJECTS : DEFAULT_HWM_BYTES;
    }

    /** Node's default highWaterMark for new streams. */
    public static int defaultHighWaterMark(boolean objectMode) {
        return objectMode ? DEFAULT_HWM_OBJECTS : DEFAULT_HWM_BYTES;
    }

    void nextTick(Task task) {
        loop.nextTick(task);
    }

    static int chunkLength(Object chunk) {
        if (chunk instanceof Bytes b) {
            return b.length();
        }
        if (chunk instanceof CharSequence s) {
            return s.length();
        }
        return 1;
    }

    // ---- hooks a subclass overrides (or the options give) ----

    /** Sets the stream up before any _read/_write/_final, then calls {@code callback}. */
    protected void _construct(StreamCallback callback) {
        try {
            if (options.construct == null) {
                callback.call(null);
            } else {
                options.construct.run(callback);
            }
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    /** Releases the underlying resource, then calls {@code callback} (with the error to report). */
    protected void _destroy(Throwable err, StreamCallback callback) {
        if (options.destroy != null) {
            try {
                options.destroy.destroy(err, callback);
            } catch (Exception e) {
                throw sneaky(e);
            }
        } else {
            callback.call(err);
        }
    }

    /** Writes one chunk, then calls {@code callback}; only one _write runs at a time. */
    protected void _write(Object chunk, String encoding, StreamCallback callback) {
        try {
            if (options.write != null) {
                options.write.write(chunk, encoding, callback);
            } else if (hasWritev) {
                _writev(List.of(new StreamChunk(chunk, encoding)), callback);
            } else {
                throw ErrorCode.ERR_METHOD_NOT_IMPLEMENTED.make("_write()");
            }
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    /** Writes several buffered chunks at once (used only when overridden or given as an option). */
    protected void _writev(List<StreamChunk> chunks, StreamCallback callback) {
        try {
            if (options.writev == null) {
                throw ErrorCode.ERR_METHOD_NOT_IMPLEMENTED.make("_writev()");
            }
            options.writev.writev(chunks, callback);
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    /** Runs after the last write and before 'finish' (used only when overridden or given). */
    protected void _final(StreamCallback callback) {
        try {
            if (options.finalFn == null) {
                callback.call(null);
            } else {
                options.finalFn.run(callback);
            }
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    // ---- destroy (Node's destroyImpl) ----

    public StreamBase destroy() {
        return destroy(null, null);
    }

    public StreamBase destroy(Throwable err) {
        return destroy(err, null);
    }

    /** Destroys the stream: 'error' (if err) and 'close' follow in a nextTick. */
    public StreamBase destroy(Throwable err, StreamCallback cb) {
        loop.checkOwner("A stream's destroy()");
        WritableState w = writableState;
        ReadableState r = readableState;
        // Node 20's Writable.destroy: pending callbacks are failed in a tick, only when there are
        // some (buffered writes or end callbacks) and only on the first destroy.
        if (w != null && !w.destroyed && (w.buffered != null || w.onFinished != null)) {
            nextTick(() -> WritableLogic.errorBuffer(w));
        }
        if ((w != null && w.destroyed) || (r != null && r.destroyed)) {
            if (cb != null) {
                cb.call(null);
            }
            return this;
        }
        checkError(err);
        if (w != null) {
            w.destroyed = true;
        }
        if (r != null) {
            r.destroyed = true;
        }
        if (Construct.pending(this)) {
            // Node waits for the construct callback (its kDestroy event) before _destroy.
            Construct.holdDestroy(this, er -> callDestroy(Construct.aggregate(er, err), cb));
        } else {
            callDestroy(err, cb);
        }
        return this;
    }

    /** Listeners of a stream are added and called on its loop's thread only (checked under -ea). */
    @Override
    protected final boolean onOwnerThread() {
        loop.checkOwner("A stream's listeners");
        return true;
    }

    /** The callback handed to every _write: Node's state.onwrite. */
    final StreamCallback onwrite() {
        StreamCallback w = onwrite;
        return w != null ? w : (onwrite = err -> WritableLogic.onwrite(this, err));
    }

    private void callDestroy(Throwable err, StreamCallback cb) {
        DestroyCallback onDestroy = new DestroyCallback(this, cb);
        try {
            _destroy(err, onDestroy);
        } catch (RuntimeException e) {
            onDestroy.call(e);
        }
    }

    /** The callback _destroy gets: the first call counts (Node's onDestroy with its called flag). */
    private static final class DestroyCallback implements StreamCallback {
        private final StreamBase stream;
        private final StreamCallback cb;
        private boolean called;

        DestroyCallback(StreamBase stream, StreamCallback cb) {
            this.stream = stream;
            this.cb = cb;
        }

        @Override
        public void call(Throwable e) {
            if (!called) {
                called = true;
                stream.destroyed(e, cb);
            }
        }
    }

    /** Node's onDestroy body: mark closed, call back, then 'error' and 'close' in a nextTick. */
    private void destroyed(Throwable e, StreamCallback cb) {
        checkError(e);
        if (writableState != null) {
            writableState.closed = true;
        }
        if (readableState != null) {
            readableState.closed = true;
        }
        if (cb != null) {
            cb.call(e);
        }
        if (e != null) {
            nextTick(() -> {
                emitErrorNT(e);
                emitCloseNT();
            });
        } else {
            nextTick(this::emitCloseNT);
        }
    }

    void checkError(Throwable err) {
        if (err == null) {
            return;
        }
        if (writableState != null && writableState.errored == null) {
            writableState.errored = err;
        }
        if (readableState != null && readableState.errored == null) {
            readableState.errored = err;
        }
    }

    void emitCloseNT() {
        WritableState w = writableState;
        ReadableState r = readableState;
        if (w != null) {
            w.closeEmitted = true;
        }
        if (r != null) {
            r.closeEmitted = true;
        }
        if ((w != null && w.emitClose) || (r != null && r.emitClose)) {
            emit("close");
        }
    }

    void emitErrorNT(Throwable err) {
        WritableState w = writableState;
        ReadableState r = readableState;
        if ((w != null && w.errorEmitted) || (r != null && r.errorEmitted)) {
            return;
        }
        if (w != null) {
            w.errorEmitted = true;
        }
        if (r != null) {
            r.errorEmitted = true;
        }
        emit("error", err);
    }

    /** Node's errorOrDestroy: destroy when autoDestroy, else record and emit the error. */
    void errorOrDestroy(Throwable err, boolean sync) {
        WritableState w = writableState;
        ReadableState r = readableState;
        if ((w != null && w.destroyed) || (r != null && r.destroyed)) {
            return;
        }
        if ((r != null && r.autoDestroy) || (w != null && w.autoDestroy)) {
            destroy(err);
        } else if (err != null) {
            checkError(err);
            if (sync) {
                nextTick(() -> emitErrorNT(err));
            } else {
                emitErrorNT(err);
            }
        }
    }

    /** A rejected promise from an async listener destroys the stream, as in Node. */
    @Override
    public void onRejection(Throwable err, Object event, Object... args) {
        destroy(err);
    }

    // ---- what pipe() and pipeline() need from a destination ----

    /** dest.write(chunk) for pipe(); only writable streams accept it. */
    boolean pipeWrite(Object chunk) {
        throw Errors.invalidArgType("dest", "a writable stream", this);
    }

    /** dest.end() for pipe(). */
    void pipeEnd() {
        throw Errors.invalidArgType("dest", "a writable stream", this);
    }

    // ---- state seen from outside ----

    public boolean destroyed() {
        return (writableState != null && writableState.destroyed)
                || (readableState != null && readableState.destroyed);
    }

    /** Node's stream.closed: _destroy has called back. */
    public boolean closed() {
        return (writableState != null && writableState.closed) || (readableState != null && readableState.closed);
    }

    /** Node's stream.errored: the first error, or null. */
    public Throwable errored() {
        if (writableState != null && writableState.errored != null) {
            return writableState.errored;
        }
        return readableState == null ? null : readableState.errored;
    }

    /** Node's readable: false once ended, destroyed or errored (and for writable-only streams). */
    public boolean readable() {
        ReadableState r = readableState;
        return r != null && r.readable && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    }

    /** Node's writable: false once ending, destroyed or errored (and for readable-only streams). */
    public boolean writable() {
        WritableState w = writableState;
        return w != null && w.writable && w.errored == null && !w.ending && !w.ended && !w.destroyed;
    }

    /** Node's writableNeedDrain. */
    public boolean writableNeedDrain() {
        WritableState w = writableState;
        return w != null && w.needDrain && !w.destroyed && !w.ending;
    }
}
