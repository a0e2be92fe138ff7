package dev.eventide.stream;

import dev.eventide.errors.Errors;
import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.buffer.Encoding;
import dev.eventide.stream.WritableState.AfterWriteTick;
import dev.eventide.stream.WritableState.WriteRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The writable side's algorithm, ported from Node's lib/internal/streams/writable.js and shared
 * by writable and duplex streams. Loop thread only.
 *
 * <pre>
 * write() --writing?--> buffered ............ clearBuffer() after each callback
 *         \--idle-----> _write(chunk, onwrite)
 * onwrite: sync  -> afterWrite in a nextTick (merged for equal callbacks), or at once if nothing is owed
 *          async -> afterWrite now: 'drain' (if owed), the write callbacks, finishMaybe
 * end() -> finishMaybe: _final -> 'prefinish' -> (nextTick) end callbacks, 'finish', autoDestroy
 * </pre>
 */
final class WritableLogic {
    private WritableLogic() {}

    /** Node's _write(): returns Boolean.TRUE/FALSE, or the error when writing is refused. */
    static Object write(StreamBase s, Object chunk, String encoding, StreamCallback cb) {
        s.loop.checkOwner("A stream's write()");
        WritableState state = s.writableState;
        StreamCallback callback = cb == null ? StreamBase.NOP : cb;
        if (chunk == null) {
            throw ErrorCode.ERR_STREAM_NULL_VALUES.make();
        }
        if (!state.objectMode) {
            if (encoding == null) {
                encoding = state.defaultEncoding;
            } else if (!"buffer".equals(encoding) && !Bytes.isEncoding(encoding)) {
                throw ErrorCode.ERR_UNKNOWN_ENCODING.make(encoding);
            }
            if (chunk instanceof String str) {
                if (state.decodeStrings) {
                    chunk = Bytes.from(str, Encoding.of(encoding));
                    encoding = "buffer";
                }
            } else if (chunk instanceof Bytes) {
                encoding = "buffer";
            } else if (chunk instanceof byte[] array) {
                chunk = Bytes.wrap(array);
                encoding = "buffer";
            } else {
                throw Errors.invalidArgType("chunk", "of type string or an instance of Bytes or byte[]", chunk);
            }
        }
        Throwable err = null;
        if (state.ending) {
            err = ErrorCode.ERR_STREAM_WRITE_AFTER_END.make();
        } else if (state.destroyed) {
            err = ErrorCode.ERR_STREAM_DESTROYED.make("write");
        }
        if (err != null) {
            Throwable e = err;
            s.nextTick(() -> callback.call(e));
            s.errorOrDestroy(err, true);
            return err;
        }
        state.pendingcb++;
        return writeOrBuffer(s, state, chunk, encoding, callback);
    }

    private static boolean writeOrBuffer(StreamBase s, WritableState state, Object chunk, String encoding,
            StreamCallback callback) {
        int len = state.objectMode ? 1 : StreamBase.chunkLength(chunk);
        state.length += len;
        if (state.writing || state.errored != null || state.corked > 0 || !state.constructed) {
            if (state.buffered == null) {
                state.buffered = new ArrayList<>();
            }
            state.buffered.add(new WriteRequest(chunk, encoding, callback));
            state.allBuffers &= "buffer".equals(encoding);
            state.allNoop &= callback == StreamBase.NOP;
        } else {
            state.writelen = len;
            state.writecb = callback == StreamBase.NOP ? null : callback;
            state.writing = true;
            state.sync = true;
            state.expectWriteCb = true;
            s._write(chunk, encoding, s.onwrite());
            state.sync = false;
        }
        boolean ret = state.length < state.highWaterMark;
        if (!ret) {
            state.needDrain = true;
        }
        // False when errored or destroyed, to break synchronous while (write(...)) loops.
        return ret && !state.destroyed && state.errored == null;
    }

