package dev.eventide.http;

import static dev.eventide.http.Http1Chars.HEADER;
import static dev.eventide.http.Http1Chars.HEX;
import static dev.eventide.http.Http1Chars.QDTEXT;
import static dev.eventide.http.Http1Chars.TOKEN;
import static dev.eventide.http.Http1Error.CB_CHUNK_COMPLETE;
import static dev.eventide.http.Http1Error.CB_CHUNK_EXTENSION_NAME_COMPLETE;
import static dev.eventide.http.Http1Error.CB_CHUNK_EXTENSION_VALUE_COMPLETE;
import static dev.eventide.http.Http1Error.CB_CHUNK_HEADER;
import static dev.eventide.http.Http1Error.CR_EXPECTED;
import static dev.eventide.http.Http1Error.INVALID_CHUNK_SIZE;
import static dev.eventide.http.Http1Error.STRICT;
import static dev.eventide.http.Http1Lenient.OPTIONAL_CR_BEFORE_LF;
import static dev.eventide.http.Http1States.*;

import java.nio.ByteBuffer;

/**
 * Chunked transfer coding in {@link Http1Parser}: the hex size line, chunk extensions
 * (names, token and quoted values, each checked), and the CRLF after each chunk's data. The
 * last chunk (size 0) hands over to the header states for trailers. Stateless; runs on the
 * parser's thread.
 */
final class Http1Chunks {
    private Http1Chunks() {}

    static int step(Http1Parser s, ByteBuffer b, int p, int end) {
        switch (s.state) {
            case CHUNK_SIZE_START -> {
                s.contentLength = 0;
                s.chunkExtensionBytes = 0;
                s.state = CHUNK_SIZE_DIGIT;
                return p;
            }
            case CHUNK_EXT_NAME_LF, CHUNK_EXT_VALUE_LF -> {
                return bareLfAfterExtension(s, p);
            }
            case TO_CHUNK -> {
                toChunk(s, p);
                return p;
            }
            case CHUNK_DATA -> {
                s.spanStart(Http1Parser.SPAN_BODY, p);
                s.state = CHUNK_DATA_CONSUME;
                return p;
            }
            case CHUNK_COMPLETE -> {
                s.callback(CB_CHUNK_COMPLETE, CHUNK_SIZE_START, p);
                return p;
            }
            default -> { }
        }
        if (p == end) {
            return s.suspend(p);
        }
        return byteStep(s, b, p, b.get(p) & 0xff);
    }

    private static int byteStep(Http1Parser s, ByteBuffer b, int p, int c) {
        return switch (s.state) {
            case CHUNK_SIZE_DIGIT, CHUNK_SIZE -> size(s, p, c);
            case CHUNK_SIZE_OTHERWISE -> afterSize(s, p, c);
            case CHUNK_EXTENSIONS -> extensionStart(s, p, c);
            case CHUNK_EXT_NAME -> extensionName(s, b, p, c);
            case CHUNK_EXT_VALUE -> extensionValue(s, b, p, c);
            case CHUNK_EXT_QUOTED, CHUNK_EXT_QUOTED_PAIR -> quoted(s, b, p, c);
            case CHUNK_EXT_QUOTED_DONE -> afterQuoted(s, p, c);
            case CHUNK_SIZE_ALMOST_DONE -> sizeLf(s, p, c);
            case CHUNK_DATA_ALMOST_DONE -> afterData(s, p, c);
            default -> throw new IllegalStateException("state " + s.state);
        };
    }

    private static int size(Http1Parser s, int p, int c) {
        int digit = HEX[c];
        if (digit < 0) {
            if (s.state == CHUNK_SIZE_DIGIT) {
                return s.failAt(INVALID_CHUNK_SIZE, "Invalid character in chunk size", p);
            }
            s.state = CHUNK_SIZE_OTHERWISE;
            return p;
        }
        if ((s.contentLength >>> 60) != 0) {
            return s.failAt(INVALID_CHUNK_SIZE, "Chunk size overflow", p + 1);
        }
        s.contentLength = (s.contentLength << 4) | digit;
        s.state = CHUNK_SIZE;
        return p + 1;
    }

    private static int afterSize(Http1Parser s, int p, int c) {
        switch (c) {
            case ' ', '\t' -> {
                if (!s.lenient(Http1Lenient.SPACES_AFTER_CHUNK_SIZE)) {
                    return s.failAt(INVALID_CHUNK_SIZE, "Invalid character in chunk size", p + 1);
                }
            }
            case '\r' -> s.state = CHUNK_SIZE_ALMOST_DONE;
            case '\n' -> {
                if (!s.lenient(OPTIONAL_CR_BEFORE_LF)) {
                    return s.failAt(CR_EXPECTED, "Missing expected CR after chunk size", p + 1);
                }
                s.state = CHUNK_SIZE_ALMOST_DONE;
            }
            case ';' -> s.state = CHUNK_EXTENSIONS;
            default -> {
                return s.failAt(INVALID_CHUNK_SIZE, "Invalid character in chunk size", p);
            }
        }
        return p + 1;
    }

    private static int extensionStart(Http1Parser s, int p, int c) {
        if (c == ' ' || c == '\r') {
            return s.failAt(STRICT, "Invalid character in chunk extensions", p + 1);
        }
        s.spanStart(Http1Parser.SPAN_EXT_NAME, p);
        s.state = CHUNK_EXT_NAME;
        return p;
    }

