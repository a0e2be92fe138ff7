package dev.eventide.brotli;

import dev.eventide.errors.ErrorCode;
import static dev.eventide.brotli.BrotliNative.*;

import java.lang.foreign.MemorySegment;

/**
 * Calls into libbrotli for one encoder or decoder state: create it with the settings' parameters,
 * run its stream function, read its flags and error, destroy it. Stateless itself; a state is
 * used by one thread at a time (see {@link BrotliCodec}).
 */
final class BrotliState {
    private BrotliState() {}

    /** A new encoder or decoder with every given parameter set, as Node's Init does. */
    static MemorySegment create(BrotliSettings s) {
        try {
            MemorySegment state = s.compress()
                    ? (MemorySegment) ENCODER_CREATE.invokeExact(MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL)
                    : (MemorySegment) DECODER_CREATE.invokeExact(MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL);
            if (state.equals(MemorySegment.NULL)) {
                throw ErrorCode.ERR_ZLIB_INITIALIZATION_FAILED.make();
            }
            for (int key = 0; key < s.params().length; key++) {
                if (s.set()[key] && !setParameter(s.compress(), state, key, s.params()[key])) {
                    destroy(s.compress(), state);
                    throw ErrorCode.ERR_ZLIB_INITIALIZATION_FAILED.make();
                }
            }
            return state;
        } catch (Throwable t) {
            throw BrotliErrors.rethrow(t);
        }
    }

    private static boolean setParameter(boolean compress, MemorySegment state, int key, int value) throws Throwable {
        int ok = compress
                ? (int) ENCODER_SET_PARAMETER.invokeExact(state, key, value)
                : (int) DECODER_SET_PARAMETER.invokeExact(state, key, value);
        return ok != 0;
    }

    /** BrotliEncoderCompressStream; false means libbrotli failed. */
    static boolean compress(MemorySegment state, int op, MemorySegment availIn, MemorySegment nextIn,
            MemorySegment availOut, MemorySegment nextOut) {
        try {
            return (int) ENCODER_COMPRESS_STREAM.invokeExact(state, op, availIn, nextIn, availOut, nextOut,
                    MemorySegment.NULL) != 0;
        } catch (Throwable t) {
            throw BrotliErrors.rethrow(t);
        }
    }

    /** BrotliDecoderDecompressStream: a BROTLI_DECODER_RESULT_* value. */
    static int decompress(MemorySegment state, MemorySegment availIn, MemorySegment nextIn,
            MemorySegment availOut, MemorySegment nextOut) {
        try {
            return (int) DECODER_DECOMPRESS_STREAM.invokeExact(state, availIn, nextIn, availOut, nextOut,
                    MemorySegment.NULL);
        } catch (Throwable t) {
            throw BrotliErrors.rethrow(t);
        }
    }

    static boolean isFinished(MemorySegment state) {
        try {
            return (int) ENCODER_IS_FINISHED.invokeExact(state) != 0;
        } catch (Throwable t) {
            throw BrotliErrors.rethrow(t);
        }
    }

    static boolean hasMoreOutput(MemorySegment state) {
        try {
            return (int) ENCODER_HAS_MORE_OUTPUT.invokeExact(state) != 0;
        } catch (Throwable t) {
            throw BrotliErrors.rethrow(t);
        }
    }

    static int errorCode(MemorySegment state) {
        try {
            return (int) DECODER_GET_ERROR_CODE.invokeExact(state);
        } catch (Throwable t) {
            throw BrotliErrors.rethrow(t);
        }
    }

    static void destroy(boolean compress, MemorySegment state) {
        try {
            if (compress) {
                ENCODER_DESTROY.invokeExact(state);
            } else {
                DECODER_DESTROY.invokeExact(state);
            }
        } catch (Throwable t) {
            throw BrotliErrors.rethrow(t);
        }
    }
}
