package dev.eventide.http;

import static dev.eventide.http.Http1Chars.isAlpha;
import static dev.eventide.http.Http1Error.CB_MESSAGE_BEGIN;
import static dev.eventide.http.Http1Error.CB_METHOD_COMPLETE;
import static dev.eventide.http.Http1Error.CB_PROTOCOL_COMPLETE;
import static dev.eventide.http.Http1Error.CB_RESET;
import static dev.eventide.http.Http1Error.CB_STATUS_COMPLETE;
import static dev.eventide.http.Http1Error.CB_URL_COMPLETE;
import static dev.eventide.http.Http1Error.CB_VERSION_COMPLETE;
import static dev.eventide.http.Http1Error.CR_EXPECTED;
import static dev.eventide.http.Http1Error.INVALID_CONSTANT;
import static dev.eventide.http.Http1Error.INVALID_STATUS;
import static dev.eventide.http.Http1Error.INVALID_URL;
import static dev.eventide.http.Http1Error.INVALID_VERSION;
import static dev.eventide.http.Http1Error.STRICT;
import static dev.eventide.http.Http1Lenient.OPTIONAL_CR_BEFORE_LF;
import static dev.eventide.http.Http1Lenient.OPTIONAL_LF_AFTER_CR;
import static dev.eventide.http.Http1States.*;

import java.nio.ByteBuffer;

/**
 * The request line and status line states of {@link Http1Parser}, up to the first header.
 * Stateless: every step reads and writes the parser passed in, on the parser's thread.
 * Each step handles the state the parser is in and returns the new input position.
 */
final class Http1StartLine {
    private Http1StartLine() {}

