package dev.eventide.buffer;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as Node (V8) does it. Stateless; callable from any thread.
 *
 * <p>Decoding replaces each maximal subpart of an ill-formed sequence with one U+FFFD (the
 * WHATWG Encoding Standard's decoder, which V8 follows). The JDK's decoder agrees on valid
 * input but not on all ill-formed input (it reads ED A0 80, an encoded surrogate, as one bad
 * sequence where V8 sees three), so the hot path is {@code new String(bytes, UTF_8)} and only
 * when its result holds a U+FFFD is the input decoded again by {@link #decodeStrict}.
 *
 * <p>Encoding differs from the JDK in one place: V8 turns a lone surrogate into EF BF BD
 * (U+FFFD) where {@code String.getBytes(UTF_8)} writes '?'. Strings without surrogates (by far
 * the common case) take the JDK's intrinsic encoder.
 */
final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';
    /** Scratch space for scanning strings; one per thread, never escapes a call. */
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[2048]);

    private Utf8() {}

    static String decode(byte[] a, int from, int to) {
        String fast = new String(a, from, to - from, StandardCharsets.UTF_8);
        return fast.indexOf(REPLACEMENT) < 0 ? fast : decodeStrict(a, from, to);
    }

    /** The WHATWG decoder spelled out; the reference that {@link #decode} is tested against. */
    static String decodeStrict(byte[] a, int from, int to) {
        char[] out = new char[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            int b = a[i] & 0xFF;
            if (b < 0x80) {
                out[n++] = (char) b;
                i++;
                continue;
            }
            int need;
            int lower = 0x80;
            int upper = 0xBF;
            int cp;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                lower = b == 0xE0 ? 0xA0 : 0x80;
                upper = b == 0xED ? 0x9F : 0xBF;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                lower = b == 0xF0 ? 0x90 : 0x80;
                upper = b == 0xF4 ? 0x8F : 0xBF;
                cp = b & 0x07;
            } else {
                out[n++] = REPLACEMENT;
                i++;
                continue;
            }
            int j = i + 1;
            boolean complete = true;
            for (int k = 0; k < need; k++, j++) {
                int c = j < to ? a[j] & 0xFF : -1;
                if (c < lower || c > upper) {
                    complete = false;
                    break;
                }
                lower = 0x80;
                upper = 0xBF;
                cp = (cp << 6) | (c & 0x3F);
            }
            if (complete) {
                n += Character.toChars(cp, out, n);
            } else {
                out[n++] = REPLACEMENT;
            }
            i = j;
        }
        return new String(out, 0, n);
    }

    /** The UTF-8 bytes of {@code s}, with EF BF BD for each lone surrogate. */
    static byte[] encode(String s) {
        if (!hasSurrogate(s)) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[byteLengthWithSurrogates(s)];
        writeWholeCharacters(s, out, 0, out.length);
        return out;
    }

    /** Node's Buffer.byteLength(s, 'utf8'): a lone surrogate counts 3, as its U+FFFD. */
    static int byteLength(String s) {
        char[] chunk = SCRATCH.get();
        int bytes = 0;
        for (int from = 0, n = s.length(); from < n; from += chunk.length) {
            int count = Math.min(chunk.length, n - from);
            s.getChars(from, from + count, chunk, 0);
            for (int i = 0; i < count; i++) {
                char c = chunk[i];
                if (isSurrogate(c)) {
                    return byteLengthWithSurrogates(s);
                }
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        return bytes;
    }

    private static int byteLengthWithSurrogates(String s) {
        int len = s.length();
        int bytes = len;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2;
                i++;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /**
     * Writes whole characters of {@code s} into {@code dst[off, off + capacity)} and returns the
     * number of bytes written; a character that does not fit entirely is not started (V8's
     * WriteUtf8 with no partial characters, as {@code buf.write} does).
     */
    static int write(String s, byte[] dst, int off, int capacity) {
        if (s.length() <= capacity / 3 || byteLength(s) <= capacity) {
            byte[] all = encode(s);
            System.arraycopy(all, 0, dst, off, all.length);
            return all.length;
        }
        return writeWholeCharacters(s, dst, off, capacity);
    }

    private static int writeWholeCharacters(String s, byte[] dst, int off, int capacity) {
        int p = off;
        int end = off + capacity;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (p >= end) {
                    break;
                }
                dst[p++] = (byte) c;
            } else if (c < 0x800) {
                if (p + 2 > end) {
                    break;
                }
                dst[p++] = (byte) (0xC0 | (c >> 6));
                dst[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (p + 4 > end) {
                    break;
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst[p++] = (byte) (0xF0 | (cp >> 18));
                dst[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                dst[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                dst[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                if (p + 3 > end) {
                    break;
                }
                char unit = Character.isSurrogate(c) ? REPLACEMENT : c;
                dst[p++] = (byte) (0xE0 | (unit >> 12));
                dst[p++] = (byte) (0x80 | ((unit >> 6) & 0x3F));
                dst[p++] = (byte) (0x80 | (unit & 0x3F));
            }
        }
        return p - off;
    }

    /**
     * Scans through a per-thread scratch array: {@code getChars} is an intrinsic copy, and an OR
     * over a char[] vectorizes (a {@code charAt} loop with an early exit costs several times
     * more). Only when some char reaches 0xD800 is the chunk searched exactly.
     */
    /** Strings up to this length are scanned with charAt, longer ones in scratch-array chunks. */
    private static final int SHORT = 64;

    private static boolean hasSurrogate(String s) {
        if (s.length() <= SHORT) {
            // A short string (a header, a small body) is cheaper to scan in place than to copy
            // into the thread's scratch array, which costs a ThreadLocal lookup per call.
            for (int i = 0, n = s.length(); i < n; i++) {
                if (Character.isSurrogate(s.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
        char[] chunk = SCRATCH.get();
        for (int from = 0, n = s.length(); from < n; from += chunk.length) {
            int count = Math.min(chunk.length, n - from);
            s.getChars(from, from + count, chunk, 0);
            int bits = 0;
            for (int i = 0; i < count; i++) {
                bits |= chunk[i];
            }
            if (bits >= 0xD800 && containsSurrogate(chunk, count)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsSurrogate(char[] chars, int count) {
        for (int i = 0; i < count; i++) {
            if (isSurrogate(chars[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSurrogate(char c) {
        return (c & 0xF800) == 0xD800;
    }
}