    private static void doWrite(StreamBase s, WritableState state, boolean writev, int len, Object chunk,
            String encoding, StreamCallback cb) {
        state.writelen = len;
        state.writecb = cb == StreamBase.NOP ? null : cb;
        state.writing = true;
        state.sync = true;
        state.expectWriteCb = true;
        if (state.destroyed) {
            s.onwrite().call(ErrorCode.ERR_STREAM_DESTROYED.make("write"));
        } else if (writev) {
            @SuppressWarnings("unchecked")
            List<StreamChunk> chunks = (List<StreamChunk>) chunk;
            s._writev(chunks, s.onwrite());
        } else {
            s._write(chunk, encoding, s.onwrite());
        }
        state.sync = false;
    }

    /** The callback of every _write: Node's onwrite. */
    static void onwrite(StreamBase s, Throwable er) {
        WritableState state = s.writableState;
        if (!state.expectWriteCb) {
            s.errorOrDestroy(ErrorCode.ERR_MULTIPLE_CALLBACK.make(), false);
            return;
        }
        boolean sync = state.sync;
        StreamCallback cb = state.writecb == null ? StreamBase.NOP : state.writecb;
        state.writing = false;
        state.expectWriteCb = false;
        state.writecb = null;
        state.length -= state.writelen;
        state.writelen = 0;
        if (er != null) {
            onwriteFailed(s, state, er, cb, sync);
        } else {
            if (state.buffered != null) {
                clearBuffer(s, state);
            }
            if (sync) {
                afterSyncWrite(s, state, cb);
            } else {
                afterWrite(s, state, 1, cb);
            }
        }
    }

    private static void onwriteFailed(StreamBase s, WritableState state, Throwable er, StreamCallback cb,
            boolean sync) {
        if (state.errored == null) {
            state.errored = er;
        }
        // A duplex stream's readable side learns of the error too.
        if (s.readableState != null && s.readableState.errored == null) {
            s.readableState.errored = er;
        }
        if (sync) {
            s.nextTick(() -> onwriteError(s, state, er, cb));
        } else {
            onwriteError(s, state, er, cb);
        }
    }

    private static void onwriteError(StreamBase s, WritableState state, Throwable er, StreamCallback cb) {
        --state.pendingcb;
        cb.call(er);
        errorBuffer(state);
        // The 'error' event must follow the write callback.
        s.errorOrDestroy(er, false);
    }

    private static void afterSyncWrite(StreamBase s, WritableState state, StreamCallback cb) {
        boolean needDrain = state.needDrain && state.length == 0;
        // Node tests (state & kDestroyed !== 0), which by precedence is (state & kObjectMode):
        // object-mode streams always take the nextTick. Kept, as node 20 prints that order.
        boolean needTick = needDrain || state.objectMode || cb != StreamBase.NOP;
        if (cb == StreamBase.NOP) {
            if (!state.afterWritePending && needTick) {
                s.nextTick(() -> afterWrite(s, state, 1, cb));
                state.afterWritePending = true;
            } else {
                state.pendingcb--;
                if (state.ending) {
                    finishMaybe(s, state, true);
                }
            }
        } else if (state.afterWriteTickInfo != null && state.afterWriteTickInfo.cb == cb) {
            state.afterWriteTickInfo.count++;
        } else if (needTick) {
            AfterWriteTick info = new AfterWriteTick(cb);
            state.afterWriteTickInfo = info;
            s.nextTick(() -> {
                state.afterWriteTickInfo = null;
                afterWrite(s, state, info.count, info.cb);
            });
            state.afterWritePending = true;
        } else {
            state.pendingcb--;
            if (state.ending) {
                finishMaybe(s, state, true);
            }
        }
    }