    private static int extensionName(Http1Parser s, ByteBuffer b, int p, int c) {
        if (TOKEN[c]) {
            return p + 1;
        }
        s.spanEnd(b, p);
        switch (c) {
            case '=' -> {
                s.spanStart(Http1Parser.SPAN_EXT_VALUE, p + 1);
                s.callback(CB_CHUNK_EXTENSION_NAME_COMPLETE, CHUNK_EXT_VALUE, p + 1);
            }
            case ';' -> s.callback(CB_CHUNK_EXTENSION_NAME_COMPLETE, CHUNK_EXTENSIONS, p + 1);
            case '\r' -> s.callback(CB_CHUNK_EXTENSION_NAME_COMPLETE, CHUNK_SIZE_ALMOST_DONE, p + 1);
            case '\n' -> {
                s.callback(CB_CHUNK_EXTENSION_NAME_COMPLETE, CHUNK_EXT_NAME_LF, p);
                return p;
            }
            default -> {
                return s.failAt(STRICT, "Invalid character in chunk extensions name", p + 1);
            }
        }
        return p + 1;
    }

    private static int extensionValue(Http1Parser s, ByteBuffer b, int p, int c) {
        if (c == '"') {
            s.state = CHUNK_EXT_QUOTED;
            return p + 1;
        }
        if (TOKEN[c]) {
            return p + 1;
        }
        s.spanEnd(b, p);
        switch (c) {
            case ';' -> s.callback(CB_CHUNK_EXTENSION_VALUE_COMPLETE, CHUNK_EXTENSIONS, p + 1);
            case '\r' -> s.callback(CB_CHUNK_EXTENSION_VALUE_COMPLETE, CHUNK_SIZE_ALMOST_DONE, p + 1);
            case '\n' -> {
                s.callback(CB_CHUNK_EXTENSION_VALUE_COMPLETE, CHUNK_EXT_VALUE_LF, p);
                return p;
            }
            default -> {
                return s.failAt(STRICT, "Invalid character in chunk extensions value", p + 1);
            }
        }
        return p + 1;
    }

    private static int quoted(Http1Parser s, ByteBuffer b, int p, int c) {
        if (s.state == CHUNK_EXT_QUOTED_PAIR) {
            if (HEADER[c]) {
                s.state = CHUNK_EXT_QUOTED;
                return p + 1;
            }
            s.spanEnd(b, p);
            return s.failAt(STRICT, "Invalid quoted-pair in chunk extensions quoted value", p + 1);
        }
        if (QDTEXT[c]) {
            return p + 1;
        }
        if (c == '"') {
            s.spanEnd(b, p + 1);
            s.callback(CB_CHUNK_EXTENSION_VALUE_COMPLETE, CHUNK_EXT_QUOTED_DONE, p + 1);
            return p + 1;
        }
        if (c == '\\') {
            s.state = CHUNK_EXT_QUOTED_PAIR;
            return p + 1;
        }
        s.spanEnd(b, p);
        return s.failAt(STRICT, "Invalid character in chunk extensions quoted value", p + 1);
    }

    private static int afterQuoted(Http1Parser s, int p, int c) {
        switch (c) {
            case ';' -> s.state = CHUNK_EXTENSIONS;
            case '\r' -> s.state = CHUNK_SIZE_ALMOST_DONE;
            case '\n' -> {
                s.state = CHUNK_EXT_VALUE_LF;
                return p;
            }
            default -> {
                return s.failAt(STRICT, "Invalid character in chunk extensions quote value", p);
            }
        }
        return p + 1;
    }

    private static int bareLfAfterExtension(Http1Parser s, int p) {
        if (s.lenient(OPTIONAL_CR_BEFORE_LF)) {
            s.state = CHUNK_SIZE_ALMOST_DONE;
            return p;
        }
        String what = s.state == CHUNK_EXT_NAME_LF ? "name" : "value";
        return s.failAt(CR_EXPECTED, "Missing expected CR after chunk extension " + what, p);
    }

    private static int sizeLf(Http1Parser s, int p, int c) {
        if (c == '\n') {
            s.callback(CB_CHUNK_HEADER, TO_CHUNK, p + 1);
            return p + 1;
        }
        if (s.lenient(Http1Lenient.OPTIONAL_LF_AFTER_CR)) {
            s.callback(CB_CHUNK_HEADER, TO_CHUNK, p);
            return p;
        }
        return s.failAt(STRICT, "Expected LF after chunk size", p);
    }

    /** A zero-size chunk is the last one: trailers follow, parsed as headers. */
    private static void toChunk(Http1Parser s, int p) {
        if (s.contentLength == 0) {
            s.flags |= Http1Parser.F_TRAILING;
            s.state = FIELD_START;
        } else {
            s.state = CHUNK_DATA;
        }
    }

    private static int afterData(Http1Parser s, int p, int c) {
        if (s.trieIndex == 0 && c == '\r') {
            s.trieIndex = 1;
            return p + 1;
        }
        if (c == '\n') {
            if (s.trieIndex == 0 && !s.lenient(OPTIONAL_CR_BEFORE_LF)) {
                return s.failAt(CR_EXPECTED, "Missing expected CR after chunk data", p + 1);
            }
            s.state = CHUNK_COMPLETE;
            return p + 1;
        }
        if (s.lenient(Http1Lenient.OPTIONAL_CRLF_AFTER_CHUNK)) {
            s.state = CHUNK_COMPLETE;
            return p;
        }
        return s.failAt(STRICT, "Expected LF after chunk data", p);
    }
}
