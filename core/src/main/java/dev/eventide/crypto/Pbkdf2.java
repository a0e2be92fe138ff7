package dev.eventide.crypto;

/**
 * PBKDF2 (RFC 8018 section 5.2) over {@link HmacEngine}, so that any of Node's digests works and
 * each iteration costs two digest compressions, as in OpenSSL. Stateless; runs on whichever
 * thread calls it (the worker pool for Crypto.pbkdf2).
 */
final class Pbkdf2 {
    private Pbkdf2() {}

    static byte[] derive(Digests digest, byte[] password, byte[] salt, int iterations, int keylen) {
        HmacEngine prf = new HmacEngine(digest, password);
        int h = digest.size;
        byte[] out = new byte[keylen];
        byte[] first = new byte[salt.length + 4];
        System.arraycopy(salt, 0, first, 0, salt.length);
        byte[] u = new byte[h];
        byte[] t = new byte[h];
        for (int block = 1, off = 0; off < keylen; block++, off += h) {
            first[salt.length] = (byte) (block >>> 24);
            first[salt.length + 1] = (byte) (block >>> 16);
            first[salt.length + 2] = (byte) (block >>> 8);
            first[salt.length + 3] = (byte) block;
            prf.mac(first, u);
            System.arraycopy(u, 0, t, 0, h);
            for (int i = 1; i < iterations; i++) {
                prf.mac(u, u);
                for (int k = 0; k < h; k++) {
                    t[k] ^= u[k];
                }
            }
            System.arraycopy(t, 0, out, off, Math.min(h, keylen - off));
        }
        return out;
    }
}
