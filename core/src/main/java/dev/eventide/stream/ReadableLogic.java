package dev.eventide.stream;

import dev.eventide.errors.Errors;
import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.buffer.Encoding;

/**
 * The readable side's algorithm, ported from Node's lib/internal/streams/readable.js. Loop
 * thread only.
 *
 * <pre>
 * push(chunk) -> flowing, not sync, 'data' listeners, empty buffer? emit 'data' now
 *             -> else buffer it; 'readable' in a nextTick if wanted (emitReadable)
 *             -> maybeReadMore in a nextTick: read(0) until the highWaterMark
 * resume() -> nextTick resume_: read(0), 'resume', flow(): read() until null
 * push(null) -> ended; read() at the end -> nextTick endReadableNT: 'end', then autoDestroy
 * </pre>
 */
final class ReadableLogic {
    /** read() with no argument: JavaScript's read(NaN), "one chunk, whatever its size". */
    static final int NAN = Integer.MIN_VALUE;
    private static final int MAX_HWM = 0x40000000;

    private ReadableLogic() {}

    static boolean push(ReadableStream s, ReadableState st, Object chunk, String encoding) {
        s.loop.checkOwner("A stream's push()");
        if (chunk == null) {
            st.reading = false;
            onEofChunk(s, st);
            return false;
        }
        if (!st.objectMode) {
            Object[] conv = toByteModeChunk(s, st, chunk, encoding);
            if (conv == null) {
                return false;
            }
            chunk = conv[0];
            encoding = (String) conv[1];
            if (StreamBase.chunkLength(chunk) <= 0) {
                st.reading = false;
                maybeReadMore(s, st);
                return canPushMore(st);
            }
        }
        if (st.ended) {
            s.errorOrDestroy(ErrorCode.ERR_STREAM_PUSH_AFTER_EOF.make(), false);
            return false;
        }
        if (st.destroyed || st.errored != null) {
            return false;
        }
        st.reading = false;
        if (st.decoder != null && (encoding == null || encoding.isEmpty()) && chunk instanceof Bytes b) {
            chunk = st.decoder.write(b);
            if (!st.objectMode && ((String) chunk).isEmpty()) {
                maybeReadMore(s, st);
                return canPushMore(st);
            }
        }
        addChunk(s, st, chunk, false);
        return canPushMore(st);
    }

    /** Strings become Bytes unless they already are in the decoder's encoding; returns null on a bad type. */
    private static Object[] toByteModeChunk(ReadableStream s, ReadableState st, Object chunk, String encoding) {
        if (chunk instanceof String str) {
            String enc = encoding == null ? st.defaultEncoding : encoding;
            if (!enc.equals(st.encoding)) {
                return new Object[] {Bytes.from(str, Encoding.of(enc)), ""};
            }
            return new Object[] {str, enc};
        }
        if (chunk instanceof Bytes) {
            return new Object[] {chunk, ""};
        }
        if (chunk instanceof byte[] array) {
            return new Object[] {Bytes.wrap(array), ""};
        }
        s.errorOrDestroy(Errors.invalidArgType("chunk", "of type string or an instance of Bytes or byte[]", chunk),
                false);
        return null;
    }

    static boolean unshift(ReadableStream s, ReadableState st, Object chunk) {
        if (chunk == null) {
            st.reading = false;
            onEofChunk(s, st);
            return false;
        }
        if (!st.objectMode) {
            if (chunk instanceof String str && st.encoding == null) {
                chunk = Bytes.from(str);
            } else if (chunk instanceof byte[] array) {
                chunk = Bytes.wrap(array);
            }
            if (StreamBase.chunkLength(chunk) == 0) {
                return canPushMore(st);
            }
        }
        if (st.endEmitted) {
            s.errorOrDestroy(ErrorCode.ERR_STREAM_UNSHIFT_AFTER_END_EVENT.make(), false);
        } else if (st.destroyed || st.errored != null) {
            return false;
        } else {
            addChunk(s, st, chunk, true);
        }
        return canPushMore(st);
    }

    static boolean canPushMore(ReadableState st) {
        return !st.ended && (st.length < st.highWaterMark || st.length == 0);
    }

    private static void addChunk(ReadableStream s, ReadableState st, Object chunk, boolean addToFront) {
        if (st.flowing && !st.sync && st.dataListening && st.length == 0) {
            st.clearAwaitDrain();
            st.dataEmitted = true;
            s.emit("data", chunk);
        } else {
            st.length += st.objectMode ? 1 : StreamBase.chunkLength(chunk);
            if (addToFront) {
                st.buffer.addFirst(chunk);
            } else {
                st.buffer.addLast(chunk);
            }
            if (st.needReadable) {
                emitReadable(s);
            }
        }
        maybeReadMore(s, st);
    }