    static void afterWrite(StreamBase s, WritableState state, int count, StreamCallback cb) {
        state.afterWritePending = false;
        boolean needDrain = !state.ending && state.needDrain && !state.destroyed && state.length == 0;
        if (needDrain) {
            state.needDrain = false;
            s.emit("drain");
        }
        while (count-- > 0) {
            state.pendingcb--;
            cb.call(null);
        }
        if (state.destroyed) {
            errorBuffer(state);
        }
        if (state.ending) {
            finishMaybe(s, state, true);
        }
    }

    /** Fails the buffered writes and the end() callbacks of a destroyed or errored stream. */
    static void errorBuffer(WritableState state) {
        if (state.writing) {
            return;
        }
        if (state.buffered != null) {
            for (int n = state.bufferedIndex; n < state.buffered.size(); ++n) {
                WriteRequest req = state.buffered.get(n);
                state.length -= state.objectMode ? 1 : StreamBase.chunkLength(req.chunk());
                req.callback().call(state.errored != null ? state.errored
                        : ErrorCode.ERR_STREAM_DESTROYED.make("write"));
            }
        }
        if (state.onFinished != null) {
            // Made only when someone waits: every destroyed stream passes here, most with no one.
            callFinishedCallbacks(state, state.errored != null ? state.errored
                    : ErrorCode.ERR_STREAM_DESTROYED.make("end"));
        }
        resetBuffer(state);
    }

    private static void resetBuffer(WritableState state) {
        state.buffered = null;
        state.bufferedIndex = 0;
        state.allBuffers = true;
        state.allNoop = true;
    }

    /** Hands buffered writes to _write one by one (or all at once to _writev). */
    static void clearBuffer(StreamBase s, WritableState state) {
        if (state.destroyed || state.bufferProcessing || state.corked > 0 || state.buffered == null
                || !state.constructed) {
            return;
        }
        List<WriteRequest> buffered = state.buffered;
        int i = state.bufferedIndex;
        int bufferedLength = buffered.size() - i;
        if (bufferedLength == 0) {
            return;
        }
        state.bufferProcessing = true;
        if (bufferedLength > 1 && s.hasWritev) {
            state.pendingcb -= bufferedLength - 1;
            List<WriteRequest> batch = new ArrayList<>(buffered.subList(i, buffered.size()));
            StreamCallback callback = state.allNoop ? StreamBase.NOP : err -> {
                for (WriteRequest req : batch) {
                    req.callback().call(err);
                }
            };
            List<StreamChunk> chunks = new ArrayList<>(batch.size());
            for (WriteRequest req : batch) {
                chunks.add(new StreamChunk(req.chunk(), req.encoding()));
            }
            doWrite(s, state, true, state.length, chunks, "", callback);
            resetBuffer(state);
        } else {
            do {
                WriteRequest req = buffered.get(i);
                buffered.set(i++, null);
                int len = state.objectMode ? 1 : StreamBase.chunkLength(req.chunk());
                doWrite(s, state, false, len, req.chunk(), req.encoding(), req.callback());
            } while (i < buffered.size() && !state.writing);
            if (state.buffered != buffered) {
                // Reset (by errorBuffer) while writing: nothing left to track.
                state.bufferProcessing = false;
                return;
            }
            if (i == buffered.size()) {
                resetBuffer(state);
            } else if (i > 256) {
                buffered.subList(0, i).clear();
                state.bufferedIndex = 0;
            } else {
                state.bufferedIndex = i;
            }
        }
        state.bufferProcessing = false;
    }

    static void uncork(StreamBase s) {
        WritableState state = s.writableState;
        if (state.corked > 0) {
            state.corked--;
            if (!state.writing) {
                clearBuffer(s, state);
            }
        }
    }

