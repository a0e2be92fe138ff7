package dev.eventide.buffer;

/**
 * Hex decoding as Node's {@code hex_decode}: pairs of hex digits, stopping at the first pair
 * that is not two hex digits, an odd last digit ignored. Stateless; callable from any thread.
 *
 * <p>Node reads each UTF-16 unit through a {@code uint8_t}, so only its low byte counts
 * ('\u0130' reads as '0'); this does the same so that odd input decodes identically.
 */
final class HexCodec {
    private static final byte[] DIGITS = new byte[256];

    static {
        java.util.Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < 10; i++) {
            DIGITS['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            DIGITS['a' + i] = (byte) (10 + i);
            DIGITS['A' + i] = (byte) (10 + i);
        }
    }

    private HexCodec() {}

    /** Decodes into {@code dst[off, off + cap)} and returns the number of bytes written. */
    static int write(String s, byte[] dst, int off, int cap) {
        int n = Math.min(cap, s.length() >>> 1);
        for (int i = 0; i < n; i++) {
            int hi = DIGITS[s.charAt(2 * i) & 0xFF];
            int lo = DIGITS[s.charAt(2 * i + 1) & 0xFF];
            if ((hi | lo) < 0) {
                return i;
            }
            dst[off + i] = (byte) (hi << 4 | lo);
        }
        return n;
    }
}
