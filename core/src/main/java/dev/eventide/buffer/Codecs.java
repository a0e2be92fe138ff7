package dev.eventide.buffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encodes strings to bytes and decodes bytes to strings for every {@link Encoding}, with Node's
 * results (its src/string_bytes.cc and lib/buffer.js). Stateless; callable from any thread.
 *
 * <p>Where a JDK routine gives Node's exact answer it is used, since those are intrinsics:
 * latin1 decoding is {@code new String(..., ISO_8859_1)}, latin1 encoding is the (deprecated
 * but exact) {@code String.getBytes(int, int, byte[], int)} that keeps each char's low byte,
 * hex encoding is {@link HexFormat} and base64 encoding is {@link Base64}. UTF-16LE is done by
 * hand because the JDK replaces lone surrogates and V8 keeps them.
 */
final class Codecs {
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Codecs() {}

    static String decode(Encoding enc, byte[] a, int from, int to) {
        return switch (enc) {
            case UTF8 -> Utf8.decode(a, from, to);
            case LATIN1 -> new String(a, from, to - from, StandardCharsets.ISO_8859_1);
            case ASCII -> decodeAscii(a, from, to);
            case UTF16LE -> decodeUtf16le(a, from, to);
            case HEX -> HEX.formatHex(a, from, to);
            case BASE64 -> encodeBase64(BASE64, a, from, to);
            case BASE64URL -> encodeBase64(BASE64URL, a, from, to);
        };
    }

    static byte[] encode(Encoding enc, String s) {
        return switch (enc) {
            case UTF8 -> Utf8.encode(s);
            case LATIN1, ASCII -> latin1(s);
            case UTF16LE -> {
                byte[] out = new byte[s.length() * 2];
                writeUtf16le(s, out, 0, out.length);
                yield out;
            }
            case HEX -> {
                byte[] out = new byte[s.length() >>> 1];
                int n = HexCodec.write(s, out, 0, out.length);
                yield n == out.length ? out : java.util.Arrays.copyOf(out, n);
            }
            case BASE64, BASE64URL -> Base64Codec.decode(s);
        };
    }

    /** Node's Buffer.byteLength(string, encoding); for base64 it is Node's estimate, not exact. */
    static int byteLength(Encoding enc, String s) {
        return switch (enc) {
            case UTF8 -> Utf8.byteLength(s);
            case LATIN1, ASCII -> s.length();
            case UTF16LE -> s.length() * 2;
            case HEX -> s.length() >>> 1;
            case BASE64, BASE64URL -> Base64Codec.estimatedLength(s);
        };
    }

    /** Writes as much of {@code s} as fits whole into {@code dst[off, off + cap)}; returns bytes written. */
    static int write(Encoding enc, String s, byte[] dst, int off, int cap) {
        return switch (enc) {
            case UTF8 -> Utf8.write(s, dst, off, cap);
            case LATIN1, ASCII -> writeLatin1(s, dst, off, cap);
            case UTF16LE -> writeUtf16le(s, dst, off, cap);
            case HEX -> HexCodec.write(s, dst, off, cap);
            case BASE64, BASE64URL -> {
                byte[] all = Base64Codec.decode(s);
                int n = Math.min(all.length, cap);
                System.arraycopy(all, 0, dst, off, n);
                yield n;
            }
        };
    }

    /** Node's latin1 and ascii writes keep the low byte of each UTF-16 unit. */
    @SuppressWarnings("deprecation")
    static byte[] latin1(String s) {
        byte[] out = new byte[s.length()];
        s.getBytes(0, out.length, out, 0);
        return out;
    }

    @SuppressWarnings("deprecation")
    private static int writeLatin1(String s, byte[] dst, int off, int cap) {
        int n = Math.min(s.length(), cap);
        s.getBytes(0, n, dst, off);
        return n;
    }

    /** Node's ascii decoding clears the top bit of every byte, then reads the bytes as latin1. */
    private static String decodeAscii(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                byte[] masked = new byte[to - from];
                for (int j = from; j < to; j++) {
                    masked[j - from] = (byte) (a[j] & 0x7F);
                }
                return new String(masked, StandardCharsets.ISO_8859_1);
            }
        }
        return new String(a, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Pairs of bytes become UTF-16 units, lone surrogates kept; an odd last byte is ignored. */
    private static String decodeUtf16le(byte[] a, int from, int to) {
        char[] out = new char[(to - from) >>> 1];
        for (int i = 0, p = from; i < out.length; i++, p += 2) {
            out[i] = (char) ((a[p] & 0xFF) | (a[p + 1] & 0xFF) << 8);
        }
        return new String(out);
    }

    /** Writes whole UTF-16 units only, as Node's ucs2Write. */
    private static int writeUtf16le(String s, byte[] dst, int off, int cap) {
        int units = Math.min(s.length(), cap >>> 1);
        for (int i = 0, p = off; i < units; i++, p += 2) {
            char c = s.charAt(i);
            dst[p] = (byte) c;
            dst[p + 1] = (byte) (c >>> 8);
        }
        return units * 2;
    }

    private static String encodeBase64(Base64.Encoder encoder, byte[] a, int from, int to) {
        ByteBuffer encoded = encoder.encode(ByteBuffer.wrap(a, from, to - from));
        return new String(encoded.array(), 0, encoded.remaining(), StandardCharsets.ISO_8859_1);
    }

    /** Node's util.inspect of a Buffer: {@code <Buffer 68 69>}, 50 bytes at most. */
    static String inspect(byte[] a, int from, int length) {
        if (length == 0) {
            return "<Buffer >";
        }
        int shown = Math.min(length, 50);
        StringBuilder out = new StringBuilder(8 + shown * 3).append("<Buffer");
        for (int i = from; i < from + shown; i++) {
            out.append(' ').append(Character.forDigit((a[i] >> 4) & 0xF, 16)).append(Character.forDigit(a[i] & 0xF, 16));
        }
        if (length > shown) {
            int more = length - shown;
            out.append(" ... ").append(more).append(" more byte").append(more > 1 ? "s" : "");
        }
        return out.append('>').toString();
    }
}
