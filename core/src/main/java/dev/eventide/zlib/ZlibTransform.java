package dev.eventide.zlib;

import static dev.eventide.zlib.ZlibConstants.*;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.Streams;
import dev.eventide.stream.TransformCallback;
import dev.eventide.stream.TransformStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Node's zlib stream classes (Gzip, Gunzip, Deflate, Inflate, DeflateRaw, InflateRaw, Unzip) as
 * one Transform stream over a {@link ZlibCodec}. Belongs to the loop that made it and is used on
 * that loop's thread; each chunk is compressed on the worker pool, as Node's zlib does its work
 * on libuv's threadpool, one chunk at a time, so the loop never waits for zlib.
 *
 * <p>As Node's ZlibBase: each write uses the {@code flush} option, the last write before
 * {@code end()} and the final step use {@code finishFlush}; {@link #flush} writes an empty chunk
 * tagged with a flush value, so it comes out after the data written before it; a zlib error
 * destroys the stream with that error; 'end' closes the codec. Beyond Node, a given
 * {@code maxOutputLength} also bounds a stream (ERR_BUFFER_TOO_LARGE).
 */
public final class ZlibTransform extends TransformStream {
    /** Empty chunks that carry a flush value through the writable queue, by identity (Node's kFlushBuffers). */
    private static final Bytes[] FLUSH_CHUNKS = new Bytes[Z_BLOCK + 1];
    /** Node's order of "flushiness": NO_FLUSH < BLOCK < PARTIAL < SYNC < FULL < FINISH. */
    private static final int[] FLUSHINESS = {0, 2, 3, 4, 5, 1};
    /** About how much output one worker round makes before handing it to the loop. */
    private static final int ROUND_OUTPUT = 64 * 1024;

    static {
        for (int i = 0; i < FLUSH_CHUNKS.length; i++) {
            FLUSH_CHUNKS[i] = Bytes.wrap(new byte[0]);
        }
    }

    private final ZlibSettings settings;
    private final ZlibCodec codec;
    private final EventLoop loop = EventLoop.current();
    private long bytesWritten;
    /** A worker holds the codec; the loop thread must not touch it until the work completes. */
    private boolean working;
    /** Set while working: close, reset or params wait for the worker to give the codec back. */
    private boolean closePending;
    private boolean resetPending;
    private int[] paramsPending;
    /** The rest of a chunk, waiting for the reader to want more output. */
    private Runnable continuation;
    private int level;
    private int strategy;

    ZlibTransform(ZlibMode mode, ZlibOptions options) {
        ZlibSettings checked = ZlibSettings.of(mode, options);
        super(null);
        settings = checked;
        codec = ZlibCodec.create(checked, checked.streamLimit());
        level = checked.level();
        strategy = checked.strategy();
        once("end", args -> close());
    }

    public ZlibMode mode() {
        return settings.mode();
    }

    /** Input bytes compressed or decompressed so far (Node's bytesWritten). */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Node's flush(): a Z_FULL_FLUSH after the data written so far. */
    public void flush() {
        flush(Z_FULL_FLUSH, null);
    }

    public void flush(StreamCallback callback) {
        flush(Z_FULL_FLUSH, callback);
    }

    /** Node's flush(kind, callback): the callback runs once the flushed output is pushed. */
    public void flush(int kind, StreamCallback callback) {
        Errors.requireRange(kind, "kind", Z_NO_FLUSH, Z_BLOCK);
        if (writableFinished()) {
            if (callback != null) {
                loop.nextTick(() -> callback.call(null));
            }
        } else if (writableEnded()) {
            if (callback != null) {
                once("end", args -> callback.call(null));
            }
        } else {
            write(FLUSH_CHUNKS[kind], "buffer", callback);
        }
    }

    /** Node's params(level, strategy, callback): a sync flush, then the new values apply. */
    public void params(int newLevel, int newStrategy, Runnable callback) {
        ZlibSettings.range(newLevel, "level", Z_MIN_LEVEL, Z_MAX_LEVEL, 0);
        ZlibSettings.range(newStrategy, "strategy", Z_DEFAULT_STRATEGY, Z_FIXED, 0);
        if (newLevel == level && newStrategy == strategy) {
            if (callback != null) {
                loop.nextTick(callback::run);
            }
            return;
        }
        flush(Z_SYNC_FLUSH, err -> {
            paramsPending = new int[] {newLevel, newStrategy};
            if (!destroyed()) {
                level = newLevel;
                strategy = newStrategy;
                if (callback != null) {
                    callback.run();
                }
            }
        });
    }

    /** Node's reset(): the codec starts a new stream (applied before the next chunk if busy). */
    public void reset() {
        if (working) {
            resetPending = true;
        } else {
            codec.reset();
        }
    }

    /** Node's close(callback): destroys the stream; the callback runs when it has finished. */
    public void close(StreamCallback callback) {
        if (callback != null) {
            Streams.finished(this, callback);
        }
        destroy();
    }

    public void close() {
        close(null);
    }

    @Override
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        Bytes input = (Bytes) chunk;
        int flush = settings.flush();
        for (int kind = 0; kind < FLUSH_CHUNKS.length; kind++) {
            if (FLUSH_CHUNKS[kind] == input) {
                flush = kind;
            }
        }
        if (writableEnded() && writableLength() == input.length()) {
            flush = FLUSHINESS[flush] > FLUSHINESS[settings.finishFlush()] ? flush : settings.finishFlush();
        }
        process(input, flush, callback);
    }

    @Override
    protected void _flush(TransformCallback callback) {
        _transform(Bytes.wrap(new byte[0]), "buffer", callback);
    }

    /**
     * As Node's ZlibBase._final: the writable side finishes at once, and the Transform runs the
     * final flush from 'prefinish' (so 'finish' comes before the last output and before 'end').
     */
    @Override
    protected void _final(StreamCallback callback) {
        callback.call(null);
    }

    /** One chunk through the codec, in rounds of bounded output (see {@link #runRound}). */
    private void process(Bytes input, int flush, TransformCallback callback) {
        applyPending();
        round(input, flush, callback);
    }

    /**
     * Runs one round on a worker and pushes its output on the loop thread. If input is left, the
     * next round starts at once, or, when the readable side is full, from the next _read: so a
     * zip bomb is decompressed only as fast as it is consumed.
     */
    private void round(Bytes input, int flush, TransformCallback callback) {
        working = true;
        loop.queueWork(WorkKind.ZLIB, () -> runRound(input, flush), (result, error) -> {
            working = false;
            if (closePending) {
                codec.close();
            }
            if (destroyed()) {
                callback.done();
                return;
            }
            if (error != null) {
                destroy(error); // as Node's zlibOnError: the write callback is not called
                return;
            }
            bytesWritten += result.consumed();
            boolean wantsMore = true;
            for (Bytes b : result.output()) {
                wantsMore = push(b);
            }
            if (result.consumed() == input.length()) {
                callback.done();
                return;
            }
            Bytes rest = input.subarray(result.consumed());
            continuation = () -> round(rest, flush, callback);
            if (wantsMore) {
                resumeRounds();
            }
        });
    }

    private record Round(List<Bytes> output, int consumed) {}

    /** On a worker: feeds the chunk until about {@link #ROUND_OUTPUT} bytes came out. */
    private Round runRound(Bytes input, int flush) {
        List<Bytes> out = new ArrayList<>();
        int consumed = codec.write(input, flush, out::add, ROUND_OUTPUT);
        return new Round(out, consumed);
    }

    private void resumeRounds() {
        Runnable next = continuation;
        continuation = null;
        if (next != null) {
            next.run();
        }
    }

    @Override
    protected void _read(int size) {
        super._read(size);
        if (!working) {
            resumeRounds();
        }
    }

    private void applyPending() {
        if (resetPending) {
            resetPending = false;
            codec.reset();
        }
        if (paramsPending != null) {
            codec.params(paramsPending[0], paramsPending[1]);
            paramsPending = null;
        }
    }

    @Override
    protected void _destroy(Throwable err, StreamCallback callback) {
        if (working) {
            closePending = true;
        } else {
            codec.close();
        }
        callback.call(err);
    }
}
