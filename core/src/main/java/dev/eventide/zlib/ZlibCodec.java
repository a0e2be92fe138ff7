package dev.eventide.zlib;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.errors.Errors;
import java.util.function.Consumer;

/**
 * An incremental zlib engine with no stream around it: feed input with a flush value, receive
 * the output as chunks. The zlib streams, the buffer forms and anyone who frames compressed data
 * themselves (HTTP bodies, WebSocket frames) share it. Not thread-safe: one thread at a time
 * (the streams use it on their loop thread, the promise forms on one worker).
 *
 * <p>Output is written into a {@code chunkSize} array and handed out as views of it, each view
 * never written again, as Node's ZlibBase hands out slices of its {@code _outBuffer}: a chunk is
 * at most {@code chunkSize} bytes, and a write that produces little output hands out a small one.
 * Memory stays bounded whatever the compression ratio: at most one chunk is made before the
 * output limit is checked.
 *
 * <p>Any error (corrupt data, {@code ERR_BUFFER_TOO_LARGE}) closes the codec.
 */
public abstract sealed class ZlibCodec permits Compressor, Decompressor {
    final ZlibSettings settings;
    private final long limit;
    private Consumer<Bytes> sink;
    /** The array output goes into; bytes before {@code outOff} were handed out and stay untouched. */
    private byte[] out;
    private int outOff;
    private long produced;
    /** The output count at which the current write may stop early (see the 4-argument write). */
    private long budgetEnd = Long.MAX_VALUE;
    private long bytesWritten;
    private boolean closed;

    ZlibCodec(ZlibSettings settings, long limit) {
        this.settings = settings;
        this.limit = limit;
    }

    /**
     * A codec for {@code mode}; options are checked as Node's constructors check them. The output
     * limit is {@code maxOutputLength} when given, none otherwise (as a Node stream).
     */
    public static ZlibCodec create(ZlibMode mode, ZlibOptions options) {
        ZlibSettings s = ZlibSettings.of(mode, options);
        return create(s, s.streamLimit());
    }

    static ZlibCodec create(ZlibSettings s, long limit) {
        return s.mode().compresses() ? new Compressor(s, limit) : new Decompressor(s, limit);
    }

    /**
     * Feeds {@code input} (may be empty) and flushes as {@code flush} says (Z_NO_FLUSH ..
     * Z_BLOCK; Z_FINISH ends the stream). Every output chunk is passed to {@code output} before
     * this returns. Throws {@link ZlibError} on bad data, ERR_BUFFER_TOO_LARGE past the limit.
     */
    public final void write(Bytes input, int flush, Consumer<Bytes> output) {
        write(input, flush, output, Long.MAX_VALUE);
    }

    /**
     * As {@link #write(Bytes, int, Consumer)}, but a decompressor may stop early, once it has
     * made {@code budget} bytes of output in this call and input is left: returns how much input
     * it took (the rest must be written again). Compressors take all input.
     */
    final int write(Bytes input, int flush, Consumer<Bytes> output, long budget) {
        if (input == null) {
            throw ZlibErrors.invalidType("input", "an instance of Buffer", null);
        }
        Errors.requireRange(flush, "flush", ZlibConstants.Z_NO_FLUSH, ZlibConstants.Z_BLOCK);
        Errors.requireFunction(output, "output");
        if (closed) {
            throw ZlibErrors.streamError("zlib binding closed");
        }
        sink = output;
        budgetEnd = budget == Long.MAX_VALUE ? Long.MAX_VALUE : produced + budget;
        boolean ok = false;
        try {
            int consumed = process(input, flush);
            bytesWritten += consumed;
            ok = true;
            return consumed;
        } finally {
            sink = null;
            if (!ok) {
                close();
            }
        }
    }

    /** Node's params(level, strategy): compressors change them for the data written next. */
    public void params(int level, int strategy) {
        ZlibSettings.range(level, "level", ZlibConstants.Z_MIN_LEVEL, ZlibConstants.Z_MAX_LEVEL, 0);
        ZlibSettings.range(strategy, "strategy", ZlibConstants.Z_DEFAULT_STRATEGY, ZlibConstants.Z_FIXED, 0);
    }

    /** Node's reset(): back to the start of a new stream, keeping the options. */
    public void reset() {
        if (closed) {
            throw ZlibErrors.streamError("zlib binding closed");
        }
        produced = 0;
    }

    /** Frees zlib's native memory; later writes fail. Idempotent. */
    public void close() {
        closed = true;
        out = null;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Input bytes fed so far (Node's bytesWritten). */
    public long bytesWritten() {
        return bytesWritten;
    }

    public ZlibMode mode() {
        return settings.mode();
    }

    /** Feeds the input; returns how much of it was taken (all of it, unless over budget). */
    abstract int process(Bytes input, int flush);

    /** True once this write made its budget of output. */
    final boolean overBudget() {
        return produced >= budgetEnd;
    }

    /** The array to write the next output into, with room after {@link #roomStart()}. */
    final byte[] room() {
        if (out == null || outOff == out.length) {
            out = new byte[settings.chunkSize()];
            outOff = 0;
        }
        return out;
    }

    final int roomStart() {
        return outOff;
    }

    final int roomSize() {
        return out.length - outOff;
    }

    /** Hands out the {@code n} bytes just written at {@link #roomStart()}, after the limit check. */
    final void emit(int n) {
        if (n <= 0) {
            return;
        }
        produced += n;
        if (produced > limit) {
            throw ErrorCode.ERR_BUFFER_TOO_LARGE.make(limit == Long.MAX_VALUE ? ZlibSettings.NODE_MAX_LENGTH : limit);
        }
        Bytes chunk = Bytes.wrap(out, outOff, n);
        outOff += n;
        sink.accept(chunk);
    }

    /** Writes a few fixed bytes (a gzip header or trailer) through the output. */
    final void emitBytes(byte[] bytes) {
        int done = 0;
        while (done < bytes.length) {
            byte[] buf = room();
            int n = Math.min(roomSize(), bytes.length - done);
            System.arraycopy(bytes, done, buf, roomStart(), n);
            emit(n);
            done += n;
        }
    }
}
