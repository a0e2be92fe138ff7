package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.events.Listener;
import dev.eventide.http.IncomingMessage;
import dev.eventide.zlib.Zlib;
import dev.eventide.zlib.ZlibTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads one request body into memory under a byte limit, as raw-body does for body-parser:
 * the decoded bytes (after gzip/deflate) count against the limit, a Content-Length above the
 * limit is refused before any byte is read, and reading stops at the first byte past it.
 * Runs on the loop thread; inflating happens on the worker pool through dev.eventide.zlib.
 *
 * <pre>
 *   req.raw() --data--> [Gunzip/Inflate] --data--> count, keep --end--> done(Bytes)
 *        'aborted'/'error'/over limit/bad length -------------------> fail(HttpError)
 * </pre>
 *
 * On a failure the reader unhooks itself, pauses the request and marks the response
 * "Connection: close", so the server closes the connection after the error response instead
 * of reading (or dumping) the rest of a body nobody wants.
 */
final class BodyReader {
    private final WebRequest req;
    private final WebResponse res;
    private final long limit;
    private final Consumer<Bytes> done;
    private final Consumer<HttpError> fail;
    private final List<Bytes> chunks = new ArrayList<>();
    private final IncomingMessage in;
    /** The inflating stream between the request and the counter, or null for identity. */
    private ZlibTransform inflater;
    /** Decoded bytes kept so far; never more than limit. */
    private long decoded;
    /** Bytes received from the wire (before inflating). */
    private long received;
    private long expected = -1;
    /** Set once done or fail was called: later events are ignored. */
    private boolean settled;
    private final Listener onData = args -> onWireData((Bytes) args[0]);
    private final Listener onEnd = args -> onWireEnd();
    private final Listener onAborted = args -> failWith(400, ErrorCode.ERR_BODY_ABORTED, "aborted");
    private final Listener onError = args -> failWith(400, ErrorCode.ERR_BODY_ABORTED, "stream error");

    private BodyReader(WebRequest req, WebResponse res, long limit, Consumer<Bytes> done, Consumer<HttpError> fail) {
        this.req = req;
        this.res = res;
        this.in = req.raw();
        this.limit = limit;
        this.done = done;
        this.fail = fail;
    }

    /** Reads req's body; exactly one of done and fail is called, on the loop thread. */
    static void read(WebRequest req, WebResponse res, BodyOptions o, Consumer<Bytes> done, Consumer<HttpError> fail) {
        new BodyReader(req, res, o.limit, done, fail).start(o.inflate);
    }

    private void start(boolean inflate) {
        String encoding = contentEncoding();
        expected = contentLength();
        if (expected > limit && encoding.equals("identity")) {
            failWith(413, ErrorCode.ERR_BODY_TOO_LARGE);
            return;
        }
        if (!encoding.equals("identity")) {
            if (!inflate) {
                failWith(415, ErrorCode.ERR_UNSUPPORTED_ENCODING, "content encoding unsupported");
                return;
            }
            inflater = switch (encoding) {
                case "gzip", "x-gzip" -> Zlib.createGunzip();
                case "deflate" -> Zlib.createInflate();
                default -> null;
            };
            if (inflater == null) {
                failWith(415, ErrorCode.ERR_UNSUPPORTED_ENCODING, "unsupported content encoding \"" + encoding + "\"");
                return;
            }
            hookInflater();
        }
        in.on("data", onData);
        in.on("end", onEnd);
        in.on("aborted", onAborted);
        in.on("error", onError);
    }

    private void hookInflater() {
        inflater.on("data", args -> onDecoded((Bytes) args[0]));
        inflater.on("end", args -> finish());
        inflater.on("error", args -> failWith(400, ErrorCode.ERR_BODY_INFLATE, contentEncoding()));
    }

    private void onWireData(Bytes chunk) {
        if (settled) {
            return;
        }
        received += chunk.length();
        // Compressed input counts too: a stream of empty deflate blocks decodes to nothing forever.
        if (received > limit) {
            failWith(413, ErrorCode.ERR_BODY_TOO_LARGE);
            return;
        }
        if (inflater == null) {
            onDecoded(chunk);
        } else if (!inflater.write(chunk)) {
            in.pause();
            inflater.once("drain", args -> {
                if (!settled) {
                    in.resume();
                }
            });
        }
    }

    private void onDecoded(Bytes chunk) {
        if (settled) {
            return;
        }
        decoded += chunk.length();
        if (decoded > limit) {
            failWith(413, ErrorCode.ERR_BODY_TOO_LARGE);
            return;
        }
        chunks.add(chunk);
    }

    private void onWireEnd() {
        if (settled) {
            return;
        }
        if (expected >= 0 && received != expected) {
            failWith(400, ErrorCode.ERR_BODY_SIZE_MISMATCH);
        } else if (inflater != null) {
            inflater.end();
        } else {
            finish();
        }
    }

    private void finish() {
        if (settled) {
            return;
        }
        settled = true;
        unhook();
        done.accept(Bytes.concat(chunks, (int) decoded));
    }

    private void failWith(int status, ErrorCode code, Object... args) {
        if (settled) {
            return;
        }
        settled = true;
        unhook();
        chunks.clear();
        if (inflater != null) {
            inflater.destroy();
        }
        if (!in.readableEnded() && !res.headersSent()) {
            // The rest of the body is not wanted: end the connection after the error response.
            in.pause();
            res.set("Connection", "close");
        }
        fail.accept(new HttpError(status, code, args));
    }

    private void unhook() {
        in.removeListener("data", onData);
        in.removeListener("end", onEnd);
        in.removeListener("aborted", onAborted);
        in.removeListener("error", onError);
    }

    private String contentEncoding() {
        String e = req.get("content-encoding");
        return e == null || e.isBlank() ? "identity" : e.trim().toLowerCase(Locale.ROOT);
    }

    private long contentLength() {
        String v = req.get("content-length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** type-is's hasBody: a Transfer-Encoding or a numeric Content-Length says a body follows. */
    static boolean hasBody(WebRequest req) {
        if (req.get("transfer-encoding") != null) {
            return true;
        }
        String v = req.get("content-length");
        if (v == null) {
            return false;
        }
        try {
            Long.parseLong(v.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
