package dev.eventide.zlib;

import java.util.zip.CRC32;

/**
 * CRC-32 with a starting value, as zlib's {@code crc32(value, data)} and Node's
 * {@code zlib.crc32(data, value)}. The JDK's CRC32 (an intrinsic) cannot start from a value, so
 * the data's own CRC is combined with the start value: appending n bytes multiplies the CRC
 * register by x^(8n) modulo the CRC polynomial, computed by squaring in O(log n). Stateless.
 */
final class Checksums {
    /** The CRC-32 polynomial, bit-reflected (bit 31 holds x^0). */
    private static final int POLY = 0xedb88320;
    /** x^0 in the reflected representation. */
    private static final int ONE = 0x80000000;

    private Checksums() {}

    static long crc32(byte[] a, int off, int len, long start) {
        CRC32 crc = new CRC32();
        crc.update(a, off, len);
        if (start == 0) {
            return crc.getValue();
        }
        int shifted = multiply(xPower8n(len), (int) start);
        return Integer.toUnsignedLong(shifted ^ (int) crc.getValue());
    }

    /** a * b modulo POLY, both reflected: walk a's terms from x^0 up, multiplying b by x each step. */
    static int multiply(int a, int b) {
        int product = 0;
        for (int i = 0; i < 32; i++) {
            if ((a & (ONE >>> i)) != 0) {
                product ^= b;
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return product;
    }

    /** x^(8n) modulo POLY, by squaring x^8. */
    static int xPower8n(long n) {
        int result = ONE;
        int square = ONE >>> 8;
        while (n > 0) {
            if ((n & 1) != 0) {
                result = multiply(result, square);
            }
            square = multiply(square, square);
            n >>>= 1;
        }
        return result;
    }
}
