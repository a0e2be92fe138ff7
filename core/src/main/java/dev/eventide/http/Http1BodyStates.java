package dev.eventide.http;

import static dev.eventide.http.Http1Error.CB_MESSAGE_COMPLETE;
import static dev.eventide.http.Http1Parser.F_CHUNKED;
import static dev.eventide.http.Http1Parser.F_CONTENT_LENGTH;
import static dev.eventide.http.Http1Parser.F_SKIPBODY;
import static dev.eventide.http.Http1Parser.F_TRANSFER_ENCODING;
import static dev.eventide.http.Http1States.*;

import java.nio.ByteBuffer;

/**
 * The end of a message head and what follows it in {@link Http1Parser}: choosing the body
 * framing (none, Content-Length, chunked, until EOF, upgrade), reading the body, and deciding
 * whether the connection carries another message. Chunk framing is in {@link Http1Chunks}.
 * Stateless; runs on the parser's thread.
 */
final class Http1BodyStates {
    private Http1BodyStates() {}

    static int step(Http1Parser s, ByteBuffer b, int p, int end) {
        switch (s.state) {
            case BODY_CONSUME, CHUNK_DATA_CONSUME -> {
                return consume(s, b, p, end);
            }
            case BODY_EOF -> {
                return s.suspend(end); // everything until the connection closes is body
            }
            case MESSAGE_DONE -> s.callback(CB_MESSAGE_COMPLETE, AFTER_MESSAGE_DONE, p);
            case AFTER_MESSAGE_DONE -> {
                if (s.upgrade) {
                    s.upgradePause(p);
                } else {
                    s.state = CLEANUP;
                }
            }
            case UPGRADE_PAUSE -> s.upgradePause(p);
            case CLEANUP -> cleanup(s);
            case RESTART -> restart(s);
            case CLOSED -> {
                return closed(s, b, p, end);
            }
            default -> {
                return Http1Chunks.step(s, b, p, end);
            }
        }
        return p;
    }

    /** llhttp's before_headers_complete and on_headers_complete. */
    static void headersComplete(Http1Parser s, int p) {
        int f = s.flags;
        if ((f & Http1Parser.F_UPGRADE) != 0 && (f & Http1Parser.F_CONNECTION_UPGRADE) != 0) {
            // A response announces upgrade support unless it is 101 Switching Protocols.
            s.upgrade = s.isRequest || s.statusCode == 101;
        } else {
            s.upgrade = s.isRequest && s.method == Http1Method.CONNECT.ordinal();
        }
        s.headerBytes = 0;
        s.headerCount = 0;
        s.state = HEADERS_DONE;
        if (s.halted) {
            return;
        }
        s.callbackPos = p;
        int rc = s.handler.onHeadersComplete(s);
        if (s.headResponse && rc == Http1Handler.OK) {
            rc = Http1Handler.SKIP_BODY;
        }
        s.headResponse = false;
        switch (rc) {
            case Http1Handler.OK -> { }
            case Http1Handler.SKIP_BODY -> s.flags |= F_SKIPBODY;
            case Http1Handler.SKIP_BODY_UPGRADE -> {
                s.upgrade = true;
                s.flags |= F_SKIPBODY;
            }
            case Http1Handler.PAUSE -> s.pauseRequested = true;
            default -> s.fail(Http1Error.CB_HEADERS_COMPLETE, "User callback error", p);
        }
        if (s.pauseRequested && s.error == null) {
            s.pauseRequested = false;
            s.stop(Http1Error.PAUSED, "Paused by on_headers_complete", p);
        }
    }

    /** llhttp's after_headers_complete: how is the body framed? */
    static void afterHeadersComplete(Http1Parser s, int p) {
        int f = s.flags;
        boolean hasBody = (f & F_CHUNKED) != 0 || s.contentLength != 0;
        boolean response = !s.isRequest;
        if ((s.upgrade && (s.method == Http1Method.CONNECT.ordinal() || (f & F_SKIPBODY) != 0 || !hasBody))
                || (response && s.statusCode == 101)) {
            s.callback(CB_MESSAGE_COMPLETE, UPGRADE_PAUSE, p);
        } else if ((f & F_SKIPBODY) != 0 || (response && noBodyStatus(s.statusCode))) {
            s.callback(CB_MESSAGE_COMPLETE, CLEANUP, p);
        } else if ((f & F_CHUNKED) != 0) {
            s.state = CHUNK_SIZE_START;
        } else if ((f & F_TRANSFER_ENCODING) != 0) {
            if (s.isRequest && !s.lenient(Http1Lenient.CHUNKED_LENGTH) && !s.lenient(Http1Lenient.TRANSFER_ENCODING)) {
                // RFC 9112 6.3: a request whose last coding is not chunked has no knowable length.
                s.fail(Http1Error.INVALID_TRANSFER_ENCODING, "Request has invalid `Transfer-Encoding`", p);
            } else {
                untilEof(s, p);
            }
        } else if ((f & F_CONTENT_LENGTH) == 0) {
            if (s.messageNeedsEof()) {
                untilEof(s, p);
            } else {
                s.callback(CB_MESSAGE_COMPLETE, CLEANUP, p);
            }
        } else if (s.contentLength == 0) {
            s.callback(CB_MESSAGE_COMPLETE, CLEANUP, p);
        } else {
            s.spanStart(Http1Parser.SPAN_BODY, p);
            s.state = BODY_CONSUME;
        }
    }

    private static boolean noBodyStatus(int status) {
        return status == 100 || status == 102 || status == 103 || status == 204 || status == 304;
    }

    private static void untilEof(Http1Parser s, int p) {
        s.finish = Http1Parser.FINISH_SAFE_WITH_CB;
        s.spanStart(Http1Parser.SPAN_BODY, p);
        s.state = BODY_EOF;
    }

    /** Body bytes of known length (a Content-Length body or one chunk), reported in place. */
    private static int consume(Http1Parser s, ByteBuffer b, int p, int end) {
        if (p == end) {
            return s.suspend(p);
        }
        long avail = end - p;
        if (Long.compareUnsigned(avail, s.contentLength) < 0) {
            s.contentLength -= avail;
            return s.suspend(end);
        }
        p += (int) s.contentLength;
        s.contentLength = 0;
        s.spanEnd(b, p);
        if (s.state == BODY_CONSUME) {
            s.state = MESSAGE_DONE;
        } else {
            s.trieIndex = 0;
            s.state = CHUNK_DATA_ALMOST_DONE;
        }
        return p;
    }

    /** llhttp's after_message_complete: keep the connection for another message, or close it. */
    private static void cleanup(Http1Parser s) {
        boolean keepAlive = s.shouldKeepAlive();
        s.finish = Http1Parser.FINISH_SAFE;
        s.flags = 0;
        if (keepAlive) {
            s.contentLength = 0;
            restart(s);
        } else if (s.lenient(Http1Lenient.KEEP_ALIVE)) {
            restart(s);
        } else {
            s.state = CLOSED;
        }
    }

    private static void restart(Http1Parser s) {
        s.initialMessageCompleted = true;
        s.finish = Http1Parser.FINISH_SAFE;
        s.state = START;
    }

    /** After a message that closes the connection only stray line ends may follow. */
    private static int closed(Http1Parser s, ByteBuffer b, int p, int end) {
        for (; p < end; p++) {
            int c = b.get(p);
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (!s.lenient(Http1Lenient.DATA_AFTER_CLOSE)) {
                return s.failAt(Http1Error.CLOSED_CONNECTION, "Data after `Connection: close`", p + 1);
            }
        }
        return s.suspend(p);
    }
}
