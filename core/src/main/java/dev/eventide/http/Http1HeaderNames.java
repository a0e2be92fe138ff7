package dev.eventide.http;

import java.nio.ByteBuffer;

/**
 * Recognises well-known header names in a span of bytes, case-insensitively, and returns
 * the lowercase name as a shared constant, so that a server can key its header map without
 * making a String per header. Stateless and thread-safe.
 */
public final class Http1HeaderNames {
    private Http1HeaderNames() {}

    private static final String[] NAMES = {
        "accept", "accept-charset", "accept-encoding", "accept-language", "access-control-request-headers",
        "access-control-request-method", "age", "authorization", "cache-control", "connection",
        "content-disposition", "content-encoding", "content-language", "content-length", "content-location",
        "content-range", "content-type", "cookie", "date", "dnt", "etag", "expect", "expires", "forwarded",
        "from", "host", "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
        "keep-alive", "last-modified", "location", "origin", "pragma", "proxy-authorization",
        "proxy-connection", "range", "referer", "retry-after", "sec-websocket-extensions",
        "sec-websocket-key", "sec-websocket-protocol", "sec-websocket-version", "server", "set-cookie",
        "te", "trailer", "transfer-encoding", "upgrade", "upgrade-insecure-requests", "user-agent", "vary",
        "via", "www-authenticate", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto",
        "x-real-ip", "x-request-id",
    };

    /** NAMES grouped by length, so a lookup compares only names of the right size. */
    private static final String[][] BY_LENGTH = byLength();

    /** The lowercase constant for the name in {@code buffer[offset, offset+length)}, or null. */
    public static String lookup(ByteBuffer buffer, int offset, int length) {
        if (length >= BY_LENGTH.length) {
            return null;
        }
        for (String name : BY_LENGTH[length]) {
            if (matches(name, buffer, offset, length)) {
                return name;
            }
        }
        return null;
    }

    /** Same as {@link #lookup(ByteBuffer, int, int)} over an array. */
    public static String lookup(byte[] bytes, int offset, int length) {
        return lookup(ByteBuffer.wrap(bytes), offset, length);
    }

    private static boolean matches(String name, ByteBuffer b, int offset, int length) {
        for (int i = 0; i < length; i++) {
            int c = b.get(offset + i);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String[][] byLength() {
        int max = 0;
        for (String n : NAMES) {
            max = Math.max(max, n.length());
        }
        String[][] t = new String[max + 1][];
        for (int len = 0; len <= max; len++) {
            final int l = len;
            t[len] = java.util.Arrays.stream(NAMES).filter(n -> n.length() == l).toArray(String[]::new);
        }
        return t;
    }
}
