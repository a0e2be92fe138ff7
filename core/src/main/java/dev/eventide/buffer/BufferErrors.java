package dev.eventide.buffer;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.Errors;
import dev.eventide.errors.NodeError;

/**
 * The buffer package's argument checks and the argument shaping its errors need (Node's digit
 * grouping, a fill value shown as Node shows it); the codes and templates are ErrorCode's.
 * Stateless; callable from any thread.
 */
final class BufferErrors {
    /** Java arrays stop short of Integer.MAX_VALUE; this plays the part of Node's kMaxLength. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private BufferErrors() {}

    /** Node's ERR_OUT_OF_RANGE, printing integers above 2^32 with '_' separators as Node does. */
    static NodeError outOfRange(String name, String range, long received) {
        return Errors.outOfRange(name, range, formatInteger(received));
    }

    /** Node: {@code The argument 'value' is invalid. Received 'zz'} (fill with nothing to repeat). */
    static NodeError invalidFillValue(Object value) {
        String shown = value instanceof Bytes b ? b.inspect() : "'" + value + "'";
        return ErrorCode.ERR_INVALID_ARG_VALUE.make("argument", "value", "is invalid", shown);
    }

    /** Node: {@code The "name" argument must be an instance of Buffer or Uint8Array. Received null}. */
    static NodeError notBytes(String name) {
        return Errors.invalidArgType(name, "an instance of Buffer or Uint8Array", null);
    }

    /** Throws ERR_INVALID_ARG_TYPE when a required buffer argument is null. */
    static Bytes requireBytes(Bytes value, String name) {
        if (value == null) {
            throw notBytes(name);
        }
        return value;
    }

    /** Throws ERR_INVALID_ARG_TYPE when a required string argument is null. */
    static String requireString(String value, String name) {
        if (value == null) {
            throw Errors.invalidArgType(name, "of type string", null);
        }
        return value;
    }

    /** Node's validateOffset: {@code >= min && <= max}, else ERR_OUT_OF_RANGE. */
    static int validateOffset(int value, String name, int max) {
        if (value < 0 || value > max) {
            throw outOfRange(name, ">= 0 && <= " + max, value);
        }
        return value;
    }

    /** Node's addNumericalSeparator, applied only where Node applies it (|n| > 2^32). */
    static String formatInteger(long n) {
        String digits = Long.toString(n);
        if (Math.abs((double) n) <= 4294967296.0) {
            return digits;
        }
        int start = n < 0 ? 1 : 0;
        StringBuilder out = new StringBuilder();
        int i = digits.length();
        for (; i >= start + 4; i -= 3) {
            out.insert(0, "_" + digits.substring(i - 3, i));
        }
        return digits.substring(0, i) + out;
    }
}
