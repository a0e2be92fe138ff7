package dev.eventide.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JavaScript's decodeURIComponent for cookies and form bodies: %XX escapes are gathered as bytes
 * and read as strict UTF-8 (or Latin-1 for an iso-8859-1 form); a malformed escape or invalid
 * UTF-8 leaves the input as it was, as the cookie package and qs fall back. Unlike
 * java.net.URLDecoder it does not turn '+' into a space (forms do that first). Linear time;
 * stateless, any thread.
 */
final class PercentDecoder {
    private PercentDecoder() {
    }

    static String decode(String s) {
        return decode(s, StandardCharsets.UTF_8);
    }

    /** The decoded string, or s itself when it holds a malformed escape or invalid bytes. */
    static String decode(String s, Charset charset) {
        int first = s.indexOf('%');
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, first);
        byte[] run = new byte[s.length() / 3 + 1];
        int i = first;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int n = 0;
            while (i < s.length() && s.charAt(i) == '%') {
                int b = hexByte(s, i + 1);
                if (b < 0) {
                    return s; // decodeURIComponent throws URIError; callers keep the raw value
                }
                run[n++] = (byte) b;
                i += 3;
            }
            String part = bytesToString(run, n, charset);
            if (part == null) {
                return s;
            }
            out.append(part);
        }
        return out.toString();
    }

    private static int hexByte(String s, int at) {
        if (at + 1 >= s.length()) {
            return -1;
        }
        int hi = hex(s.charAt(at));
        int lo = hex(s.charAt(at + 1));
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    /** An ASCII hex digit's value (Character.digit would also take other scripts' digits). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char l = (char) (c | 0x20);
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }

    private static String bytesToString(byte[] bytes, int n, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
