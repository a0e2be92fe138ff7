package dev.eventide.brotli;

import dev.eventide.errors.ErrorCode;
import static dev.eventide.brotli.BrotliConstants.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.eventide.buffer.Bytes;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

/**
 * An incremental libbrotli encoder or decoder with no stream around it: feed input with an
 * operation, receive the output as chunks of at most {@code chunkSize} bytes. The streams and
 * the buffer forms share it, and so can anyone who frames compressed data (HTTP bodies). Not
 * thread-safe: one thread at a time (a stream hands it between its loop and one worker).
 *
 * <p>HOW: each write's input is copied whole into a native buffer (grown as needed) and handed
 * to libbrotli's stream function in one piece, as Node hands it a whole chunk: the fast
 * qualities (0 and 1) shape their blocks by what each call offers, so this is what makes the
 * output byte for byte Node's. The function runs until the input is used up (and, for a flush
 * or finish, until the operation is complete); each call's output is copied out of a native
 * buffer of {@code chunkSize} bytes. Output memory stays bounded whatever the ratio: one buffer
 * at a time, and the output limit is checked after each. Any error closes the codec.
 */
public final class BrotliCodec implements AutoCloseable {
    /** The first size of the native input buffer; it grows to the largest write. */
    static final int IN_SIZE = 64 * 1024;

    private final BrotliSettings settings;
    private final long limit;
    private final Arena arena = Arena.ofShared();
    /** Holds {@link #in}, so that a larger input buffer can replace it. */
    private Arena inArena = Arena.ofShared();
    private MemorySegment in;
    private final MemorySegment out;
    /** size_t and pointer cells that libbrotli reads and advances. */
    private final MemorySegment availIn;
    private final MemorySegment nextIn;
    private final MemorySegment availOut;
    private final MemorySegment nextOut;
    private MemorySegment state;
    private long produced;
    /** A budgeted write stopped early: the cells still point at the rest of its input in {@link #in}. */
    private boolean resumable;
    /** The decoder's last result (libbrotli's BrotliDecoderResult). */
    private int lastResult = BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT;
    private boolean closed;

    private BrotliCodec(BrotliSettings settings, long limit) {
        BrotliNative.requireAvailable();
        this.settings = settings;
        this.limit = limit;
        in = inArena.allocate(IN_SIZE);
        out = arena.allocate(settings.chunkSize());
        availIn = arena.allocate(JAVA_LONG);
        nextIn = arena.allocate(ADDRESS);
        availOut = arena.allocate(JAVA_LONG);
        nextOut = arena.allocate(ADDRESS);
        try {
            state = BrotliState.create(settings);
        } catch (RuntimeException e) {
            arena.close();
            inArena.close();
            throw e;
        }
    }

    /** An encoder with Node's checks on {@code options} and no output limit unless one is given. */
    public static BrotliCodec encoder(BrotliOptions options) {
        BrotliSettings s = BrotliSettings.of(true, options);
        return new BrotliCodec(s, s.streamLimit());
    }

    public static BrotliCodec decoder(BrotliOptions options) {
        BrotliSettings s = BrotliSettings.of(false, options);
        return new BrotliCodec(s, s.streamLimit());
    }

    static BrotliCodec create(BrotliSettings s, long limit) {
        return new BrotliCodec(s, limit);
    }

    public boolean compresses() {
        return settings.compress();
    }

    /**
     * Feeds all of {@code input} with {@code op} (BROTLI_OPERATION_*; a decoder reads FINISH as
     * "the input ends here"). Every output chunk goes to {@code output} before this returns.
     * Throws a decode error with Node's code, or ERR_BUFFER_TOO_LARGE past the limit.
     */
    public void write(Bytes input, int op, Consumer<Bytes> output) {
        Step s = write(input, op, output, Long.MAX_VALUE);
        while (!s.done()) {
            s = write(input.subarray(s.consumed()), op, output, Long.MAX_VALUE);
        }
    }

    /** What a budgeted write did: input bytes taken, and whether the operation is complete. */
    record Step(int consumed, boolean done) {}

