package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import dev.eventide.promise.Promise;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Password hashing for a login system: scrypt on the worker pool, stored as a self-describing
 * PHC string, verified in constant time. Stateless; call hash/verify on a loop thread (the work
 * runs on the pool), hashSync/verifySync anywhere.
 *
 * <p>Format (the PHC string format, as Python's passlib and the PHC reference use for scrypt):
 * <pre>
 *   $scrypt$ln=15,r=8,p=1$&lt;salt&gt;$&lt;hash&gt;
 * </pre>
 * where N = 2^ln, salt is 16 random bytes, hash is 32 bytes, both in unpadded standard base64.
 * The defaults (ln=15, r=8, p=1: 32 MiB and about 100 ms) follow OWASP's minimum for scrypt.
 * Parameters are read back from the string, so stronger settings later still verify old hashes;
 * limits on them (ln at most 20, r at most 32, p at most 16, 256 MiB per block and 1 GiB of
 * work over all of p) keep a planted hash from tying up
 * the pool. bcrypt ($2a$/$2b$/$2y$) lives in the optional crypto-bc module; verify() hands such
 * hashes to it when it is present (a {@link PasswordScheme}).
 */
public final class Password {
    static final int DEFAULT_LN = 15;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private Password() {}

    /** Hashes with the defaults on the worker pool. */
    public static Promise<String> hash(String password) {
        return hash(password, DEFAULT_LN, 8, 1);
    }

    public static Promise<String> hash(String password, int ln, int r, int p) {
        return CryptoJobs.submit(() -> check(password, ln, r, p), params -> hashSync(password, ln, r, p));
    }

    public static String hashSync(String password) {
        return hashSync(password, DEFAULT_LN, 8, 1);
    }

    public static String hashSync(String password, int ln, int r, int p) {
        check(password, ln, r, p);
        byte[] salt = new byte[SALT_BYTES];
        CryptoRandom.RANDOM.nextBytes(salt);
        byte[] dk = derive(password, salt, ln, r, p, HASH_BYTES);
        return "$scrypt$ln=" + ln + ",r=" + r + ",p=" + p + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(dk);
    }

    /**
     * True when {@code password} matches {@code stored}; a malformed string rejects with
     * ERR_INVALID_ARG_VALUE. A hash in another format goes to the {@link PasswordScheme} that
     * handles it (bcrypt's {@code $2b$} when the crypto-bc module is present), so a login can
     * verify the hashes an earlier Node service stored while new ones are scrypt.
     */
    public static Promise<Boolean> verify(String password, String stored) {
        PasswordScheme other = schemeFor(stored);
        if (other != null) {
            return CryptoJobs.submit(() -> check(password, 1, 1, 1), ok -> other.verify(password, stored));
        }
        return CryptoJobs.submit(() -> Parsed.of(password, stored), parsed -> parsed.matches(password));
    }

    public static boolean verifySync(String password, String stored) {
        PasswordScheme other = schemeFor(stored);
        if (other != null) {
            check(password, 1, 1, 1);
            return other.verify(password, stored);
        }
        return Parsed.of(password, stored).matches(password);
    }

    /** The installed scheme for a hash that is not a scrypt string, or null (then: ours, or malformed). */
    private static PasswordScheme schemeFor(String stored) {
        if (stored == null || stored.startsWith("$scrypt$")) {
            return null;
        }
        for (PasswordScheme scheme : Schemes.INSTALLED) {
            if (scheme.handles(stored)) {
                return scheme;
            }
        }
        if (stored.startsWith("$2")) {
            throw ErrorCode.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM.withMessage(
                    "bcrypt hashes need the optional crypto-bc module (dev.eventide.crypto.bc) on the module path");
        }
        return null;
    }

    /** The schemes found once, on first use. */
    private static final class Schemes {
        static final java.util.List<PasswordScheme> INSTALLED = java.util.ServiceLoader.load(PasswordScheme.class,
                Password.class.getClassLoader()).stream().map(java.util.ServiceLoader.Provider::get).toList();
    }

    /** The most memory one scrypt block may take when hashing or verifying: 256 MiB. */
    static final long MAX_MEMORY = 256L << 20;

    private static Boolean check(String password, int ln, int r, int p) {
        if (password == null) {
            throw dev.eventide.errors.Errors.invalidArgType("password", "of type string", null);
        }
        if (ln < 1 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16) {
            throw ErrorCode.ERR_OUT_OF_RANGE.withMessage("scrypt parameters out of range: ln=" + ln + ", r=" + r
                    + ", p=" + p
                    + " (allowed: ln 1-20, r 1-32, p 1-16)");
        }
        // Each bound alone still lets a planted hash ask for 128 * r * 2^ln = 4 GiB; cap the
        // memory (and the total work, p times that) as well.
        long memory = 128L * r * (1L << ln);
        if (memory > MAX_MEMORY || memory * p > MAX_MEMORY * 4) {
            throw ErrorCode.ERR_OUT_OF_RANGE.withMessage("scrypt parameters ask for too much: ln=" + ln + ", r=" + r
                    + ", p=" + p + " need " + memory + " bytes per block (at most " + MAX_MEMORY + ", and "
                    + (MAX_MEMORY * 4) + " over all of p)");
        }
        return Boolean.TRUE;
    }

    private static byte[] derive(String password, byte[] salt, int ln, int r, int p, int keylen) {
        ScryptOptions o = new ScryptOptions().N(1L << ln).r(r).p(p).maxmem(128L * r * ((1L << ln) + 2 + p) + 1024);
        ScryptOptions.Params params = ScryptOptions.check(o);
        return Scrypt.derive(password.getBytes(StandardCharsets.UTF_8), salt, params.n(), params.r(), params.p(), keylen);
    }

    /** A parsed PHC scrypt string. */
    private record Parsed(int ln, int r, int p, byte[] salt, byte[] hash) {
        static Parsed of(String password, String stored) {
            check(password, 1, 1, 1);
            if (stored == null || !stored.startsWith("$scrypt$")) {
                throw bad(stored);
            }
            String[] parts = stored.split("\\$", -1);
            if (parts.length != 5) {
                throw bad(stored);
            }
            try {
                int ln = -1, r = -1, p = -1;
                for (String kv : parts[2].split(",")) {
                    String[] pair = kv.split("=", 2);
                    int v = Integer.parseInt(pair[1]);
                    switch (pair[0]) {
                        case "ln" -> ln = v;
                        case "r" -> r = v;
                        case "p" -> p = v;
                        default -> throw bad(stored);
                    }
                }
                check(password, ln, r, p);
                byte[] salt = Base64.getDecoder().decode(parts[3]);
                byte[] hash = Base64.getDecoder().decode(parts[4]);
                if (hash.length < 16 || hash.length > 64 || salt.length > 64) {
                    throw bad(stored);
                }
                return new Parsed(ln, r, p, salt, hash);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw bad(stored);
            }
        }

        boolean matches(String password) {
            return MessageDigest.isEqual(hash, derive(password, salt, ln, r, p, hash.length));
        }

        private static NodeError bad(String stored) {
            String shown = stored == null ? "null" : stored.length() > 20 ? stored.substring(0, 20) + "..." : stored;
            return ErrorCode.ERR_INVALID_ARG_VALUE.make("argument", "hash", "is not a $scrypt$ PHC string",
                    "'" + shown + "'");
        }
    }
}
