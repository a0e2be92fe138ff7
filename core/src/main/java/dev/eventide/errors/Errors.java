package dev.eventide.errors;

/**
 * Argument checks and the helpers that shape arguments for the catalogue's templates
 * (ErrorCode): how Node describes a received value, groups the digits of a large integer, or
 * quotes a string. Stateless; callable from any thread.
 */
public final class Errors {
    private Errors() {}

    /** Node: {@code The "name" argument must be of type X. Received Y}. */
    public static NodeError invalidArgType(String name, String expected, Object actual) {
        return ErrorCode.ERR_INVALID_ARG_TYPE.make(name, "argument", expected, describe(actual));
    }

    /** Node: {@code The argument 'name' is invalid. Received X}. */
    public static NodeError invalidArgValue(String name, Object actual, String reason) {
        // As Node: a dotted name is a property, and the value is shown as util.inspect shows it.
        String kind = name.contains(".") ? "property" : "argument";
        return ErrorCode.ERR_INVALID_ARG_VALUE.make(kind, name, reason, inspect(actual));
    }

    /** Node: {@code The value of "name" is out of range. It must be R. Received X}. */
    public static NodeError outOfRange(String name, String range, Object actual) {
        return ErrorCode.ERR_OUT_OF_RANGE.make(name, range, received(actual));
    }

    /** A loop-owned object was touched from a thread that does not own it. */
    public static NodeError wrongThread(String what, Thread owner) {
        return ErrorCode.ERR_WRONG_THREAD.make(what, owner == null ? "?" : owner.getName(),
                Thread.currentThread().getName());
    }

    /** Node's {@code ERR_INVALID_STATE}: the operation is not allowed in the object's current state. */
    public static NodeError invalidState(String message) {
        return ErrorCode.ERR_INVALID_STATE.make(message);
    }

    /** Node's {@code ERR_METHOD_NOT_IMPLEMENTED}. */
    public static NodeError methodNotImplemented(String method) {
        return ErrorCode.ERR_METHOD_NOT_IMPLEMENTED.make(method);
    }

    /** Node's ERR_MISSING_ARGS for one argument, or for alternatives: "options" or "port" or "path". */
    public static NodeError missingArgs(String... names) {
        return ErrorCode.ERR_MISSING_ARGS.make("\"" + String.join("\" or \"", names) + "\"");
    }

    /** Node's ERR_SOCKET_BAD_PORT (validatePort): "Port should be >= 0 and < 65536. Received type number (70000).". */
    public static NodeError badPort(String name, long port) {
        return ErrorCode.ERR_SOCKET_BAD_PORT.make(name, describe(port));
    }

    /**
     * Node's connResetException: an ECONNRESET without errno or syscall, with http's wording
     * ("socket hang up" before a response, "aborted" during one).
     */
    public static NodeError connReset(String message) {
        return new NodeError("ECONNRESET", message);
    }

    /** Node's writeAfterFIN: the EPIPE a write gets after the peer ended a socket without allowHalfOpen. */
    public static NodeError endedByOtherParty() {
        return new NodeError("EPIPE", "This socket has been ended by the other party");
    }

    /** Throws {@code ERR_INVALID_ARG_TYPE} when a required callback or value is null. */
    public static <T> T requireNonNull(T value, String name, String expected) {
        if (value == null) {
            throw invalidArgType(name, expected, null);
        }
        return value;
    }

    /** Throws {@code ERR_INVALID_ARG_TYPE} when a callback is null, as Node's validateFunction. */
    public static <T> T requireFunction(T callback, String name) {
        return requireNonNull(callback, name, "of type function");
    }

    /** Throws {@code ERR_OUT_OF_RANGE} unless {@code min <= value <= max}. */
    public static long requireRange(long value, String name, long min, long max) {
        if (value < min || value > max) {
            throw outOfRange(name, ">= " + min + " && <= " + max, value);
        }
        return value;
    }

    static String describe(Object actual) {
        if (actual == null) {
            return "null";
        }
        if (actual instanceof CharSequence s) {
            String text = s.length() > 28 ? s.subSequence(0, 25) + "..." : s.toString();
            return "type string ('" + text + "')";
        }
        if (actual instanceof Number n) {
            return "type number (" + number(n) + ")";
        }
        if (actual instanceof Boolean b) {
            return "type boolean (" + b + ")";
        }
        return "an instance of " + actual.getClass().getSimpleName();
    }

    /** A number as JavaScript prints it: 5.0 is "5". */
    static String number(Number n) {
        if ((n instanceof Double || n instanceof Float) && Double.isFinite(n.doubleValue())
                && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e21) {
            return Long.toString(n.longValue());
        }
        return n.toString();
    }

    /** Node's ERR_OUT_OF_RANGE: integers beyond 2^32 get '_' between groups of three digits. */
    private static String received(Object actual) {
        if (actual instanceof Number n && !(n instanceof Double || n instanceof Float)
                && Math.abs(n.doubleValue()) > 4294967296.0) {
            String digits = Long.toString(Math.abs(n.longValue()));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < digits.length(); i++) {
                if (i > 0 && (digits.length() - i) % 3 == 0) {
                    b.append('_');
                }
                b.append(digits.charAt(i));
            }
            return (n.longValue() < 0 ? "-" : "") + b;
        }
        return actual instanceof Number n ? number(n) : String.valueOf(actual);
    }

    /** A short util.inspect: strings in single quotes, numbers as JavaScript prints them. */
    private static String inspect(Object actual) {
        if (actual instanceof CharSequence s) {
            return "'" + s + "'";
        }
        return actual instanceof Number n ? number(n) : String.valueOf(actual);
    }
}