    private static int computeNewHighWaterMark(int n) {
        if (n > MAX_HWM) {
            throw dev.eventide.errors.Errors.outOfRange("size", "<= 1GiB", n);
        }
        return Integer.highestOneBit(n - 1) << 1;
    }

    private static int howMuchToRead(int n, ReadableState st) {
        if ((n != NAN && n <= 0) || (st.length == 0 && st.ended)) {
            return 0;
        }
        if (st.objectMode) {
            return 1;
        }
        if (n == NAN) {
            // Flowing reads go one buffered chunk at a time.
            if (st.flowing && st.length > 0) {
                return StreamBase.chunkLength(st.buffer.peekFirst());
            }
            return st.length;
        }
        if (n <= st.length) {
            return n;
        }
        return st.ended ? st.length : 0;
    }

    /** Node's Readable.prototype.read(n); n is {@link #NAN} for read(). */
    static Object read(ReadableStream s, int n) {
        ReadableState st = s.readableState;
        int nOrig = n;
        if (n != NAN && n > st.highWaterMark) {
            st.highWaterMark = computeNewHighWaterMark(n);
        }
        if (n != 0) {
            st.emittedReadable = false;
        }
        // read(0) with enough buffered (or at the end) only triggers 'readable' or 'end'.
        if (n == 0 && st.needReadable
                && ((st.highWaterMark != 0 ? st.length >= st.highWaterMark : st.length > 0) || st.ended)) {
            if (st.length == 0 && st.ended) {
                endReadable(s);
            } else {
                emitReadable(s);
            }
            return null;
        }
        n = howMuchToRead(n, st);
        if (n == 0 && st.ended) {
            if (st.length == 0) {
                endReadable(s);
            }
            return null;
        }
        n = callRead(s, st, n, nOrig);
        Object ret = n > 0 ? fromList(n, st) : null;
        if (ret == null) {
            st.needReadable |= st.length <= st.highWaterMark;
            n = 0;
        } else {
            st.length -= n;
            st.clearAwaitDrain();
        }
        if (st.length == 0) {
            // With nothing buffered, we want to know as soon as something arrives.
            if (!st.ended) {
                st.needReadable = true;
            }
            if (nOrig != n && st.ended) {
                endReadable(s);
            }
        }
        if (ret != null && !st.errorEmitted && !st.closeEmitted) {
            st.dataEmitted = true;
            s.emit("data", ret);
        }
        return ret;
    }

    /** Calls _read when the buffer is below the mark; returns how much to take after it. */
    private static int callRead(ReadableStream s, ReadableState st, int n, int nOrig) {
        boolean doRead = st.needReadable || st.length == 0 || st.length - n < st.highWaterMark;
        if (st.reading || st.ended || st.destroyed || st.errored != null || !st.constructed || !doRead) {
            return n;
        }
        st.reading = true;
        st.sync = true;
        if (st.length == 0) {
            st.needReadable = true;
        }
        try {
            s._read(st.highWaterMark);
        } catch (RuntimeException err) {
            s.errorOrDestroy(err, false);
        }
        st.sync = false;
        // A _read that pushed synchronously changes how much can be returned.
        return st.reading ? n : howMuchToRead(nOrig, st);
    }

    private static void onEofChunk(ReadableStream s, ReadableState st) {
        if (st.ended) {
            return;
        }
        if (st.decoder != null) {
            String rest = st.decoder.end();
            if (rest != null && !rest.isEmpty()) {
                st.buffer.addLast(rest);
                st.length += st.objectMode ? 1 : rest.length();
            }
        }
        st.ended = true;
        if (st.sync) {
            // Within _read: wait for the next tick, so flow() is not re-entered from read().
            emitReadable(s);
        } else {
            st.needReadable = false;
            st.emittedReadable = true;
            emitReadableNow(s);
        }
    }

    static void emitReadable(ReadableStream s) {
        ReadableState st = s.readableState;
        st.needReadable = false;
        if (!st.emittedReadable) {
            st.emittedReadable = true;
            if (st.emitReadableTask == null) {
                st.emitReadableTask = () -> emitReadableNow(s);
            }
            s.nextTick(st.emitReadableTask);
        }
    }

    /** Node's emitReadable_. */
    private static void emitReadableNow(ReadableStream s) {
        ReadableState st = s.readableState;
        if (!st.destroyed && st.errored == null && (st.length > 0 || st.ended)) {
            s.emit("readable");
            st.emittedReadable = false;
        }
        // Another 'readable' is wanted unless flowing (flow() takes over) or ended or full.
        st.needReadable |= !st.flowing && !st.ended && st.length <= st.highWaterMark;
        flow(s);
    }

