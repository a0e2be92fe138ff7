package dev.eventide.http;

import static dev.eventide.http.Http1Chars.HEADER;
import static dev.eventide.http.Http1Chars.RELAXED;
import static dev.eventide.http.Http1Chars.TOKEN;
import static dev.eventide.http.Http1Error.CB_CHUNK_COMPLETE;
import static dev.eventide.http.Http1Error.CB_HEADER_FIELD_COMPLETE;
import static dev.eventide.http.Http1Error.CB_HEADER_VALUE_COMPLETE;
import static dev.eventide.http.Http1Error.INVALID_HEADER_TOKEN;
import static dev.eventide.http.Http1Lenient.HEADERS;
import static dev.eventide.http.Http1Lenient.OPTIONAL_CR_BEFORE_LF;
import static dev.eventide.http.Http1Parser.SPAN_FIELD;
import static dev.eventide.http.Http1Parser.SPAN_VALUE;
import static dev.eventide.http.Http1States.*;

import java.nio.ByteBuffer;

/**
 * The header and trailer states of {@link Http1Parser}: field names, the generic value
 * scanner, and the values that decide framing (Content-Length, Transfer-Encoding,
 * Connection, Upgrade), which are checked as they stream by. Stateless; runs on the
 * parser's thread. Values of the framing headers go to {@link Http1FramingHeaders}.
 */
final class Http1HeaderStates {
    private Http1HeaderStates() {}

    // llhttp's header_state values.
    static final int H_GENERAL = 0;
    static final int H_CONNECTION = 1;
    static final int H_CONTENT_LENGTH = 2;
    static final int H_TRANSFER_ENCODING = 3;
    static final int H_UPGRADE = 4;
    static final int H_CONNECTION_KEEP_ALIVE = 5;
    static final int H_CONNECTION_CLOSE = 6;
    static final int H_CONNECTION_UPGRADE = 7;
    static final int H_TRANSFER_ENCODING_CHUNKED = 8;

    /** Header names that decide framing; recognised case-insensitively without a String. */
    static final Http1Trie SPECIAL = new Http1Trie(true,
            "connection", "content-length", "proxy-connection", "transfer-encoding", "upgrade");
    private static final int[] SPECIAL_STATE = {H_CONNECTION, H_CONTENT_LENGTH, H_CONNECTION,
        H_TRANSFER_ENCODING, H_UPGRADE};

    static int step(Http1Parser s, ByteBuffer b, int p, int end) {
        switch (s.state) {
            case AFTER_FIELD -> {
                Http1FramingHeaders.afterField(s, p);
                return p;
            }
            case VALUE_START -> {
                return Http1FramingHeaders.valueStart(s, b, p);
            }
            case HEADERS_DONE -> {
                Http1BodyStates.afterHeadersComplete(s, p);
                return p;
            }
            default -> { }
        }
        if (p == end) {
            return s.suspend(p);
        }
        return byteStep(s, b, p, end, b.get(p) & 0xff);
    }

    private static int byteStep(Http1Parser s, ByteBuffer b, int p, int end, int c) {
        return switch (s.state) {
            case HEADERS_START -> headersStart(s, p, c);
            case FIELD_START -> fieldStart(s, p, c);
            case FIELD -> field(s, b, p, end);
            case FIELD_COLON, FIELD_COLON_WS -> colon(s, b, p, c);
            case FIELD_GENERAL -> fieldGeneral(s, b, p, end);
            case VALUE_DISCARD_WS -> discardWhitespace(s, p, c);
            case VALUE_DISCARD_WS_ALMOST_DONE -> discardWhitespaceLf(s, p, c);
            case VALUE_DISCARD_LWS -> discardFold(s, b, p, c);
            case TE_CHUNKED, TE_CHUNKED_LAST, TE_TOKEN, TE_TOKEN_OWS, CONTENT_LENGTH,
                 CONTENT_LENGTH_WS, CONNECTION, CONNECTION_WS, CONNECTION_TOKEN ->
                    Http1FramingHeaders.step(s, b, p, end, c);
            case VALUE -> value(s, b, p, end);
            case VALUE_OTHERWISE -> valueOtherwise(s, b, p, c);
            case VALUE_LENIENT -> valueLenient(s, b, p, c);
            case VALUE_RELAXED -> valueRelaxed(s, b, p, c);
            case VALUE_ALMOST_DONE -> valueLf(s, p, c);
            case VALUE_LWS -> afterValueLine(s, p, c);
            case HEADERS_ALMOST_DONE -> headersLf(s, p, c);
            default -> throw new IllegalStateException("state " + s.state);
        };
    }

