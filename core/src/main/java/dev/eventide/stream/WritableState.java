package dev.eventide.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of a writable stream (or of a duplex stream's writable side): Node's
 * WritableState, one named field per flag instead of a bit field. Loop thread only.
 */
public final class WritableState {
    /** A buffered write: the chunk, its encoding and the user's callback. */
    record WriteRequest(Object chunk, String encoding, StreamCallback callback) {
    }

    /** Chunks are any objects, each counting 1 toward the highWaterMark. */
    final boolean objectMode;
    /** Level of {@link #length} at which write() starts returning false. */
    final int highWaterMark;
    /** Strings are turned into Bytes before _write. */
    final boolean decodeStrings;
    /** Encoding for strings written without one. */
    String defaultEncoding = "utf8";
    /** Bytes (or objects) written and not yet called back: the one in _write plus the buffered. */
    int length;
    /** cork() depth; writes are buffered while it is above 0. */
    int corked;
    /** Length of the chunk(s) in the current _write/_writev. */
    int writelen;
    /** The user's callback of the current _write, or null. */
    StreamCallback writecb;
    /** Writes waiting for the current one, or null when none were buffered since the last reset. */
    List<WriteRequest> buffered;
    /** Index of the first buffered write not yet handed to _write. */
    int bufferedIndex;
    /** Every buffered chunk is bytes (Node's allBuffers, told to _writev). */
    boolean allBuffers = true;
    /** Every buffered write has no user callback. */
    boolean allNoop = true;
    /** Write callbacks (and _final/finish steps) still owed; 'finish' waits for 0. */
    int pendingcb;
    /** Callbacks of end(cb) waiting for 'finish' or an error. */
    List<StreamCallback> onFinished;
    /** The afterWrite nextTick shared by consecutive sync writes with the same callback. */
    AfterWriteTick afterWriteTickInfo;

    /** end() was called (Node's ending: no more writes are accepted). */
    boolean ending;
    /** end() has returned. */
    boolean ended;
    /** 'finish' was emitted. */
    boolean finished;
    /** A _write or _writev is in progress. */
    boolean writing;
    /** True while _write runs: its callback, if called now, must defer its effects to nextTick. */
    boolean sync = true;
    /** clearBuffer() is running: a nested call must not start another pass. */
    boolean bufferProcessing;
    /** The current _write has not called back yet (a second call is ERR_MULTIPLE_CALLBACK). */
    boolean expectWriteCb;
    /** An afterWrite nextTick is queued. */
    boolean afterWritePending;
    /** write() returned false: 'drain' is owed once the buffer empties. */
    boolean needDrain;
    /** _final was called (or there is none). */
    boolean finalCalled;
    /** 'prefinish' was emitted. */
    boolean prefinished;
    /** 'error' was emitted; it must not be emitted again. */
    boolean errorEmitted;
    /** Whether destroy emits 'close'. */
    final boolean emitClose;
    /** Whether the stream destroys itself after 'finish' (and, for a duplex, 'end'). */
    final boolean autoDestroy;
    /** destroy() was called. */
    boolean destroyed;
    /** _destroy() called back. */
    boolean closed;
    /** 'close' was emitted (or would have been, with emitClose off). */
    boolean closeEmitted;
    /** False for a duplex stream built with writable(false). */
    boolean writable = true;
    /** False until a _construct has called back: writes are buffered, no _final before that. */
    boolean constructed = true;
    /** The first error, or null. */
    Throwable errored;

    WritableState(StreamOptions o, boolean isDuplex) {
        objectMode = Boolean.TRUE.equals(o.objectMode) || (isDuplex && Boolean.TRUE.equals(o.writableObjectMode));
        highWaterMark = StreamBase.highWaterMark(o, isDuplex ? o.writableHighWaterMark : null, objectMode);
        decodeStrings = o.decodeStrings;
        emitClose = o.emitClose;
        autoDestroy = o.autoDestroy;
        if (o.defaultEncoding != null) {
            defaultEncoding = o.defaultEncoding;
        }
    }

    /** A queued afterWrite: how many sync writes with the same callback it settles. */
    static final class AfterWriteTick {
        final StreamCallback cb;
        int count = 1;

        AfterWriteTick(StreamCallback cb) {
            this.cb = cb;
        }
    }

    /** Writes buffered behind the current one (Node's bufferedRequestCount). */
    public int bufferedRequestCount() {
        return buffered == null ? 0 : buffered.size() - bufferedIndex;
    }

    /** Node's writableLength. */
    public int length() {
        return length;
    }

    public int highWaterMark() {
        return highWaterMark;
    }

    public boolean objectMode() {
        return objectMode;
    }

    public boolean needDrain() {
        return needDrain;
    }

    public boolean finished() {
        return finished;
    }

    public boolean ending() {
        return ending;
    }

    public boolean destroyed() {
        return destroyed;
    }

    public Throwable errored() {
        return errored;
    }

    public int corked() {
        return corked;
    }
}
