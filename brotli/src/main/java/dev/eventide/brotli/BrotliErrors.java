package dev.eventide.brotli;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import dev.eventide.zlib.ZlibError;

/**
 * This module's errors: the argument shaping for the catalogue's codes (ErrorCode holds the
 * codes and templates), and libbrotli's failures as ZlibErrors. A failed decode is a ZlibError
 * whose code is ERR_ plus libbrotli's name for the error and whose errno is libbrotli's
 * number, exactly as Node builds it (so {@code ERR__ERROR_FORMAT_PADDING_1}, errno -14, with
 * two underscores). Stateless; any thread.
 */
final class BrotliErrors {
    private BrotliErrors() {}

    /** Node's message and code for any libbrotli decode error. */
    static ZlibError decodeFailed(int errorCode) {
        return new ZlibError(ErrorCode.nativeCode(BrotliNative.errorString(errorCode)), errorCode,
                ErrorCode.BROTLI_DECODE_FAILED);
    }

    /** The input ended inside a compressed stream (Node reports zlib's Z_BUF_ERROR here too). */
    static ZlibError unexpectedEnd() {
        return new ZlibError("Z_BUF_ERROR", -5, "unexpected end of file");
    }

    static ZlibError compressionFailed() {
        return new ZlibError(ErrorCode.ERR_BROTLI_COMPRESSION_FAILED.code(), -1,
                ErrorCode.ERR_BROTLI_COMPRESSION_FAILED.message());
    }

    static NodeError paramNotNumber(Object value) {
        return ErrorCode.ERR_INVALID_ARG_TYPE.make("options.params[key]", "property", "of type number",
                describe(value));
    }

    /** Not a Node code: the platform's libbrotli could not be loaded (no brotli4j native for it). */
    static NodeError unavailable(Throwable cause) {
        return ErrorCode.ERR_BROTLI_UNAVAILABLE.withCause(cause, cause);
    }

    static NodeError notData(Object actual) {
        return ErrorCode.ERR_INVALID_ARG_TYPE.make("buffer", "argument",
                "of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer", describe(actual));
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
