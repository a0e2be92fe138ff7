package dev.eventide.zlib;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.Errors;
import dev.eventide.errors.NodeError;

/**
 * The zlib package's errors: zlib's own failures ({@link ZlibError}, with zlib's codes), and
 * the argument shaping for the option checks' ERR_OUT_OF_RANGE / ERR_INVALID_ARG_TYPE (Node
 * says "property" for {@code options.x}); those codes and templates are ErrorCode's.
 * Stateless; any thread.
 */
final class ZlibErrors {
    private ZlibErrors() {}

    static ZlibError dataError(String message) {
        return new ZlibError("Z_DATA_ERROR", ZlibConstants.Z_DATA_ERROR, message);
    }

    /** What Node reports when the input stops before the compressed stream does. */
    static ZlibError unexpectedEnd() {
        return new ZlibError("Z_BUF_ERROR", ZlibConstants.Z_BUF_ERROR, "unexpected end of file");
    }

    static ZlibError needDictionary(boolean haveOne) {
        return new ZlibError("Z_NEED_DICT", ZlibConstants.Z_NEED_DICT, haveOne ? "Bad dictionary" : "Missing dictionary");
    }

    static ZlibError streamError(String message) {
        return new ZlibError("Z_STREAM_ERROR", ZlibConstants.Z_STREAM_ERROR, message);
    }

    /** Node's ERR_OUT_OF_RANGE for {@code options.x}: {@code >= lo and <= hi}. */
    static NodeError outOfRange(String name, String range, Object received) {
        return Errors.outOfRange(name, range, format(received));
    }

    /** Node's ERR_INVALID_ARG_TYPE; names with a dot are properties, as in Node's message. */
    static NodeError invalidType(String name, String expected, Object actual) {
        String kind = name.contains(".") ? "property" : "argument";
        return ErrorCode.ERR_INVALID_ARG_TYPE.make(name, kind, expected, describe(actual));
    }

    /** The data argument of gzipSync and friends was not a string or bytes. */
    static NodeError notData(String name, Object actual) {
        return invalidType(name, "of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer", actual);
    }

    /** Node prints integers beyond 2^32 with '_' every three digits (addNumericalSeparator). */
    static String format(Object received) {
        if (received instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 0x1p63) {
            received = d.longValue();
        }
        if (received instanceof Number n && !(received instanceof Double) && !(received instanceof Float)) {
            long v = n.longValue();
            if (Math.abs(v) <= 0x1_0000_0000L) {
                return Long.toString(v);
            }
            String digits = Long.toString(Math.abs(v));
            StringBuilder out = new StringBuilder();
            int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
            out.append(digits, 0, first);
            for (int i = first; i < digits.length(); i += 3) {
                out.append('_').append(digits, i, i + 3);
            }
            return (v < 0 ? "-" : "") + out;
        }
        if (received instanceof Double d && d.isInfinite()) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return String.valueOf(received);
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
            return "type number (" + format(n) + ")";
        }
        if (actual instanceof Boolean b) {
            return "type boolean (" + b + ")";
        }
        if (actual instanceof Bytes) {
            return "an instance of Buffer";
        }
        return "an instance of " + actual.getClass().getSimpleName();
    }
}
