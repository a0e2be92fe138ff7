package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.crypto.Crypto;
import dev.eventide.errors.NodeError;
import java.util.function.Supplier;

/**
 * Gives every request an id for logs and tracing: the client's (or a proxy's) X-Request-Id when
 * it is a short token of safe characters, otherwise a fresh random UUID. The id is stored as
 * {@code req.attr("requestId")} and echoed in the response header. An incoming value is never
 * trusted further than that: anything long, empty, or holding characters outside
 * {@code [A-Za-z0-9._:+/=-]} (spaces, quotes, control characters, non-ASCII) is replaced, so an
 * id can be written into a log line or a header without escaping. Created on any thread; the
 * handler runs on the loop thread.
 */
public final class RequestId {
    private RequestId() {
    }

    public static Handler create() {
        return create(new Options());
    }

    public static Handler create(Options o) {
        if (o.header == null || o.header.isEmpty() || o.attribute == null || o.generator == null) {
            throw invalid("requestId: header, attribute and generator must be set");
        }
        if (o.maxLength < 1) {
            throw invalid("requestId: maxLength must be >= 1, got " + o.maxLength);
        }
        return (req, res, next) -> {
            String incoming = o.trustIncoming ? req.get(o.header) : null;
            String id = isSafe(incoming, o.maxLength) ? incoming : o.generator.get();
            req.attr(o.attribute, id);
            if (o.setHeader) {
                res.raw().setHeader(o.header, id);
            }
            next.call();
        };
    }

    /** A non-empty token of at most maxLength characters from the safe set. */
    static boolean isSafe(String id, int maxLength) {
        if (id == null || id.isEmpty() || id.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':' || c == '+' || c == '/' || c == '=';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Options with their defaults. */
    public static final class Options {
        String header = "X-Request-Id";
        String attribute = "requestId";
        int maxLength = 128;
        boolean trustIncoming = true;
        boolean setHeader = true;
        Supplier<String> generator = Crypto::randomUUID;

        /** The request and response header (default X-Request-Id). */
        public Options header(String name) {
            header = name;
            return this;
        }

        /** The request attribute holding the id (default "requestId"). */
        public Options attribute(String name) {
            attribute = name;
            return this;
        }

        /** The longest incoming id kept (default 128 characters). */
        public Options maxLength(int chars) {
            maxLength = chars;
            return this;
        }

        /** Whether a safe incoming id is kept (default true); false always generates. */
        public Options trustIncoming(boolean on) {
            trustIncoming = on;
            return this;
        }

        /** Whether the id is echoed in the response header (default true). */
        public Options setHeader(boolean on) {
            setHeader = on;
            return this;
        }

        /** Makes new ids (default crypto.randomUUID()). */
        public Options generator(Supplier<String> make) {
            generator = make;
            return this;
        }
    }

    private static NodeError invalid(String message) {
        return ErrorCode.ERR_INVALID_ARG_VALUE.withMessage(message);
    }
}