    private static int headersStart(Http1Parser s, int p, int c) {
        if (c == ' ') {
            if (!s.lenient(HEADERS)) {
                return s.failAt(Http1Error.UNEXPECTED_SPACE, "Unexpected space after start line", p + 1);
            }
            p++;
        }
        s.state = FIELD_START;
        return p;
    }

    private static int fieldStart(Http1Parser s, int p, int c) {
        if (c == '\r') {
            s.state = HEADERS_ALMOST_DONE;
            return p + 1;
        }
        if (c == '\n') {
            if (!s.lenient(OPTIONAL_CR_BEFORE_LF)) {
                return s.failAt(INVALID_HEADER_TOKEN, "Invalid header field char", p + 1);
            }
            endOfHead(s, p + 1);
            return p + 1;
        }
        if (c == ':') {
            return s.failAt(INVALID_HEADER_TOKEN, "Invalid header token", p);
        }
        s.headerCount++;
        s.spanStart(SPAN_FIELD, p);
        s.startTrie(SPECIAL);
        s.state = FIELD;
        return p;
    }

    private static int field(Http1Parser s, ByteBuffer b, int p, int end) {
        for (; p < end; p++) {
            int r = SPECIAL.feed(s, b.get(p) & 0xff);
            if (r == Http1Trie.MORE) {
                continue;
            }
            if (r == Http1Trie.MISMATCH) {
                s.headerState = H_GENERAL;
                s.state = FIELD_GENERAL;
                return p;
            }
            s.headerState = SPECIAL_STATE[r >= 0 ? r : -3 - r];
            s.state = FIELD_COLON;
            return r >= 0 ? p + 1 : p;
        }
        return s.suspend(p);
    }