    /**
     * As {@link #write(Bytes, int, Consumer)}, but returns once about {@code budget} bytes came
     * out; the caller continues with the rest of the input (maybe none) and the same op.
     */
    Step write(Bytes input, int op, Consumer<Bytes> output, long budget) {
        if (closed) {
            throw new IllegalStateException("the codec is closed");
        }
        try {
            return settings.compress() ? encode(input, op, output, budget) : decode(input, op, output, budget);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private Step encode(Bytes input, int op, Consumer<Bytes> output, long budget) {
        long start = produced;
        load(input);
        while (true) {
            resetOut();
            if (!BrotliState.compress(state, op, availIn, nextIn, availOut, nextOut)) {
                throw BrotliErrors.compressionFailed();
            }
            drainOut(output);
            // libbrotli's contract: repeat a FINISH until IsFinished, anything else until the
            // input is taken and HasMoreOutput is false.
            boolean opDone = op == BROTLI_OPERATION_FINISH
                    ? BrotliState.isFinished(state) : !BrotliState.hasMoreOutput(state);
            if (availIn.get(JAVA_LONG, 0) == 0 && opDone) {
                return new Step(input.length(), true);
            }
            if (produced - start >= budget) {
                return pause(input);
            }
        }
    }

    private Step decode(Bytes input, int op, Consumer<Bytes> output, long budget) {
        if (lastResult == BROTLI_DECODER_RESULT_SUCCESS) {
            return new Step(input.length(), true); // data after the end is ignored, as Node
        }
        long start = produced;
        load(input);
        while (true) {
            resetOut();
            lastResult = BrotliState.decompress(state, availIn, nextIn, availOut, nextOut);
            drainOut(output);
            if (lastResult == BROTLI_DECODER_RESULT_ERROR) {
                throw BrotliErrors.decodeFailed(BrotliState.errorCode(state));
            }
            if (lastResult != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
                break;
            }
            if (produced - start >= budget) {
                return pause(input);
            }
        }
        if (op == BROTLI_OPERATION_FINISH && lastResult == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
            throw BrotliErrors.unexpectedEnd();
        }
        return new Step(input.length(), true);
    }

    /** Stops a budgeted write; the next write continues from the cells if given the rest. */
    private Step pause(Bytes input) {
        resumable = true;
        return new Step(input.length() - (int) availIn.get(JAVA_LONG, 0), false);
    }

    /** Points libbrotli at a native copy of {@code input}, unless it is the rest of a paused write. */
    private void load(Bytes input) {
        boolean resume = resumable && input.length() == availIn.get(JAVA_LONG, 0);
        resumable = false;
        if (resume) {
            return;
        }
        int n = input.length();
        if (n > in.byteSize()) {
            inArena.close();
            inArena = Arena.ofShared();
            in = inArena.allocate(n);
        }
        MemorySegment.copy(input.array(), input.byteOffset(), in, JAVA_BYTE, 0, n);
        availIn.set(JAVA_LONG, 0, n);
        nextIn.set(ADDRESS, 0, in);
    }

    private void resetOut() {
        availOut.set(JAVA_LONG, 0, out.byteSize());
        nextOut.set(ADDRESS, 0, out);
    }

    private void drainOut(Consumer<Bytes> output) {
        int n = (int) (out.byteSize() - availOut.get(JAVA_LONG, 0));
        if (n == 0) {
            return;
        }
        produced += n;
        if (produced > limit) {
            throw ErrorCode.ERR_BUFFER_TOO_LARGE.make(limit);
        }
        byte[] chunk = new byte[n];
        MemorySegment.copy(out, JAVA_BYTE, 0, chunk, 0, n);
        output.accept(Bytes.wrap(chunk));
    }

    /** Frees the native state and buffers; further writes fail. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        BrotliState.destroy(settings.compress(), state);
        state = MemorySegment.NULL;
        arena.close();
        inArena.close();
    }

    public boolean closed() {
        return closed;
    }
}
