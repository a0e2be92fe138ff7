package dev.eventide.http;

import static dev.eventide.http.Http1Chars.LIST_ELEMENT;
import static dev.eventide.http.Http1Error.INVALID_CONTENT_LENGTH;
import static dev.eventide.http.Http1Error.INVALID_TRANSFER_ENCODING;
import static dev.eventide.http.Http1HeaderStates.*;
import static dev.eventide.http.Http1Parser.F_CHUNKED;
import static dev.eventide.http.Http1Parser.F_CONTENT_LENGTH;
import static dev.eventide.http.Http1Parser.F_TRANSFER_ENCODING;
import static dev.eventide.http.Http1Parser.F_UPGRADE;
import static dev.eventide.http.Http1States.*;

import java.nio.ByteBuffer;

/**
 * Values of the headers that decide message framing, checked as they stream by: the digits
 * of Content-Length (no duplicates, no overflow), the codings of Transfer-Encoding (chunked
 * must come last in a request, and never with Content-Length) and the tokens of Connection.
 * These are the request smuggling defences. Stateless; runs on the parser's thread.
 */
final class Http1FramingHeaders {
    private Http1FramingHeaders() {}

    static final Http1Trie CHUNKED = new Http1Trie(true, "chunked");
    /** Connection tokens, in the order of CONNECTION_STATE. */
    static final Http1Trie TOKENS = new Http1Trie(true, "close", "upgrade", "keep-alive");
    private static final int[] CONNECTION_STATE = {H_CONNECTION_CLOSE, H_CONNECTION_UPGRADE,
        H_CONNECTION_KEEP_ALIVE};

    /** After "Name:": Content-Length and Transfer-Encoding exclude each other. */
    static void afterField(Http1Parser s, int p) {
        boolean strict = !s.lenient(Http1Lenient.CHUNKED_LENGTH);
        if (s.headerState == H_TRANSFER_ENCODING && (s.flags & F_CONTENT_LENGTH) != 0 && strict) {
            s.fail(INVALID_TRANSFER_ENCODING, "Transfer-Encoding can't be present with Content-Length", p);
        } else if (s.headerState == H_CONTENT_LENGTH && (s.flags & F_TRANSFER_ENCODING) != 0 && strict) {
            s.fail(INVALID_CONTENT_LENGTH, "Content-Length can't be present with Transfer-Encoding", p);
        } else {
            s.state = VALUE_DISCARD_WS;
        }
    }

    /** The first byte of a value (at p, present): pick the scanner for this header. */
    static int valueStart(Http1Parser s, ByteBuffer b, int p) {
        switch (s.headerState) {
            case H_UPGRADE -> {
                s.flags |= F_UPGRADE;
                s.headerState = H_GENERAL;
                s.state = VALUE;
            }
            case H_TRANSFER_ENCODING -> {
                if ((s.flags & F_CHUNKED) != 0 && forbidAfterChunked(s)) {
                    s.spanEnd(b, p);
                    return s.failAt(INVALID_TRANSFER_ENCODING, "Invalid `Transfer-Encoding` header value", p + 1);
                }
                s.flags = (s.flags | F_TRANSFER_ENCODING) & ~F_CHUNKED;
                s.startTrie(CHUNKED);
                s.state = TE_CHUNKED;
            }
            case H_CONTENT_LENGTH -> {
                if ((s.flags & F_CONTENT_LENGTH) != 0) {
                    return s.failAt(Http1Error.UNEXPECTED_CONTENT_LENGTH, "Duplicate Content-Length", p);
                }
                s.state = CONTENT_LENGTH;
            }
            case H_CONNECTION -> {
                s.startTrie(TOKENS);
                s.state = CONNECTION;
            }
            default -> s.state = VALUE;
        }
        return p;
    }

    /** RFC 9112 6.1: in a request nothing may follow chunked (a smuggling vector). */
    private static boolean forbidAfterChunked(Http1Parser s) {
        return s.isRequest && !s.lenient(Http1Lenient.TRANSFER_ENCODING);
    }

