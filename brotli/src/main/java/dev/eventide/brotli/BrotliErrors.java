package dev.eventide.brotli;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import dev.eventide.zlib.ZlibError;

/**
 * This module's errors with Node's codes and messages. A failed decode is a {@link ZlibError}
 * whose code is "ERR_" plus libbrotli's name for the error and whose errno is libbrotli's
 * number, exactly as Node builds it (so {@code ERR__ERROR_FORMAT_PADDING_1}, errno -14, with
 * two underscores). Stateless; any thread.
 */
final class BrotliErrors {
    private BrotliErrors() {}

    /** Node's message and code for any libbrotli decode error. */
    static ZlibError decodeFailed(int errorCode) {
        return new ZlibError("ERR_" + BrotliNative.errorString(errorCode), errorCode, "Decompression failed");
    }

    /** The input ended inside a compressed stream (Node reports zlib's Z_BUF_ERROR here too). */
    static ZlibError unexpectedEnd() {
        return new ZlibError("Z_BUF_ERROR", -5, "unexpected end of file");
    }

    static ZlibError compressionFailed() {
        return new ZlibError("ERR_BROTLI_COMPRESSION_FAILED", -1, "Compression failed");
    }

    /** A parameter libbrotli refused (Node checks BrotliEncoder/DecoderSetParameter's result). */
    static NodeError initializationFailed() {
        return new NodeError("ERR_ZLIB_INITIALIZATION_FAILED", "Initialization failed");
    }

    /** Node's RangeError for a params key that is not 0..8. */
    static NodeError invalidParam(Object key) {
        return new NodeError("ERR_BROTLI_INVALID_PARAM", key + " is not a valid Brotli parameter");
    }

    static NodeError paramNotNumber(Object value) {
        return new NodeError("ERR_INVALID_ARG_TYPE",
                "The \"options.params[key]\" property must be of type number. Received " + describe(value));
    }

    /** Node: {@code Cannot create a Buffer larger than N bytes} (a RangeError in Node). */
    static NodeError tooLarge(long limit) {
        return new NodeError("ERR_BUFFER_TOO_LARGE", "Cannot create a Buffer larger than " + limit + " bytes");
    }

    /** Not a Node code: the platform's libbrotli could not be loaded (no brotli4j native for it). */
    static NodeError unavailable(Throwable cause) {
        return new NodeError("ERR_BROTLI_UNAVAILABLE",
                "Brotli is not available: libbrotli could not be loaded through brotli4j (" + cause + ")", cause);
    }

    static NodeError notData(Object actual) {
        return new NodeError("ERR_INVALID_ARG_TYPE", "The \"buffer\" argument must be of type string or an instance"
                + " of Buffer, TypedArray, DataView, or ArrayBuffer. Received " + describe(actual));
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** Node's description of a received value in ERR_INVALID_ARG_TYPE. */
    static String describe(Object actual) {
        if (actual == null) {
            return "null";
        }
        if (actual instanceof CharSequence s) {
            String text = s.length() > 28 ? s.subSequence(0, 25) + "..." : s.toString();
            return "type string ('" + text + "')";
        }
        if (actual instanceof Number n) {
            return "type number (" + n + ")";
        }
        if (actual instanceof Bytes) {
            return "an instance of Buffer";
        }
        return "an instance of " + actual.getClass().getSimpleName();
    }
}
