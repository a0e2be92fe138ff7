package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;

/**
 * The options of Node's crypto.scrypt: cost (N), blockSize (r), parallelization (p) and maxmem,
 * each settable under either of Node's two names (setting both is
 * ERR_CRYPTO_SCRYPT_INVALID_PARAMETER). Unset or 0 means Node's default: N = 16384, r = 8,
 * p = 1, maxmem = 32 MiB. A mutable builder; read once when a derivation starts.
 */
public final class ScryptOptions {
    static final long DEFAULT_N = 16384;
    static final long DEFAULT_R = 8;
    static final long DEFAULT_P = 1;
    static final long DEFAULT_MAXMEM = 32L << 20;
    private static final long UINT32_MAX = 0xffff_ffffL;
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    Long n;
    Long cost;
    Long r;
    Long blockSize;
    Long p;
    Long parallelization;
    Long maxmem;

    public ScryptOptions N(long value) {
        n = value;
        return this;
    }

    public ScryptOptions cost(long value) {
        cost = value;
        return this;
    }

    public ScryptOptions r(long value) {
        r = value;
        return this;
    }

    public ScryptOptions blockSize(long value) {
        blockSize = value;
        return this;
    }

    public ScryptOptions p(long value) {
        p = value;
        return this;
    }

    public ScryptOptions parallelization(long value) {
        parallelization = value;
        return this;
    }

    /** The memory ceiling in bytes; OpenSSL's rule 128 * r * (N + 2 + p) <= maxmem applies. */
    public ScryptOptions maxmem(long value) {
        maxmem = value;
        return this;
    }

    /** The checked parameters, as Node's scrypt.js check() and OpenSSL's scrypt_alg apply them. */
    record Params(int n, int r, int p) {}

    static Params check(ScryptOptions o) {
        long nv = DEFAULT_N;
        long rv = DEFAULT_R;
        long pv = DEFAULT_P;
        long mem = DEFAULT_MAXMEM;
        if (o != null) {
            nv = pick(o.n, "N", o.cost, "cost", DEFAULT_N);
            rv = pick(o.r, "r", o.blockSize, "blockSize", DEFAULT_R);
            pv = pick(o.p, "p", o.parallelization, "parallelization", DEFAULT_P);
            if (o.maxmem != null) {
                mem = o.maxmem;
                if (mem < 0 || mem > MAX_SAFE_INTEGER) {
                    throw CryptoErrors.outOfRange("maxmem", ">= 0 && <= " + MAX_SAFE_INTEGER, mem);
                }
                mem = mem == 0 ? DEFAULT_MAXMEM : mem;
            }
        }
        return openSslCheck(nv, rv, pv, mem);
    }

    private static long pick(Long a, String aName, Long b, String bName, long fallback) {
        if (a != null && b != null) {
            throw ErrorCode.ERR_CRYPTO_SCRYPT_INVALID_PARAMETER.make();
        }
        Long v = a != null ? a : b;
        if (v == null) {
            return fallback;
        }
        if (v < 0 || v > UINT32_MAX) {
            throw CryptoErrors.outOfRange(a != null ? aName : bName, ">= 0 && <= " + UINT32_MAX, v);
        }
        return v == 0 ? fallback : v;
    }

    /** OpenSSL 3's scrypt_alg checks, in its order; the memory ones carry its error text. */
    private static Params openSslCheck(long n, long r, long p, long maxmem) {
        if (n < 2 || (n & (n - 1)) != 0) {
            throw CryptoErrors.invalidScryptParams(false);
        }
        if (p > ((1L << 30) - 1) / r) {
            throw CryptoErrors.invalidScryptParams(true);
        }
        if (16 * r <= 63 && n >= (1L << (16 * r))) {
            throw CryptoErrors.invalidScryptParams(true);
        }
        long bLen = p * 128 * r;
        if (bLen > Integer.MAX_VALUE) {
            throw CryptoErrors.invalidScryptParams(true);
        }
        // n < 2^32 and r < 2^32 here, so 128 * r * (n + 2) needs care only against overflow.
        if (Math.multiplyHigh(128 * r, n + 2) != 0 || 128 * r * (n + 2) < 0
                || 128 * r * (n + 2) + bLen > maxmem || 128 * r * (n + 2) + bLen < 0) {
            throw CryptoErrors.invalidScryptParams(true);
        }
        return new Params((int) n, (int) r, (int) p);
    }
}