    static int step(Http1Parser s, ByteBuffer b, int p, int end, int c) {
        return switch (s.state) {
            case TE_CHUNKED -> chunked(s, b, p, end);
            case TE_CHUNKED_LAST -> afterChunked(s, b, p, c);
            case TE_TOKEN -> coding(s, p, c);
            case TE_TOKEN_OWS -> {
                if (c == ' ' || c == '\t') {
                    yield p + 1;
                }
                s.startTrie(CHUNKED);
                s.state = TE_CHUNKED;
                yield p;
            }
            case CONTENT_LENGTH -> contentLength(s, b, p, c);
            case CONTENT_LENGTH_WS -> contentLengthEnd(s, b, p, c);
            case CONNECTION -> connection(s, b, p, end);
            case CONNECTION_WS -> afterConnectionToken(s, p, c);
            case CONNECTION_TOKEN -> otherConnectionToken(s, p, c);
            default -> throw new IllegalStateException("state " + s.state);
        };
    }

    private static int chunked(Http1Parser s, ByteBuffer b, int p, int end) {
        for (; p < end; p++) {
            int r = CHUNKED.feed(s, b.get(p) & 0xff);
            if (r == Http1Trie.MORE) {
                continue;
            }
            s.state = r >= 0 ? TE_CHUNKED_LAST : TE_TOKEN;
            return r >= 0 ? p + 1 : p;
        }
        return s.suspend(p);
    }

    private static int afterChunked(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c == ' ') {
            return p + 1;
        }
        if (c == '\r' || c == '\n') {
            s.headerState = H_TRANSFER_ENCODING_CHUNKED;
            s.state = VALUE_OTHERWISE;
        } else if (c == ',') {
            if (forbidAfterChunked(s)) {
                s.spanEnd(b, p);
                return s.failAt(INVALID_TRANSFER_ENCODING, "Invalid `Transfer-Encoding` header value", p + 1);
            }
            s.startTrie(CHUNKED);
            s.state = TE_CHUNKED;
        } else {
            s.state = TE_TOKEN;
        }
        return p;
    }

    private static int coding(Http1Parser s, int p, int c) {
        if (c == ',') {
            s.state = TE_TOKEN_OWS;
            return p + 1;
        }
        if (LIST_ELEMENT[c]) {
            return p + 1;
        }
        s.headerState = H_GENERAL;
        s.state = VALUE;
        return p;
    }

    private static int contentLength(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c < '0' || c > '9') {
            s.state = CONTENT_LENGTH_WS;
            return p;
        }
        long n = s.contentLength;
        int digit = c - '0';
        // Unsigned 64-bit, as llhttp: n * 10 + digit must not wrap.
        if (Long.compareUnsigned(n, Long.divideUnsigned(-1L, 10)) > 0
                || Long.compareUnsigned(n * 10, -1L - digit) > 0) {
            s.spanEnd(b, p + 1);
            return s.failAt(INVALID_CONTENT_LENGTH, "Content-Length overflow", p + 1);
        }
        s.contentLength = n * 10 + digit;
        return p + 1;
    }

    private static int contentLengthEnd(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c == ' ' || c == '\t') {
            return p + 1;
        }
        if (c == '\r' || c == '\n') {
            s.flags |= F_CONTENT_LENGTH;
            s.state = VALUE_OTHERWISE;
            return p;
        }
        s.spanEnd(b, p);
        return s.failAt(INVALID_CONTENT_LENGTH, "Invalid character in Content-Length", p);
    }

    private static int connection(Http1Parser s, ByteBuffer b, int p, int end) {
        for (; p < end; p++) {
            int c = b.get(p) & 0xff;
            if (s.trieIndex == 0 && (c == ' ' || c == '\t')) {
                continue;
            }
            int r = TOKENS.feed(s, c);
            if (r == Http1Trie.MORE) {
                continue;
            }
            if (r >= 0) {
                s.headerState = CONNECTION_STATE[r];
                s.state = CONNECTION_WS;
                return p + 1;
            }
            s.state = CONNECTION_TOKEN;
            return p;
        }
        return s.suspend(p);
    }

    private static int afterConnectionToken(Http1Parser s, int p, int c) {
        if (c == ',') {
            setHeaderFlags(s);
            s.startTrie(TOKENS);
            s.state = CONNECTION;
            return p + 1;
        }
        if (c == ' ' || c == '\t') {
            return p + 1;
        }
        if (c == '\r' || c == '\n') {
            s.state = VALUE_OTHERWISE;
            return p;
        }
        s.headerState = H_GENERAL;
        s.state = CONNECTION_TOKEN;
        return p;
    }

    private static int otherConnectionToken(Http1Parser s, int p, int c) {
        if (c == ',') {
            s.startTrie(TOKENS);
            s.state = CONNECTION;
            return p + 1;
        }
        if (LIST_ELEMENT[c]) {
            return p + 1;
        }
        s.state = VALUE_OTHERWISE;
        return p;
    }
}
