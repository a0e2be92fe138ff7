package dev.eventide.stream;

import dev.eventide.errors.ErrorCode;
import dev.eventide.events.Listener;

/**
 * Node's end-of-stream (stream.finished): calls back once when a stream is done reading and/or
 * writing, has errored, or closed too early (ERR_STREAM_PREMATURE_CLOSE). Loop thread only.
 */
final class Eos {
    private final StreamBase stream;
    private final boolean readable;
    private final boolean writable;
    private StreamCallback callback;
    /** The stream will emit 'close' itself (autoDestroy and emitClose on, not closed yet). */
    private boolean willEmitClose;
    private boolean writableFinished;
    private boolean readableFinished;

    private Eos(StreamBase stream, boolean readable, boolean writable, StreamCallback callback) {
        this.stream = stream;
        this.readable = readable;
        this.writable = writable;
        boolean[] called = {false};
        this.callback = err -> {
            if (!called[0]) {
                called[0] = true;
                callback.call(err);
            }
        };
    }

    /** Watches {@code stream}; null readable/writable mean "whatever the stream is". Returns cleanup. */
    static Runnable finished(StreamBase stream, Boolean readable, Boolean writable, boolean error,
            StreamCallback callback) {
        boolean r = readable != null ? readable : isReadableNodeStream(stream);
        boolean w = writable != null ? writable : stream.writableState != null;
        return new Eos(stream, r, w, callback).start(error);
    }

    static boolean isReadableNodeStream(StreamBase s) {
        return s.readableState != null && (s.writableState == null || s.readableState.readable);
    }

    static boolean isReadableFinished(StreamBase s) {
        ReadableState r = s.readableState;
        return r != null && (r.endEmitted || (r.ended && r.length == 0));
    }

    static boolean isWritableFinished(StreamBase s) {
        WritableState w = s.writableState;
        return w != null && (w.finished || (w.ended && w.length == 0));
    }

    private static boolean willEmitClose(StreamBase s) {
        if (s.writableState != null) {
            WritableState w = s.writableState;
            return w.autoDestroy && w.emitClose && !w.closed;
        }
        ReadableState r = s.readableState;
        return r != null && r.autoDestroy && r.emitClose && !r.closed;
    }

    private Runnable start(boolean error) {
        willEmitClose = willEmitClose(stream) && isReadableNodeStream(stream) == readable
                && (stream.writableState != null) == writable;
        writableFinished = isWritableFinished(stream);
        readableFinished = isReadableFinished(stream);
        Listener onend = args -> onend();
        Listener onfinish = args -> onfinish();
        Listener onerror = args -> callback.call((Throwable) args[0]);
        Listener onclose = args -> onclose();
        stream.on("end", onend);
        stream.on("finish", onfinish);
        if (error) {
            stream.on("error", onerror);
        }
        stream.on("close", onclose);
        scheduleIfDone();
        return () -> {
            callback = err -> { };
            stream.removeListener("finish", onfinish);
            stream.removeListener("end", onend);
            stream.removeListener("error", onerror);
            stream.removeListener("close", onclose);
        };
    }

    private void scheduleIfDone() {
        WritableState w = stream.writableState;
        ReadableState r = stream.readableState;
        if (stream.closed()) {
            stream.nextTick(this::onclose);
        } else if ((w != null && w.errorEmitted) || (r != null && r.errorEmitted)) {
            if (!willEmitClose) {
                stream.nextTick(this::onclose);
            }
        } else if (!readable && (!willEmitClose || stream.readable())
                && (writableFinished || !stream.writable())) {
            stream.nextTick(this::onclose);
        } else if (!writable && (!willEmitClose || stream.writable())
                && (readableFinished || !stream.readable())) {
            stream.nextTick(this::onclose);
        }
    }

    private void onfinish() {
        writableFinished = true;
        if (stream.destroyed()) {
            willEmitClose = false;
        }
        if (willEmitClose && (!stream.readable() || readable)) {
            return;
        }
        if (!readable || readableFinished) {
            callback.call(null);
        }
    }

    private void onend() {
        readableFinished = true;
        if (stream.destroyed()) {
            willEmitClose = false;
        }
        if (willEmitClose && (!stream.writable() || writable)) {
            return;
        }
        if (!writable || writableFinished) {
            callback.call(null);
        }
    }

    private void onclose() {
        Throwable errored = stream.errored();
        if (errored != null) {
            callback.call(errored);
            return;
        }
        if (readable && !readableFinished && isReadableNodeStream(stream) && !isReadableFinished(stream)) {
            callback.call(ErrorCode.ERR_STREAM_PREMATURE_CLOSE.make());
            return;
        }
        if (writable && !writableFinished && !isWritableFinished(stream)) {
            callback.call(ErrorCode.ERR_STREAM_PREMATURE_CLOSE.make());
            return;
        }
        callback.call(null);
    }
}
