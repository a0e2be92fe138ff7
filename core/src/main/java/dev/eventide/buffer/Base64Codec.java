package dev.eventide.buffer;

import java.util.Arrays;

/**
 * Lenient base64 decoding as Node's {@code base64_decode}. Stateless; callable from any thread.
 *
 * <p>Node accepts both alphabets at once ('+' and '-', '/' and '_'), skips every character
 * that is not in them (whitespace, punctuation, anything else), stops at the first '=' and
 * accepts missing padding: 2 leftover characters give 1 byte, 3 give 2, 1 gives nothing. Like
 * hex, only the low byte of each UTF-16 unit is looked at. Encoding is the JDK's encoder.
 */
final class Base64Codec {
    private static final byte[] VALUES = new byte[256];

    static {
        Arrays.fill(VALUES, (byte) -1);
        String std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; i++) {
            VALUES[std.charAt(i)] = (byte) i;
        }
        VALUES['-'] = 62;
        VALUES['_'] = 63;
    }

    private Base64Codec() {}

    static byte[] decode(String s) {
        int len = s.length();
        byte[] out = new byte[upperBound(len)];
        int k = 0;
        int sextets = 0;
        int previous = 0;
        for (int i = 0; i < len; i++) {
            int c = s.charAt(i) & 0xFF;
            int v = VALUES[c];
            if (v < 0) {
                if (c == '=') {
                    break;
                }
                continue;
            }
            switch (sextets) {
                case 1 -> out[k++] = (byte) (previous << 2 | v >> 4);
                case 2 -> out[k++] = (byte) (previous << 4 | v >> 2);
                case 3 -> out[k++] = (byte) (previous << 6 | v);
                default -> { }
            }
            previous = v;
            sextets = (sextets + 1) & 3;
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** Node's base64ByteLength: 3/4 of the length without up to two trailing '='. */
    static int estimatedLength(String s) {
        int bytes = s.length();
        if (bytes > 0 && s.charAt(bytes - 1) == '=') {
            bytes--;
        }
        if (bytes > 1 && s.charAt(bytes - 1) == '=') {
            bytes--;
        }
        return (int) (((long) bytes * 3) >>> 2);
    }

    private static int upperBound(int chars) {
        return (int) ((long) chars * 3 / 4);
    }
}
