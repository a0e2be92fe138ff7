package dev.eventide.http;

/**
 * Byte classes of the HTTP/1.1 grammar as 256-entry lookup tables, the sets that llhttp
 * (and so Node) accepts in each place. Immutable; shared by every parser on every thread.
 */
final class Http1Chars {
    private Http1Chars() {}

    /** RFC 9110 tchar: header names, chunk extension names and token values. */
    static final boolean[] TOKEN = set("!#$%&'*+-.^_`|~" + alnum());
    /** HTAB / SP / VCHAR / obs-text: header values and quoted pairs. */
    static final boolean[] HEADER = range(headerBase(), 0x80, 0xff);
    /** Header characters except ',' (list elements of Connection and Transfer-Encoding). */
    static final boolean[] LIST_ELEMENT = without(HEADER, ',');
    /** Characters of a URL path, query and fragment (strict: no controls, no obs-text). */
    static final boolean[] URL = set("!\"$%&'()*+,-./:;<=>@[\\]^_`{|}~" + alnum());
    /** Characters of the authority part (userinfo and host). */
    static final boolean[] USERINFO = set(alnum() + "-_.!~*'()%;:&=+$,");
    /** qdtext of a quoted chunk extension value. */
    static final boolean[] QDTEXT = qdtext();
    /** Extra header value bytes that the relaxed lenient mode lets through: controls but NUL, CR, LF. */
    static final boolean[] RELAXED = relaxed();
    /** Hex digit values, -1 for other bytes. */
    static final byte[] HEX = hex();

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String alnum() {
        return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    }

    private static boolean[] set(String chars) {
        boolean[] t = new boolean[256];
        for (int i = 0; i < chars.length(); i++) {
            t[chars.charAt(i)] = true;
        }
        return t;
    }

    private static boolean[] headerBase() {
        boolean[] t = new boolean[256];
        t['\t'] = true;
        for (int c = 0x20; c <= 0x7e; c++) {
            t[c] = true;
        }
        return t;
    }

    private static boolean[] range(boolean[] t, int from, int to) {
        for (int c = from; c <= to; c++) {
            t[c] = true;
        }
        return t;
    }

    private static boolean[] without(boolean[] base, char c) {
        boolean[] t = base.clone();
        t[c] = false;
        return t;
    }

    private static boolean[] qdtext() {
        boolean[] t = new boolean[256];
        t['\t'] = true;
        t[' '] = true;
        t[0x21] = true;
        range(t, 0x23, 0x5b);
        range(t, 0x5d, 0x7e);
        return range(t, 0x80, 0xff);
    }

    private static boolean[] relaxed() {
        boolean[] t = range(new boolean[256], 0x01, 0xff);
        t['\r'] = false;
        t['\n'] = false;
        return t;
    }

    private static byte[] hex() {
        byte[] t = new byte[256];
        java.util.Arrays.fill(t, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            t[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            t[c] = (byte) (c - 'a' + 10);
            t[c - 32] = (byte) (c - 'a' + 10);
        }
        return t;
    }
}
