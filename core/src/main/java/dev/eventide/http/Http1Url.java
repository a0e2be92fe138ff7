package dev.eventide.http;

import static dev.eventide.http.Http1Chars.URL;
import static dev.eventide.http.Http1Chars.USERINFO;
import static dev.eventide.http.Http1Chars.isAlpha;
import static dev.eventide.http.Http1Error.CR_EXPECTED;
import static dev.eventide.http.Http1Error.INVALID_URL;
import static dev.eventide.http.Http1States.*;

import java.nio.ByteBuffer;

/**
 * The request-target states of {@link Http1Parser}: origin form ({@code /path?query#frag}),
 * absolute form ({@code http://host/path}), authority form (CONNECT's {@code host:port})
 * and {@code *}. The URL is reported as one span; checking it does not split it. Stateless,
 * runs on the parser's thread; c is the byte at p.
 */
final class Http1Url {
    private Http1Url() {}

    static int step(Http1Parser s, ByteBuffer b, int p, int end, int c) {
        return switch (s.state) {
            case URL_START -> start(s, p, c);
            case URL_SCHEMA -> schema(s, p, c);
            case URL_SCHEMA_DELIM -> schemaDelimiter(s, p, c);
            case URL_SERVER, URL_SERVER_AT -> server(s, b, p, c);
            case URL_PATH -> path(s, b, p, end);
            case URL_QUERY_OR_FRAGMENT -> queryOrFragment(s, b, p, c);
            case URL_QUERY -> query(s, b, p, c);
            case URL_FRAGMENT -> fragment(s, b, p, c);
            case URL_SKIP_TO_HTTP -> {
                Http1StartLine.urlComplete(s, p + 1, false);
                yield p + 1;
            }
            case URL_SKIP_TO_HTTP09_LF -> http09AfterBareLf(s, p + 1);
            case URL_SKIP_CRLF -> crlf(s, p, c);
            default -> throw new IllegalStateException("state " + s.state);
        };
    }

    private static int start(Http1Parser s, int p, int c) {
        if (c == '/' || c == '*') {
            s.state = URL_PATH;
            return p + 1;
        }
        if (isAlpha(c)) {
            s.state = URL_SCHEMA;
            return p;
        }
        return invalid(s, p, c, "Unexpected start char in url");
    }

    private static int schema(Http1Parser s, int p, int c) {
        if (isAlpha(c)) {
            return p + 1;
        }
        if (c == ':') {
            s.trieIndex = 0;
            s.state = URL_SCHEMA_DELIM;
            return p + 1;
        }
        return invalid(s, p, c, "Unexpected char in url schema");
    }

    private static int schemaDelimiter(Http1Parser s, int p, int c) {
        if (c == '/') {
            if (++s.trieIndex == 2) {
                s.state = URL_SERVER;
            }
            return p + 1;
        }
        return s.trieIndex == 0 ? invalid(s, p, c, "Unexpected char in url schema")
                : s.failAt(INVALID_URL, "Unexpected char in url schema", p);
    }

    /** Whitespace where the URL cannot end yet is llhttp's "Invalid characters in url". */
    private static int invalid(Http1Parser s, int p, int c, String otherwise) {
        if (c == ' ' || c == '\r' || c == '\n') {
            return s.failAt(INVALID_URL, "Invalid characters in url", p + 1);
        }
        return s.failAt(INVALID_URL, otherwise, p);
    }

    private static int server(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c == '/') {
            s.state = URL_PATH;
        } else if (c == '?') {
            s.state = URL_QUERY;
        } else if (USERINFO[c] || c == '[' || c == ']') {
            s.state = URL_SERVER;
        } else if (c == '@') {
            if (s.state == URL_SERVER_AT) {
                return s.failAt(INVALID_URL, "Double @ in url", p + 1);
            }
            s.state = URL_SERVER_AT;
        } else {
            return end(s, b, p, c, "Unexpected char in url server");
        }
        return p + 1;
    }

    private static int path(Http1Parser s, ByteBuffer b, int p, int end) {
        while (p < end && URL[b.get(p) & 0xff]) {
            p++;
        }
        if (p == end) {
            return s.suspend(p);
        }
        s.state = URL_QUERY_OR_FRAGMENT;
        return p;
    }

    private static int queryOrFragment(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c == '?') {
            s.state = URL_QUERY;
            return p + 1;
        }
        if (c == '#') {
            s.state = URL_FRAGMENT;
            return p + 1;
        }
        return end(s, b, p, c, "Invalid char in url path");
    }

    private static int query(Http1Parser s, ByteBuffer b, int p, int c) {
        if (URL[c] || c == '?') {
            return p + 1;
        }
        if (c == '#') {
            s.state = URL_FRAGMENT;
            return p + 1;
        }
        return end(s, b, p, c, "Invalid char in url query");
    }

    private static int fragment(Http1Parser s, ByteBuffer b, int p, int c) {
        if (URL[c] || c == '?' || c == '#') {
            return p + 1;
        }
        return end(s, b, p, c, "Invalid char in url fragment start");
    }

    /** A space, CR or LF ends the URL; anything else is an error. */
    private static int end(Http1Parser s, ByteBuffer b, int p, int c, String error) {
        if (c == ' ') {
            s.state = URL_SKIP_TO_HTTP;
        } else if (c == '\r') {
            s.trieIndex = 0;
            s.state = URL_SKIP_CRLF;
        } else if (c == '\n') {
            s.state = URL_SKIP_TO_HTTP09_LF;
        } else {
            return s.failAt(INVALID_URL, error, p);
        }
        s.spanEnd(b, p);
        return p;
    }

    private static int crlf(Http1Parser s, int p, int c) {
        if (c != (s.trieIndex == 0 ? '\r' : '\n')) {
            return s.failAt(INVALID_URL, "Expected CRLF", p);
        }
        if (++s.trieIndex == 2) {
            Http1StartLine.urlComplete(s, p + 1, true);
        }
        return p + 1;
    }

    private static int http09AfterBareLf(Http1Parser s, int p) {
        if (!s.lenient(Http1Lenient.OPTIONAL_CR_BEFORE_LF)) {
            return s.failAt(CR_EXPECTED, "Missing expected CR after request line", p);
        }
        Http1StartLine.urlComplete(s, p, true);
        return p;
    }
}