    /** After a special name: the colon must follow at once (llhttp allows spaces only when lenient). */
    private static int colon(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c == ' ') {
            if (s.state == FIELD_COLON_WS) {
                return p + 1;
            }
            if (s.lenient(HEADERS)) {
                s.state = FIELD_COLON_WS;
                return p + 1;
            }
            s.spanEnd(b, p);
            return s.failAt(INVALID_HEADER_TOKEN, "Invalid header field char", p + 1);
        }
        if (s.state == FIELD_COLON_WS) {
            s.state = FIELD_COLON;
            return p;
        }
        if (c == ':') {
            return fieldComplete(s, b, p);
        }
        s.headerState = H_GENERAL;
        s.state = FIELD_GENERAL;
        return p;
    }

    private static int fieldGeneral(Http1Parser s, ByteBuffer b, int p, int end) {
        while (p < end && TOKEN[b.get(p) & 0xff]) {
            p++;
        }
        if (p == end) {
            return s.suspend(p);
        }
        if (b.get(p) == ':') {
            return fieldComplete(s, b, p);
        }
        return s.failAt(INVALID_HEADER_TOKEN, "Invalid header token", p);
    }

    private static int fieldComplete(Http1Parser s, ByteBuffer b, int p) {
        s.spanEnd(b, p);
        s.callback(CB_HEADER_FIELD_COMPLETE, AFTER_FIELD, p + 1);
        return p + 1;
    }

    private static int discardWhitespace(Http1Parser s, int p, int c) {
        if (c == ' ' || c == '\t') {
            return p + 1;
        }
        if (c == '\r') {
            s.state = VALUE_DISCARD_WS_ALMOST_DONE;
            return p + 1;
        }
        if (c == '\n') {
            if (!s.lenient(OPTIONAL_CR_BEFORE_LF)) {
                return s.failAt(INVALID_HEADER_TOKEN, "Invalid header value char", p + 1);
            }
            s.state = VALUE_DISCARD_LWS;
            return p + 1;
        }
        s.spanStart(SPAN_VALUE, p);
        s.state = VALUE_START;
        return p;
    }

    private static int discardWhitespaceLf(Http1Parser s, int p, int c) {
        if (c == '\n') {
            s.state = VALUE_DISCARD_LWS;
            return p + 1;
        }
        if (s.lenient(HEADERS)) {
            s.state = VALUE_DISCARD_LWS;
            return p;
        }
        return s.failAt(Http1Error.STRICT, "Expected LF after CR", p);
    }

    /** After "Name:" and an empty line end: a fold continues the value, anything else ends it empty. */
    private static int discardFold(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c == ' ' || c == '\t') {
            if (!s.lenient(HEADERS)) {
                return s.failAt(INVALID_HEADER_TOKEN, "Invalid header value char", p + 1);
            }
            s.state = VALUE_DISCARD_WS;
            return p + 1;
        }
        if (s.headerState == H_CONTENT_LENGTH) {
            return s.failAt(Http1Error.INVALID_CONTENT_LENGTH, "Empty Content-Length", p);
        }
        if (s.headerState == H_TRANSFER_ENCODING) {
            return s.failAt(Http1Error.INVALID_TRANSFER_ENCODING, "Empty Transfer-Encoding", p);
        }
        setHeaderFlags(s);
        s.spanStart(SPAN_VALUE, p);
        s.spanEnd(b, p);
        s.callback(CB_HEADER_VALUE_COMPLETE, FIELD_START, p);
        return p;
    }

    private static int value(Http1Parser s, ByteBuffer b, int p, int end) {
        while (p < end && HEADER[b.get(p) & 0xff]) {
            p++;
        }
        if (p == end) {
            return s.suspend(p);
        }
        s.state = VALUE_OTHERWISE;
        return p;
    }

    private static int valueOtherwise(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c == '\r') {
            s.spanEnd(b, p);
            s.state = VALUE_ALMOST_DONE;
            return p + 1;
        }
        if (c == '\n') {
            s.spanEnd(b, p);
            if (!s.lenient(OPTIONAL_CR_BEFORE_LF)) {
                return s.failAt(Http1Error.CR_EXPECTED, "Missing expected CR after header value", p);
            }
            s.state = VALUE_ALMOST_DONE;
            return p;
        }
        if (s.lenient(HEADERS)) {
            s.state = VALUE_LENIENT;
        } else if (s.lenient(Http1Lenient.HEADER_VALUE_RELAXED)) {
            s.state = VALUE_RELAXED;
        } else {
            s.spanEnd(b, p);
            return s.failAt(INVALID_HEADER_TOKEN, "Invalid header value char", p);
        }
        return p;
    }

    private static int valueLenient(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c == '\r' || c == '\n') {
            s.spanEnd(b, p);
            s.state = VALUE_ALMOST_DONE;
            return c == '\r' ? p + 1 : p;
        }
        return p + 1;
    }

    private static int valueRelaxed(Http1Parser s, ByteBuffer b, int p, int c) {
        if (RELAXED[c]) {
            s.state = VALUE;
            return p + 1;
        }
        s.spanEnd(b, p);
        return s.failAt(INVALID_HEADER_TOKEN, "Invalid header value char", p);
    }

    private static int valueLf(Http1Parser s, int p, int c) {
        if (c != '\n') {
            return s.failAt(Http1Error.LF_EXPECTED, "Missing expected LF after header value", p);
        }
        s.state = VALUE_LWS;
        return p + 1;
    }

    /** The byte after a value's line end: obs-fold (refused unless lenient) or the next line. */
    private static int afterValueLine(Http1Parser s, int p, int c) {
        if (c == ' ' || c == '\t') {
            if (!s.lenient(HEADERS)) {
                return s.failAt(INVALID_HEADER_TOKEN, "Unexpected whitespace after header value", p);
            }
            if (s.headerState == H_TRANSFER_ENCODING_CHUNKED) {
                s.headerState = H_GENERAL;
            }
            s.spanStart(SPAN_VALUE, p);
            s.state = VALUE_START;
            return p;
        }
        setHeaderFlags(s);
        s.callback(CB_HEADER_VALUE_COMPLETE, FIELD_START, p);
        return p;
    }

    private static int headersLf(Http1Parser s, int p, int c) {
        if (c == '\n') {
            endOfHead(s, p + 1);
            return p + 1;
        }
        if (s.lenient(Http1Lenient.OPTIONAL_LF_AFTER_CR)) {
            endOfHead(s, p);
            return p;
        }
        return s.failAt(Http1Error.STRICT, "Expected LF after headers", p);
    }

    /** The empty line: the end of the trailers (and so of the message), or of the headers. */
    private static void endOfHead(Http1Parser s, int p) {
        if ((s.flags & Http1Parser.F_TRAILING) != 0) {
            s.callback(CB_CHUNK_COMPLETE, MESSAGE_DONE, p);
        } else {
            Http1BodyStates.headersComplete(s, p);
        }
    }

    /** Folds a finished Connection token or chunked coding into the message flags. */
    static void setHeaderFlags(Http1Parser s) {
        switch (s.headerState) {
            case H_CONNECTION_KEEP_ALIVE -> connection(s, Http1Parser.F_CONNECTION_KEEP_ALIVE);
            case H_CONNECTION_CLOSE -> connection(s, Http1Parser.F_CONNECTION_CLOSE);
            case H_CONNECTION_UPGRADE -> connection(s, Http1Parser.F_CONNECTION_UPGRADE);
            case H_TRANSFER_ENCODING_CHUNKED -> s.flags |= Http1Parser.F_CHUNKED;
            default -> { }
        }
    }

    private static void connection(Http1Parser s, int flag) {
        s.flags |= flag;
        s.headerState = H_CONNECTION;
    }
}
