package dev.eventide.brotli;

import static dev.eventide.brotli.BrotliConstants.*;

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
 * Node's BrotliCompress and BrotliDecompress: a Transform stream over a {@link BrotliCodec}.
 * Belongs to the loop that made it and is used on that loop's thread; each chunk is coded on the
 * worker pool (as Node does on libuv's threadpool), one round at a time.
 *
 * <p>As dev.eventide.zlib.ZlibTransform (whose approach this follows): each write uses the
 * {@code flush} operation, the last write before {@code end()} and the final step use
 * {@code finishFlush}; {@link #flush} writes an empty chunk tagged with an operation; an error
 * destroys the stream with Node's code. A round stops after about 64 KiB of output, and the next
 * waits for the reader when the readable side is full, so a bomb is decoded only as fast as it
 * is read; a given {@code maxOutputLength} also bounds a stream (ERR_BUFFER_TOO_LARGE).
 */
public final class BrotliTransform extends TransformStream {
    /** Empty chunks that carry an operation through the writable queue, by identity. */
    private static final Bytes[] OP_CHUNKS = new Bytes[BROTLI_OPERATION_EMIT_METADATA + 1];
    /** Node's order of "flushiness": PROCESS < FLUSH < FINISH, and EMIT_METADATA below FLUSH. */
    private static final int[] FLUSHINESS = {0, 2, 3, 1};
    private static final int ROUND_OUTPUT = 64 * 1024;

    static {
        for (int i = 0; i < OP_CHUNKS.length; i++) {
            OP_CHUNKS[i] = Bytes.wrap(new byte[0]);
        }
    }

    private final BrotliSettings settings;
    private final BrotliCodec codec;
    private final EventLoop loop = EventLoop.current();
    private long bytesWritten;
    /** A worker holds the codec; the loop thread must not touch it until the work completes. */
    private boolean working;
    /** Set while working: the codec is closed when the worker gives it back. */
    private boolean closePending;
    /** The rest of a chunk, waiting for the reader to want more output. */
    private Runnable continuation;

    BrotliTransform(boolean compress, BrotliOptions options) {
        BrotliSettings checked = BrotliSettings.of(compress, options);
        super(null);
        settings = checked;
        codec = BrotliCodec.create(checked, checked.streamLimit());
        once("end", args -> close());
    }

    public boolean compresses() {
        return settings.compress();
    }

    /** Input bytes taken so far (Node's bytesWritten). */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Node's flush(): BROTLI_OPERATION_FLUSH after the data written so far. */
    public void flush() {
        flush(BROTLI_OPERATION_FLUSH, null);
    }

    public void flush(StreamCallback callback) {
        flush(BROTLI_OPERATION_FLUSH, callback);
    }

    /** Node's flush(kind, callback): the callback runs once the flushed output is pushed. */
    public void flush(int kind, StreamCallback callback) {
        Errors.requireRange(kind, "kind", BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_EMIT_METADATA);
        if (writableFinished()) {
            if (callback != null) {
                loop.nextTick(() -> callback.call(null));
            }
        } else if (writableEnded()) {
            if (callback != null) {
                once("end", args -> callback.call(null));
            }
        } else {
            write(OP_CHUNKS[kind], "buffer", callback);
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
        int op = settings.flush();
        for (int kind = 0; kind < OP_CHUNKS.length; kind++) {
            if (OP_CHUNKS[kind] == input) {
                op = kind;
            }
        }
        if (writableEnded() && writableLength() == input.length()) {
            op = FLUSHINESS[op] > FLUSHINESS[settings.finishFlush()] ? op : settings.finishFlush();
        }
        round(input, op, callback);
    }

    @Override
    protected void _flush(TransformCallback callback) {
        _transform(Bytes.wrap(new byte[0]), "buffer", callback);
    }

    /** As Node's ZlibBase._final: the last output is made from 'prefinish' by the Transform. */
    @Override
    protected void _final(StreamCallback callback) {
        callback.call(null);
    }

    private record Round(List<Bytes> output, BrotliCodec.Step step) {}

    /** Runs one round on a worker and pushes its output on the loop thread. */
    private void round(Bytes input, int op, TransformCallback callback) {
        working = true;
        loop.queueWork(WorkKind.ZLIB, () -> runRound(input, op), (result, error) -> {
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
            bytesWritten += result.step().consumed();
            boolean wantsMore = true;
            for (Bytes b : result.output()) {
                wantsMore = push(b);
            }
            if (result.step().done()) {
                callback.done();
                return;
            }
            Bytes rest = input.subarray(result.step().consumed());
            continuation = () -> round(rest, op, callback);
            if (wantsMore) {
                resumeRounds();
            }
        });
    }

    private Round runRound(Bytes input, int op) {
        List<Bytes> out = new ArrayList<>();
        BrotliCodec.Step step = codec.write(input, op, out::add, ROUND_OUTPUT);
        return new Round(out, step);
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
