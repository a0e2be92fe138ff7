package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as JavaScript and Express's helpers do it: a strict decodeURIComponent
 * (route parameters; a malformed escape or invalid UTF-8 is an error, never a silent U+FFFD),
 * encodeURIComponent (cookie values), and encodeurl (Location headers). Stateless; any thread.
 */
final class UriCodec {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** encodeURIComponent leaves these unescaped: A-Z a-z 0-9 - _ . ! ~ * ' ( ). */
    private static final String COMPONENT_SAFE = "-_.!~*'()";
    /** encodeurl leaves these (and a valid %XX) as they are. */
    private static final String URL_SAFE = "!#$&'()*+,-./:;=?@[\\]^_|~";

    private UriCodec() {
    }

    /** Express's decode_param: decodeURIComponent when the value has a '%', else the value. */
    static String decodeParam(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        String decoded = decodeComponent(raw);
        if (decoded == null) {
            throw new HttpError(400, ErrorCode.ERR_INVALID_URL_PARAM, raw);
        }
        return decoded;
    }

    /** A wildcard's value: each '/'-separated segment decoded, joined again with '/'. */
    static String decodeSegments(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int start = 0;
        while (true) {
            int slash = raw.indexOf('/', start);
            String seg = raw.substring(start, slash < 0 ? raw.length() : slash);
            out.append(decodeParam(seg));
            if (slash < 0) {
                return out.toString();
            }
            out.append('/');
            start = slash + 1;
        }
    }

    /** decodeURIComponent, or null where JavaScript throws a URIError. */
    static String decodeComponent(String s) {
        byte[] bytes = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                n = appendUtf8(s, i, bytes, n);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    i++;
                }
                continue;
            }
            int hi = i + 2 < s.length() ? hex(s.charAt(i + 1)) : -1;
            int lo = hi < 0 ? -1 : hex(s.charAt(i + 2));
            if (lo < 0) {
                return null;
            }
            bytes[n++] = (byte) (hi * 16 + lo);
            i += 2;
        }
        return strictUtf8(bytes, n);
    }

    private static int appendUtf8(String s, int i, byte[] out, int n) {
        int cp = s.codePointAt(i);
        byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(enc, 0, out, n, enc.length);
        return n + enc.length;
    }

    private static String strictUtf8(byte[] bytes, int n) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** JavaScript's encodeURIComponent (a lone surrogate becomes U+FFFD rather than throwing). */
    static String encodeComponent(String s) {
        return encode(s, COMPONENT_SAFE, false);
    }

    /** The encodeurl package: escapes what a URL may not hold, keeps reserved characters and valid %XX. */
    static String encodeUrl(String s) {
        return encode(s, URL_SAFE, true);
    }

    private static String encode(String s, String safe, boolean keepEscapes) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || safe.indexOf(c) >= 0
                    || (keepEscapes && c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2)));
            if (ok) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            int cp = s.codePointAt(i);
            if (Character.isSurrogate(c) && Character.charCount(cp) == 1) {
                cp = 0xFFFD;
            } else if (Character.charCount(cp) == 2) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isHex(char c) {
        return hex(c) >= 0;
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