    static final Http1Trie METHODS = Http1Method.trie();
    /** HTTP, RTSP, ICE: the word index is Http1Parser.protocol. */
    static final Http1Trie PROTOCOLS = new Http1Trie(false, "HTTP", "RTSP", "ICE");
    private static final byte[] H2_PREFACE = "\r\n\r\nSM\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    static int step(Http1Parser s, ByteBuffer b, int p, int end) {
        switch (s.state) {
            case AFTER_START -> {
                afterStart(s, p);
                return p;
            }
            case TYPE_SWITCH -> {
                typeSwitch(s, p);
                return p;
            }
            case CHECK_METHOD -> {
                checkMethod(s, p);
                return p;
            }
            case AFTER_VERSION -> {
                if (s.isRequest) {
                    afterRequestVersion(s);
                    return p;
                }
            }
            default -> { }
        }
        if (p == end) {
            return s.suspend(p);
        }
        return byteStep(s, b, p, end, b.get(p) & 0xff);
    }

    // The states below wait for a byte: c is the byte at p.
    private static int byteStep(Http1Parser s, ByteBuffer b, int p, int end, int c) {
        return switch (s.state) {
            case START -> start(s, p, c);
            case METHOD -> method(s, b, p, end);
            case FIRST_SPACE -> firstSpace(s, p, c);
            case SPACES_BEFORE_URL -> spacesBeforeUrl(s, p, c);
            case URL_START, URL_SCHEMA, URL_SCHEMA_DELIM, URL_SERVER, URL_SERVER_AT, URL_PATH,
                 URL_QUERY_OR_FRAGMENT, URL_QUERY, URL_FRAGMENT, URL_SKIP_TO_HTTP,
                 URL_SKIP_TO_HTTP09_LF, URL_SKIP_CRLF -> Http1Url.step(s, b, p, end, c);
            case HTTP_START -> httpStart(s, p, c);
            case PROTOCOL -> protocol(s, b, p, end);
            case AFTER_PROTOCOL -> afterProtocol(s, p, c);
            case MAJOR, DOT, MINOR -> version(s, b, p, c);
            case AFTER_VERSION -> afterVersion(s, p, c);
            case REQ_COMPLETE -> requestLineEnd(s, p, c);
            case REQ_COMPLETE_CRLF -> requestLineLf(s, p, c);
            case PRI_UPGRADE -> priUpgrade(s, p, c);
            case STATUS_1, STATUS_2, STATUS_3 -> statusDigit(s, p, c);
            case STATUS_OTHERWISE -> afterStatusCode(s, p, c);
            case RES_STATUS -> reasonPhrase(s, b, p, end);
            case RES_LINE_ALMOST_DONE -> statusLineLf(s, p, c);
            default -> throw new IllegalStateException("state " + s.state);
        };
    }

    private static int start(Http1Parser s, int p, int c) {
        if (c == '\r' || c == '\n') {
            return p + 1;
        }
        if (s.initialMessageCompleted) {
            s.callback(CB_RESET, AFTER_START, p);
        } else {
            s.state = AFTER_START;
        }
        return p;
    }

    private static void afterStart(Http1Parser s, int p) {
        s.finish = Http1Parser.FINISH_UNSAFE;
        s.headerBytes = 0;
        s.headerCount = 0;
        s.callback(CB_MESSAGE_BEGIN, TYPE_SWITCH, p);
    }

    private static void typeSwitch(Http1Parser s, int p) {
        if (s.isRequest) {
            s.spanStart(Http1Parser.SPAN_METHOD, p);
            s.startTrie(METHODS);
            s.state = METHOD;
        } else {
            s.spanStart(Http1Parser.SPAN_PROTOCOL, p);
            s.startTrie(PROTOCOLS);
            s.state = PROTOCOL;
        }
    }

    private static int method(Http1Parser s, ByteBuffer b, int p, int end) {
        for (; p < end; p++) {
            int r = METHODS.feed(s, b.get(p) & 0xff);
            if (r == Http1Trie.MORE) {
                continue;
            }
            if (r == Http1Trie.MISMATCH) {
                return s.failAt(Http1Error.INVALID_METHOD, "Invalid method encountered", p);
            }
            if (r >= 0) {
                p++;
            }
            s.method = r >= 0 ? r : -3 - r;
            s.spanEnd(b, p);
            s.callback(CB_METHOD_COMPLETE, FIRST_SPACE, p);
            return p;
        }
        return s.suspend(p);
    }

    private static int firstSpace(Http1Parser s, int p, int c) {
        if (c != ' ') {
            return s.failAt(Http1Error.INVALID_METHOD, "Expected space after method", p);
        }
        s.state = SPACES_BEFORE_URL;
        return p + 1;
    }

    private static int spacesBeforeUrl(Http1Parser s, int p, int c) {
        if (c == ' ') {
            return p + 1;
        }
        s.spanStart(Http1Parser.SPAN_URL, p);
        s.state = s.method == Http1Method.CONNECT.ordinal() ? URL_SERVER : URL_START;
        return p;
    }

    /** After the URL: the request line ends (HTTP/0.9) or names the protocol. */
    static void urlComplete(Http1Parser s, int p, boolean http09) {
        if (http09) {
            s.major = 0;
            s.minor = 9;
        }
        s.callback(CB_URL_COMPLETE, http09 ? HEADERS_START : HTTP_START, p);
    }

    private static int httpStart(Http1Parser s, int p, int c) {
        if (c == ' ') {
            return p + 1;
        }
        s.spanStart(Http1Parser.SPAN_PROTOCOL, p);
        s.startTrie(PROTOCOLS);
        s.state = PROTOCOL;
        return p;
    }

    private static int protocol(Http1Parser s, ByteBuffer b, int p, int end) {
        for (; p < end; p++) {
            int r = PROTOCOLS.feed(s, b.get(p) & 0xff);
            if (r == Http1Trie.MORE) {
                continue;
            }
            if (r < 0) {
                s.spanEnd(b, p);
                return s.failAt(INVALID_CONSTANT, "Expected HTTP/, RTSP/ or ICE/", p);
            }
            s.protocol = r;
            s.spanEnd(b, ++p);
            s.callback(CB_PROTOCOL_COMPLETE, s.isRequest ? CHECK_METHOD : AFTER_PROTOCOL, p);
            return p;
        }
        return s.suspend(p);
    }

    /** Each protocol allows its own methods (ICE only SOURCE). */
    private static void checkMethod(Http1Parser s, int p) {
        Http1Method m = Http1Method.of(s.method);
        String error = switch (s.protocol) {
            case 0 -> m.allowedWithHttp() ? null : "Invalid method for HTTP/x.x request";
            case 1 -> m.allowedWithRtsp() ? null : "Invalid method for RTSP/x.x request";
            default -> m == Http1Method.SOURCE ? null : "Expected SOURCE method for ICE/x.x request";
        };
        if (error != null) {
            s.fail(INVALID_CONSTANT, error, p);
        } else {
            s.state = AFTER_PROTOCOL;
        }
    }

    private static int afterProtocol(Http1Parser s, int p, int c) {
        if (c != '/') {
            return s.failAt(INVALID_CONSTANT, "Expected HTTP/, RTSP/ or ICE/", p);
        }
        s.spanStart(Http1Parser.SPAN_VERSION, p + 1);
        s.state = MAJOR;
        return p + 1;
    }

    private static int version(Http1Parser s, ByteBuffer b, int p, int c) {
        boolean digit = c >= '0' && c <= '9';
        if (s.state == MAJOR && digit) {
            s.major = c - '0';
            s.state = DOT;
            return p + 1;
        }
        if (s.state == DOT && c == '.') {
            s.state = MINOR;
            return p + 1;
        }
        if (s.state == MINOR && digit) {
            s.minor = c - '0';
            return versionComplete(s, b, p + 1);
        }
        s.spanEnd(b, p);
        String why = s.state == MAJOR ? "Invalid major version" : s.state == DOT ? "Expected dot" : "Invalid minor version";
        return s.failAt(INVALID_VERSION, why, p);
    }

    private static int versionComplete(Http1Parser s, ByteBuffer b, int p) {
        int v = s.major * 10 + s.minor;
        boolean known = v == 9 || v == 10 || v == 11 || v == 20;
        s.spanEnd(b, p);
        if (!known && !s.lenient(Http1Lenient.VERSION)) {
            return s.failAt(INVALID_VERSION, "Invalid HTTP version", p);
        }
        s.callback(CB_VERSION_COMPLETE, AFTER_VERSION, p);
        return p;
    }

    private static void afterRequestVersion(Http1Parser s) {
        if (s.method == Http1Method.PRI.ordinal()) {
            s.trieIndex = 0;
            s.state = PRI_UPGRADE;
        } else {
            s.state = REQ_COMPLETE;
        }
    }

    private static int afterVersion(Http1Parser s, int p, int c) {
        if (c != ' ') {
            return s.failAt(INVALID_VERSION, "Expected space after version", p);
        }
        s.statusCode = 0;
        s.state = STATUS_1;
        return p + 1;
    }

    private static int requestLineEnd(Http1Parser s, int p, int c) {
        if (c == '\r' || (c == '\n' && s.lenient(OPTIONAL_CR_BEFORE_LF))) {
            s.state = REQ_COMPLETE_CRLF;
            return p + 1;
        }
        return s.failAt(INVALID_VERSION, "Expected CRLF after version", c == '\n' ? p + 1 : p);
    }

    private static int requestLineLf(Http1Parser s, int p, int c) {
        if (c == '\n') {
            s.state = HEADERS_START;
            return p + 1;
        }
        if (s.lenient(OPTIONAL_LF_AFTER_CR)) {
            s.state = HEADERS_START;
            return p;
        }
        return s.failAt(STRICT, "Expected CRLF after version", p);
    }

    private static int priUpgrade(Http1Parser s, int p, int c) {
        if (c != (H2_PREFACE[s.trieIndex] & 0xff)) {
            return s.failAt(INVALID_VERSION, "Expected HTTP/2 Connection Preface", p);
        }
        if (++s.trieIndex == H2_PREFACE.length) {
            return s.failAt(Http1Error.PAUSED_H2_UPGRADE, "Pause on PRI/Upgrade", p + 1);
        }
        return p + 1;
    }

    private static int statusDigit(Http1Parser s, int p, int c) {
        if (c < '0' || c > '9') {
            return s.failAt(INVALID_STATUS, "Invalid status code", p);
        }
        s.statusCode = s.statusCode * 10 + (c - '0');
        s.state++;
        return p + 1;
    }

    private static int afterStatusCode(Http1Parser s, int p, int c) {
        if (c == ' ') {
            s.spanStart(Http1Parser.SPAN_STATUS, p + 1);
            s.state = RES_STATUS;
        } else if (c == '\r') {
            s.state = RES_LINE_ALMOST_DONE;
        } else if (c == '\n' && s.lenient(OPTIONAL_CR_BEFORE_LF)) {
            s.callback(CB_STATUS_COMPLETE, HEADERS_START, p + 1);
        } else {
            return s.failAt(INVALID_STATUS, "Invalid response status", c == '\n' ? p + 1 : p);
        }
        return p + 1;
    }

    private static int reasonPhrase(Http1Parser s, ByteBuffer b, int p, int end) {
        for (; p < end; p++) {
            int c = b.get(p);
            if (c == '\r') {
                s.spanEnd(b, p);
                s.state = RES_LINE_ALMOST_DONE;
                return p + 1;
            }
            if (c == '\n') {
                s.spanEnd(b, p);
                if (!s.lenient(OPTIONAL_CR_BEFORE_LF)) {
                    return s.failAt(CR_EXPECTED, "Missing expected CR after response line", p + 1);
                }
                s.callback(CB_STATUS_COMPLETE, HEADERS_START, p + 1);
                return p + 1;
            }
        }
        return s.suspend(p);
    }

    private static int statusLineLf(Http1Parser s, int p, int c) {
        if (c == '\n') {
            s.callback(CB_STATUS_COMPLETE, HEADERS_START, p + 1);
            return p + 1;
        }
        if (s.lenient(OPTIONAL_LF_AFTER_CR)) {
            s.callback(CB_STATUS_COMPLETE, HEADERS_START, p);
            return p;
        }
        return s.failAt(STRICT, "Expected LF after CR", p);
    }
}
