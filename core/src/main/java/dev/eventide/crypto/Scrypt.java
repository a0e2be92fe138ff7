package dev.eventide.crypto;

/**
 * scrypt (RFC 7914), written out because the JDK has none. Stateless; runs on whichever
 * thread calls it (the worker pool for Crypto.scrypt).
 *
 * <p>HOW: B = PBKDF2-HMAC-SHA256(P, S, 1, p * 128 * r); each of the p blocks of 128 * r bytes
 * goes through ROMix; the result is PBKDF2-HMAC-SHA256(P, B, 1, keylen).
 * <pre>
 *   ROMix(X):  V[i] = X, X = BlockMix(X)          for i in 0..N-1   (fill N*128*r bytes)
 *              X = BlockMix(X ^ V[X mod N])       N times            (random reads: memory-hard)
 *   BlockMix:  2r blocks of 64 bytes, each Salsa20/8(previous ^ block); evens first, then odds
 * </pre>
 * Words are kept as little-endian ints in int arrays so that the inner loop does no byte work.
 */
final class Scrypt {
    private Scrypt() {}

    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int keylen) {
        int blockWords = 32 * r;
        long vWords = (long) blockWords * n;
        if (vWords > Integer.MAX_VALUE - 16) {
            throw CryptoErrors.invalidScryptParams(true);
        }
        byte[] b = Pbkdf2.derive(Digests.SHA256, password, salt, 1, p * 128 * r);
        int[] x = new int[blockWords];
        int[] y = new int[blockWords];
        int[] v;
        try {
            v = new int[(int) vWords];
        } catch (OutOfMemoryError e) {
            throw CryptoErrors.invalidScryptParams(true);
        }
        int[] scratch = new int[16];
        for (int lane = 0; lane < p; lane++) {
            int base = lane * 128 * r;
            for (int i = 0; i < blockWords; i++) {
                x[i] = littleEndian(b, base + i * 4);
            }
            roMix(x, y, v, n, r, scratch);
            for (int i = 0; i < blockWords; i++) {
                putLittleEndian(b, base + i * 4, x[i]);
            }
        }
        return Pbkdf2.derive(Digests.SHA256, password, b, 1, keylen);
    }

    private static void roMix(int[] x, int[] y, int[] v, int n, int r, int[] scratch) {
        int words = x.length;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * words, words);
            blockMix(x, y, r, scratch);
        }
        for (int i = 0; i < n; i++) {
            int j = x[(2 * r - 1) * 16] & (n - 1);
            int off = j * words;
            for (int k = 0; k < words; k++) {
                x[k] ^= v[off + k];
            }
            blockMix(x, y, r, scratch);
        }
    }

    /** BlockMix(B) in place in {@code b}, using {@code y} as the output area. */
    private static void blockMix(int[] b, int[] y, int r, int[] x) {
        System.arraycopy(b, (2 * r - 1) * 16, x, 0, 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                x[k] ^= b[i * 16 + k];
            }
            salsa8(x);
            // Even blocks go to the first half of the output, odd ones to the second.
            int dest = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            System.arraycopy(x, 0, y, dest, 16);
        }
        System.arraycopy(y, 0, b, 0, b.length);
    }

    /** The Salsa20/8 core (8 rounds = 4 double rounds), in place. */
    static void salsa8(int[] b) {
        int x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        int x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14];
        int x15 = b[15];
        for (int i = 0; i < 8; i += 2) {
            // Columns.
            x4 ^= Integer.rotateLeft(x0 + x12, 7);  x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13); x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);   x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x1 ^= Integer.rotateLeft(x13 + x9, 13); x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x14 ^= Integer.rotateLeft(x10 + x6, 7); x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x6 ^= Integer.rotateLeft(x2 + x14, 13); x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x3 ^= Integer.rotateLeft(x15 + x11, 7); x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x11 ^= Integer.rotateLeft(x7 + x3, 13); x15 ^= Integer.rotateLeft(x11 + x7, 18);
            // Rows.
            x1 ^= Integer.rotateLeft(x0 + x3, 7);   x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);  x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);   x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);  x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x11 ^= Integer.rotateLeft(x10 + x9, 7); x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x9 ^= Integer.rotateLeft(x8 + x11, 13); x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x12 ^= Integer.rotateLeft(x15 + x14, 7); x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x14 ^= Integer.rotateLeft(x13 + x12, 13); x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6;
        b[7] += x7; b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12;
        b[13] += x13; b[14] += x14; b[15] += x15;
    }

    private static int littleEndian(byte[] a, int i) {
        return (a[i] & 0xff) | (a[i + 1] & 0xff) << 8 | (a[i + 2] & 0xff) << 16 | (a[i + 3] & 0xff) << 24;
    }

    private static void putLittleEndian(byte[] a, int i, int v) {
        a[i] = (byte) v;
        a[i + 1] = (byte) (v >>> 8);
        a[i + 2] = (byte) (v >>> 16);
        a[i + 3] = (byte) (v >>> 24);
    }
}