    static void maybeReadMore(ReadableStream s, ReadableState st) {
        if (!st.readingMore) {
            st.readingMore = true;
            if (st.maybeReadMoreTask == null) {
                st.maybeReadMoreTask = () -> maybeReadMoreNow(s, st);
            }
            s.nextTick(st.maybeReadMoreTask);
        }
    }

    private static void maybeReadMoreNow(ReadableStream s, ReadableState st) {
        while (!st.reading && !st.ended
                && (st.length < st.highWaterMark || (st.flowing && st.length == 0))) {
            int len = st.length;
            read(s, 0);
            if (len == st.length) {
                break;
            }
        }
        st.readingMore = false;
    }

    static void flow(ReadableStream s) {
        ReadableState st = s.readableState;
        while (st.flowing && read(s, NAN) != null) {
            // read() emits 'data' for each chunk.
        }
    }

    static void resume(ReadableStream s, ReadableState st) {
        if (!st.resumeScheduled) {
            st.resumeScheduled = true;
            if (st.resumeTask == null) {
                st.resumeTask = () -> resumeNow(s, st);
            }
            s.nextTick(st.resumeTask);
        }
    }

    private static void resumeNow(ReadableStream s, ReadableState st) {
        if (!st.reading) {
            read(s, 0);
        }
        st.resumeScheduled = false;
        s.emit("resume");
        flow(s);
        if (st.flowing && !st.reading) {
            read(s, 0);
        }
    }

    static void endReadable(ReadableStream s) {
        ReadableState st = s.readableState;
        if (!st.endEmitted) {
            st.ended = true;
            if (st.endReadableTask == null) {
                st.endReadableTask = () -> endReadableNT(s, st);
            }
            s.nextTick(st.endReadableTask);
        }
    }

    private static void endReadableNT(ReadableStream s, ReadableState st) {
        // Check that no last unshift() happened.
        if (st.errored != null || st.closeEmitted || st.endEmitted || st.length != 0) {
            return;
        }
        st.endEmitted = true;
        s.emit("end");
        WritableState w = s.writableState;
        if (s.writable() && !s.allowHalfOpen()) {
            s.nextTick(() -> {
                if (s.writable() && !s.writableState.ending && !s.destroyed()) {
                    s.pipeEnd();
                }
            });
        } else if (st.autoDestroy) {
            // A duplex stream also waits for its writable side to finish.
            if (w == null || (w.autoDestroy && (w.finished || !w.writable))) {
                s.destroy();
            }
        }
    }

    /** Takes n bytes/chars (or one object) off the buffer. */
    static Object fromList(int n, ReadableState st) {
        if (st.length == 0) {
            return null;
        }
        if (st.objectMode) {
            return st.buffer.pollFirst();
        }
        if (n >= st.length) {
            return takeAll(st);
        }
        Object first = st.buffer.peekFirst();
        int firstLen = StreamBase.chunkLength(first);
        if (n < firstLen) {
            st.buffer.pollFirst();
            st.buffer.addFirst(slice(first, n, firstLen));
            return slice(first, 0, n);
        }
        if (n == firstLen) {
            return st.buffer.pollFirst();
        }
        return takeAcross(n, st);
    }

    private static Object takeAll(ReadableState st) {
        if (st.buffer.size() == 1) {
            return st.buffer.pollFirst();
        }
        if (st.decoder != null) {
            StringBuilder sb = new StringBuilder(st.length);
            while (!st.buffer.isEmpty()) {
                sb.append(st.buffer.pollFirst());
            }
            return sb.toString();
        }
        java.util.List<Bytes> parts = new java.util.ArrayList<>(st.buffer.size());
        while (!st.buffer.isEmpty()) {
            parts.add((Bytes) st.buffer.pollFirst());
        }
        return Bytes.concat(parts, st.length);
    }

    private static Object takeAcross(int n, ReadableState st) {
        boolean strings = st.decoder != null;
        StringBuilder sb = strings ? new StringBuilder(n) : null;
        java.util.List<Bytes> parts = strings ? null : new java.util.ArrayList<>();
        int left = n;
        while (left > 0 && !st.buffer.isEmpty()) {
            Object c = st.buffer.pollFirst();
            int len = StreamBase.chunkLength(c);
            Object part = c;
            if (len > left) {
                st.buffer.addFirst(slice(c, left, len));
                part = slice(c, 0, left);
                len = left;
            }
            if (strings) {
                sb.append(part);
            } else {
                parts.add((Bytes) part);
            }
            left -= len;
        }
        return strings ? sb.toString() : Bytes.concat(parts, n);
    }

    private static Object slice(Object chunk, int from, int to) {
        if (chunk instanceof String str) {
            return str.substring(from, to);
        }
        return ((Bytes) chunk).subarray(from, to);
    }
}