    /** Node's end(chunk, encoding, cb). */
    static void end(StreamBase s, Object chunk, String encoding, StreamCallback cb) {
        s.loop.checkOwner("A stream's end()");
        WritableState state = s.writableState;
        Throwable err = null;
        if (chunk != null) {
            Object ret = write(s, chunk, encoding, null);
            if (ret instanceof Throwable t) {
                err = t;
            }
        }
        // end() fully uncorks.
        if (state.corked > 0) {
            state.corked = 1;
            uncork(s);
        }
        if (err != null) {
            // The write error is reported through the callback below.
        } else if (!state.ending && state.errored == null) {
            state.ending = true;
            finishMaybe(s, state, true);
            state.ended = true;
        } else if (state.finished) {
            err = ErrorCode.ERR_STREAM_ALREADY_FINISHED.make("end");
        } else if (state.destroyed) {
            err = ErrorCode.ERR_STREAM_DESTROYED.make("end");
        }
        if (cb != null) {
            endCallback(s, state, err, cb);
        }
    }

    private static void endCallback(StreamBase s, WritableState state, Throwable err, StreamCallback cb) {
        if (err != null) {
            s.nextTick(() -> cb.call(err));
        } else if (state.errored != null) {
            Throwable e = state.errored;
            s.nextTick(() -> cb.call(e));
        } else if (state.finished) {
            s.nextTick(() -> cb.call(null));
        } else {
            if (state.onFinished == null) {
                state.onFinished = new ArrayList<>(1);
            }
            state.onFinished.add(cb);
        }
    }

    static boolean needFinish(WritableState state) {
        return state.ending && !state.destroyed && state.constructed && !state.finished && !state.writing
                && !state.errorEmitted && !state.closeEmitted && state.errored == null && state.buffered == null && state.length == 0;
    }

    private static void onFinal(StreamBase s, WritableState state, Throwable err) {
        if (state.prefinished) {
            s.errorOrDestroy(err != null ? err : ErrorCode.ERR_MULTIPLE_CALLBACK.make(), false);
            return;
        }
        state.pendingcb--;
        if (err != null) {
            callFinishedCallbacks(state, err);
            s.errorOrDestroy(err, state.sync);
        } else if (needFinish(state)) {
            state.prefinished = true;
            s.emit("prefinish");
            // 'finish' always comes in a later tick than the _final callback, as in Node.
            state.pendingcb++;
            s.nextTick(() -> finish(s, state));
        }
    }

    private static void prefinish(StreamBase s, WritableState state) {
        if (state.prefinished || state.finalCalled) {
            return;
        }
        if (s.hasFinal && !state.destroyed) {
            state.finalCalled = true;
            state.sync = true;
            state.pendingcb++;
            try {
                s._final(err -> onFinal(s, state, err));
            } catch (RuntimeException err) {
                onFinal(s, state, err);
            }
            state.sync = false;
        } else {
            state.finalCalled = true;
            state.prefinished = true;
            s.emit("prefinish");
        }
    }

    static void finishMaybe(StreamBase s, WritableState state, boolean sync) {
        if (!needFinish(state)) {
            return;
        }
        prefinish(s, state);
        if (state.pendingcb != 0) {
            return;
        }
        if (sync) {
            state.pendingcb++;
            s.nextTick(() -> {
                if (needFinish(state)) {
                    finish(s, state);
                } else {
                    state.pendingcb--;
                }
            });
        } else if (needFinish(state)) {
            state.pendingcb++;
            finish(s, state);
        }
    }

    private static void finish(StreamBase s, WritableState state) {
        state.pendingcb--;
        state.finished = true;
        callFinishedCallbacks(state, null);
        s.emit("finish");
        if (state.autoDestroy) {
            // A duplex stream also waits for its readable side to end.
            ReadableState r = s.readableState;
            if (r == null || (r.autoDestroy && (r.endEmitted || !r.readable))) {
                s.destroy();
            }
        }
    }

    private static void callFinishedCallbacks(WritableState state, Throwable err) {
        List<StreamCallback> callbacks = state.onFinished;
        if (callbacks == null) {
            return;
        }
        state.onFinished = null;
        for (StreamCallback cb : callbacks) {
            cb.call(err);
        }
    }
}
