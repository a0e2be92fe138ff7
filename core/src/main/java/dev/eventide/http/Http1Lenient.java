package dev.eventide.http;

import java.util.EnumSet;
import java.util.Set;

/**
 * llhttp's lenient flags: each relaxes one strict rule, and none is on by default. Relaxing a
 * rule can expose a server or a proxy to request smuggling; {@link #INSECURE} is the set Node
 * turns on with {@code insecureHTTPParser}.
 */
public enum Http1Lenient {
    /** Skip header value character checks; allow obs-fold and a space before the colon. */
    HEADERS(1),
    /** Allow Transfer-Encoding together with Content-Length. */
    CHUNKED_LENGTH(1 << 1),
    /** Keep parsing after a message that closes the connection. */
    KEEP_ALIVE(1 << 2),
    /** Allow codings after {@code chunked} in a request's Transfer-Encoding. */
    TRANSFER_ENCODING(1 << 3),
    /** Accept any single-digit {@code d.d} version. */
    VERSION(1 << 4),
    /** Discard bytes after a close-delimited message instead of failing. */
    DATA_AFTER_CLOSE(1 << 5),
    /** A bare CR ends a line. */
    OPTIONAL_LF_AFTER_CR(1 << 6),
    /** Chunk data may be followed directly by the next chunk size. */
    OPTIONAL_CRLF_AFTER_CHUNK(1 << 7),
    /** A bare LF ends a line. */
    OPTIONAL_CR_BEFORE_LF(1 << 8),
    /** Allow spaces and tabs after a chunk size. */
    SPACES_AFTER_CHUNK_SIZE(1 << 9),
    /** Allow control characters other than NUL, CR and LF in header values. */
    HEADER_VALUE_RELAXED(1 << 10);

    /** llhttp's "all" set: every flag but SPACES_AFTER_CHUNK_SIZE and HEADER_VALUE_RELAXED. */
    public static final Set<Http1Lenient> INSECURE = EnumSet.complementOf(
            EnumSet.of(SPACES_AFTER_CHUNK_SIZE, HEADER_VALUE_RELAXED));

    final int bit;

    Http1Lenient(int bit) {
        this.bit = bit;
    }

    static int mask(Set<Http1Lenient> flags) {
        int m = 0;
        for (Http1Lenient f : flags) {
            m |= f.bit;
        }
        return m;
    }
}
