package dev.eventide.http;

import static dev.eventide.http.Http1States.BODY_BASE;
import static dev.eventide.http.Http1States.CLEANUP;
import static dev.eventide.http.Http1States.HEADERS_BASE;
import static dev.eventide.http.Http1States.START;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The HTTP/1.1 parser: a byte-level state machine that turns a connection's bytes into
 * {@link Http1Handler} events, shared by the HTTP server, the client and the load balancer.
 * One parser per connection; it is not thread-safe and runs on the thread that owns the
 * connection (its loop's thread).
 *
 * <p>HOW: the states and their order of checks follow llhttp 9 (Node's parser) node for node,
 * so that errors, their codes and the bytes they stop at are Node's, which the llhttp
 * conformance corpus checks. Input is consumed in place: a data item (URL, header value, body)
 * is reported as spans of the caller's buffer, started when its first byte is seen and flushed
 * when it ends or the buffer does, so feeding one byte at a time gives the same events.
 *
 * <pre>
 *   execute(buf) ──► loop: state ──► Http1StartLine | Http1HeaderStates | Http1BodyStates
 *                      │  each step reads bytes, moves {@code state}, fires callbacks
 *                      └─ stops when input ends (span flushed), on an error, or on a pause
 * </pre>
 *
 * <p>Strict by default, as Node without {@code insecureHTTPParser}. After an error the parser
 * refuses all further input; after a pause ({@link Http1Error#PAUSED}) or an upgrade
 * ({@link Http1Error#PAUSED_UPGRADE}) {@code execute} returns how many bytes it consumed, and
 * the caller resumes with the rest (an upgraded connection hands them to the new protocol).
 */
public final class Http1Parser {
    /** Which side of the conversation the bytes come from. */
    public enum Kind { REQUEST, RESPONSE }

    // llhttp's message flags (the F_* bits of llhttp.h), exposed through flags().
    public static final int F_CONNECTION_KEEP_ALIVE = 1;
    public static final int F_CONNECTION_CLOSE = 1 << 1;
    public static final int F_CONNECTION_UPGRADE = 1 << 2;
    public static final int F_CHUNKED = 1 << 3;
    public static final int F_UPGRADE = 1 << 4;
    public static final int F_CONTENT_LENGTH = 1 << 5;
    public static final int F_SKIPBODY = 1 << 6;
    public static final int F_TRAILING = 1 << 7;
    public static final int F_TRANSFER_ENCODING = 1 << 9;

    static final int FINISH_SAFE = 0;
    static final int FINISH_SAFE_WITH_CB = 1;
    static final int FINISH_UNSAFE = 2;

    static final int SPAN_NONE = -1;
    static final int SPAN_METHOD = 0;
    static final int SPAN_URL = 1;
    static final int SPAN_PROTOCOL = 2;
    static final int SPAN_VERSION = 3;
    static final int SPAN_STATUS = 4;
    static final int SPAN_FIELD = 5;
    static final int SPAN_VALUE = 6;
    static final int SPAN_BODY = 7;
    static final int SPAN_EXT_NAME = 8;
    static final int SPAN_EXT_VALUE = 9;

    final Http1Handler handler;
    final Http1Settings settings;
    final boolean isRequest;
    /** Bit set of Http1Lenient flags. */
    final int lenient;

    // Message state, as llhttp's parser fields.
    int state = START;
    long contentLength;
    int method;
    int major;
    int minor;
    int statusCode;
    int flags;
    int headerState;
    boolean upgrade;
    int finish;
    boolean initialMessageCompleted;
    /** Which of HTTP, RTSP, ICE the protocol trie matched (its word index). */
    int protocol;
    /** A word match in progress: the candidate words and how many bytes matched. */
    long trieMask;
    int trieIndex;

    /** The open span's kind, or SPAN_NONE; its first byte is at spanStart in the current buffer. */
    int spanKind = SPAN_NONE;
    int spanStart;

    /** True when the step loop must return: input ended, an error, or a pause. */
    boolean halted;
    Http1Error error;
    String reason;
    int errorPos;
    boolean pauseRequested;
    /** Where the parser stands in the buffer while a ...Complete callback runs. */
    int callbackPos;
    /** Set by the client for a response to HEAD: the next message has no body. */
    boolean headResponse;

    // Node's limits, counted per message head (and again for trailers).
    int headerBytes;
    int headerCount;
    int chunkExtensionBytes;

    private ByteBuffer wrapped;

    public Http1Parser(Kind kind, Http1Handler handler) {
        this(kind, handler, Http1Settings.DEFAULTS);
    }

    public Http1Parser(Kind kind, Http1Handler handler, Http1Settings settings) {
        this.isRequest = Objects.requireNonNull(kind, "kind") == Kind.REQUEST;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lenient = Http1Lenient.mask(settings.lenient());
    }

    /**
     * Parses {@code length} bytes of {@code data} from {@code offset}. Returns how many were
     * consumed: all of them, or fewer when the parser paused, upgraded or failed, in which
     * case {@link #error()} says which.
     */
    public int execute(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        ByteBuffer b = wrapped;
        if (b == null || b.array() != data) {
            b = ByteBuffer.wrap(data);
            wrapped = b;
        }
        return run(b, offset, offset + length);
    }

    /** Parses the buffer's remaining bytes and advances its position past those consumed. */
    public int execute(ByteBuffer buffer) {
        int start = buffer.position();
        int n = run(buffer, start, buffer.limit());
        buffer.position(start + n);
        return n;
    }

    /**
     * Tells the parser the connection reached EOF. Returns null when that is a clean end
     * (a close-delimited body ends here and onMessageComplete fires), or
     * {@link Http1Error#INVALID_EOF_STATE} when a message was cut short.
     */
    public Http1Error finish() {
        if (error != null) {
            return null;
        }
        if (finish == FINISH_SAFE_WITH_CB) {
            int rc = handler.onMessageComplete(this);
            if (rc != Http1Handler.OK && rc != Http1Handler.PAUSE) {
                return fail(Http1Error.CB_MESSAGE_COMPLETE, "`on_message_complete` callback error", 0);
            }
        } else if (finish == FINISH_UNSAFE) {
            return fail(Http1Error.INVALID_EOF_STATE, "Invalid EOF state", 0);
        }
        return null;
    }

    /** Pauses at the next callback (when called from a handler) or before the next execute. */
    public void pause() {
        pauseRequested = true;
    }

    /** Clears a pause; the caller then executes the bytes that were not consumed. */
    public void resume() {
        pauseRequested = false;
        if (error == Http1Error.PAUSED) {
            clearError();
        }
    }

    /** Continues after an upgrade or CONNECT, to parse a following HTTP message (rarely wanted). */
    public void resumeAfterUpgrade() {
        if (error == Http1Error.PAUSED_UPGRADE) {
            clearError();
        }
    }

    /** Forgets everything but kind, handler and settings, to parse a new connection. */
    public void reset() {
        state = START;
        contentLength = 0;
        method = major = minor = statusCode = flags = headerState = protocol = 0;
        upgrade = initialMessageCompleted = pauseRequested = headResponse = halted = false;
        finish = FINISH_SAFE;
        spanKind = SPAN_NONE;
        headerBytes = headerCount = chunkExtensionBytes = 0;
        clearError();
    }

    /** Client side: the response being parsed answers a HEAD request, so it has no body. */
    public void headResponse(boolean head) {
        headResponse = head;
    }

    /**
     * During a {@code ...Complete} callback, the absolute offset in the current buffer of the
     * byte the parser stands at (one past the item's last byte, or past its line end).
     */
    public int position() {
        return callbackPos;
    }

    public Kind kind() {
        return isRequest ? Kind.REQUEST : Kind.RESPONSE;
    }

    /** The current error or pause, null when none. */
    public Http1Error error() {
        return error;
    }

    /** llhttp's (and Node's {@code err.reason}) text for the current error. */
    public String errorReason() {
        return reason;
    }

    /** The error as Node reports it to users ({@code code}, {@code reason}), or null. */
    public Http1ParseException errorException(int bytesParsed) {
        return error == null ? null : new Http1ParseException(error, reason, bytesParsed);
    }

    /** The request method (valid from onMethodComplete). */
    public Http1Method method() {
        return Http1Method.of(method);
    }

    public int statusCode() {
        return statusCode;
    }

    public int httpMajor() {
        return major;
    }

    public int httpMinor() {
        return minor;
    }

    /** Content-Length from the headers; during a chunk, the bytes of that chunk still to come. */
    public long contentLength() {
        return contentLength;
    }

    /** The F_* bits of the current message. */
    public int flags() {
        return flags;
    }

    /** True when the message switches protocol (Upgrade, CONNECT); valid from onHeadersComplete. */
    public boolean upgrade() {
        return upgrade;
    }

    /** 0 safe, 1 safe once finish() reports the message, 2 EOF now would cut a message short. */
    public int finishState() {
        return finish;
    }

    /** Whether the body runs to EOF (responses without length); llhttp_message_needs_eof. */
    public boolean messageNeedsEof() {
        if (isRequest || statusCode / 100 == 1 || statusCode == 204 || statusCode == 304
                || (flags & F_SKIPBODY) != 0) {
            return false;
        }
        if ((flags & F_TRANSFER_ENCODING) != 0 && (flags & F_CHUNKED) == 0) {
            return true;
        }
        return (flags & (F_CHUNKED | F_CONTENT_LENGTH)) == 0;
    }

    /** Whether the connection stays open after this message (HTTP/1.1 default, 1.0 opt-in). */
    public boolean shouldKeepAlive() {
        if (major > 0 && minor > 0) {
            if ((flags & F_CONNECTION_CLOSE) != 0) {
                return false;
            }
        } else if ((flags & F_CONNECTION_KEEP_ALIVE) == 0) {
            return false;
        }
        return !messageNeedsEof();
    }

    // ---- the step loop ----

    private int run(ByteBuffer b, int start, int end) {
        if (error != null) {
            return 0;
        }
        if (pauseRequested) {
            pauseRequested = false;
            stop(Http1Error.PAUSED, "Paused", start);
            return 0;
        }
        halted = false;
        if (spanKind != SPAN_NONE) {
            spanStart = start;
        }
        try {
            int p = start;
            while (!halted) {
                int s = state;
                if (s < HEADERS_BASE) {
                    p = Http1StartLine.step(this, b, p, end);
                } else if (s < BODY_BASE) {
                    p = Http1HeaderStates.step(this, b, p, end);
                } else {
                    p = Http1BodyStates.step(this, b, p, end);
                }
            }
            if (error == null && spanKind != SPAN_NONE && spanStart < end) {
                emit(spanKind, b, spanStart, end);
            }
        } catch (RuntimeException e) {
            fail(Http1Error.USER, "Callback threw " + e, start);
            throw e;
        }
        return error != null ? errorPos - start : end - start;
    }

    /** Ends the step loop because the input is used up; the state waits for more. */
    int suspend(int p) {
        halted = true;
        return p;
    }

    /** Fails the parser (the first error wins); it refuses all input from now on. */
    Http1Error fail(Http1Error e, String why, int p) {
        if (error == null) {
            error = e;
            reason = why;
            errorPos = p;
        }
        halted = true;
        return e;
    }

    int failAt(Http1Error e, String why, int p) {
        fail(e, why, p);
        return p;
    }

    void stop(Http1Error pause, String why, int p) {
        fail(pause, why, p);
    }

    private void clearError() {
        error = null;
        reason = null;
        errorPos = 0;
    }

    boolean lenient(Http1Lenient flag) {
        return (lenient & flag.bit) != 0;
    }

    void startTrie(Http1Trie trie) {
        trieMask = trie.all;
        trieIndex = 0;
    }

    // ---- spans ----

    void spanStart(int kind, int p) {
        spanKind = kind;
        spanStart = p;
    }

    /** Ends the open span at p and reports it, even when empty (an empty header value). */
    void spanEnd(ByteBuffer b, int p) {
        int kind = spanKind;
        spanKind = SPAN_NONE;
        emit(kind, b, spanStart, p);
    }

    private void emit(int kind, ByteBuffer b, int from, int to) {
        int len = to - from;
        Http1Handler h = handler;
        switch (kind) {
            case SPAN_METHOD -> h.onMethod(b, from, len);
            case SPAN_URL -> {
                if (countHead(len, to)) {
                    h.onUrl(b, from, len);
                }
            }
            case SPAN_PROTOCOL -> h.onProtocol(b, from, len);
            case SPAN_VERSION -> h.onVersion(b, from, len);
            case SPAN_STATUS -> {
                if (countHead(len, to)) {
                    h.onStatus(b, from, len);
                }
            }
            case SPAN_FIELD -> {
                if (countHead(len, to) && reportingHeaders()) {
                    h.onHeaderField(b, from, len);
                }
            }
            case SPAN_VALUE -> {
                if (countHead(len, to) && reportingHeaders()) {
                    h.onHeaderValue(b, from, len);
                }
            }
            case SPAN_BODY -> h.onBody(b, from, len);
            case SPAN_EXT_NAME -> {
                if (countExtensions(len, to)) {
                    h.onChunkExtensionName(b, from, len);
                }
            }
            case SPAN_EXT_VALUE -> {
                if (countExtensions(len, to)) {
                    h.onChunkExtensionValue(b, from, len);
                }
            }
            default -> throw new IllegalStateException("span " + kind);
        }
    }

    /** Node's header size rule: URL, status text, names and values together stay below the limit. */
    private boolean countHead(int len, int p) {
        int max = settings.maxHeaderSize();
        if (max > 0 && (headerBytes += len) >= max) {
            fail(Http1Error.HEADER_OVERFLOW, "Header overflow", p);
            return false;
        }
        return error == null;
    }

    private boolean countExtensions(int len, int p) {
        int max = settings.maxChunkExtensionsSize();
        if (max > 0 && (chunkExtensionBytes += len) > max) {
            fail(Http1Error.CHUNK_EXTENSIONS_OVERFLOW, "Chunk extensions overflow", p);
            return false;
        }
        return error == null;
    }

    boolean reportingHeaders() {
        int max = settings.maxHeadersCount();
        return max == 0 || headerCount <= max;
    }

    // ---- callbacks ----

    /** Fires a ...Complete callback, then continues at next, pauses there, or fails. */
    void callback(Http1Error which, int next, int p) {
        state = next;
        if (halted) {
            return;
        }
        callbackPos = p;
        int rc = Http1Callbacks.call(this, which);
        if (pauseRequested) {
            pauseRequested = false;
            rc = rc == Http1Handler.OK ? Http1Handler.PAUSE : rc;
        }
        if (rc == Http1Handler.OK) {
            return;
        }
        if (rc == Http1Handler.PAUSE) {
            stop(Http1Error.PAUSED, "`" + Http1Callbacks.name(which) + "` pause", p);
        } else {
            fail(which, "`" + Http1Callbacks.name(which) + "` callback error", p);
        }
    }

    /** Moves to CLEANUP after an upgrade: the rest of the bytes belong to another protocol. */
    void upgradePause(int p) {
        state = CLEANUP;
        stop(Http1Error.PAUSED_UPGRADE, "Pause on CONNECT/Upgrade", p);
    }
}
