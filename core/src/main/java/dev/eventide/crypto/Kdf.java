package dev.eventide.crypto;

import dev.eventide.errors.Errors;

/**
 * Argument checks for pbkdf2 and scrypt, in Node's order and with Node's errors, and the
 * derivations they lead to. Stateless; the checks run on the caller's thread, the derivations
 * wherever the caller sends them.
 */
final class Kdf {
    private static final long INT32_MAX = Integer.MAX_VALUE;

    private Kdf() {}

    record Pbkdf2Args(byte[] password, byte[] salt, int iterations, int keylen, Digests digest) {
        byte[] derive() {
            return Pbkdf2.derive(digest, password, salt, iterations, keylen);
        }
    }

    record ScryptArgs(byte[] password, byte[] salt, int keylen, ScryptOptions.Params params) {
        byte[] derive() {
            return Scrypt.derive(password, salt, params.n(), params.r(), params.p(), keylen);
        }
    }

    static Pbkdf2Args pbkdf2(Object password, Object salt, long iterations, long keylen, String digest) {
        byte[] pw = CryptoData.bytes(password, "password");
        byte[] s = CryptoData.bytes(salt, "salt");
        Errors.requireNonNull(digest, "digest", "of type string");
        if (iterations < 1 || iterations > INT32_MAX) {
            throw CryptoErrors.outOfRange("iterations", ">= 1 && <= " + INT32_MAX, iterations);
        }
        if (keylen < 0 || keylen > INT32_MAX) {
            throw CryptoErrors.outOfRange("keylen", ">= 0 && <= " + INT32_MAX, keylen);
        }
        Digests d = Digests.find(digest);
        if (d == null) {
            throw CryptoErrors.invalidDigest(digest);
        }
        return new Pbkdf2Args(pw, s, (int) iterations, (int) keylen, d);
    }

    static ScryptArgs scrypt(Object password, Object salt, long keylen, ScryptOptions options) {
        byte[] pw = CryptoData.bytes(password, "password");
        byte[] s = CryptoData.bytes(salt, "salt");
        if (keylen < 0 || keylen > INT32_MAX) {
            throw CryptoErrors.outOfRange("keylen", ">= 0 && <= " + INT32_MAX, keylen);
        }
        return new ScryptArgs(pw, s, (int) keylen, ScryptOptions.check(options));
    }
}
