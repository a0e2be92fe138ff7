package dev.eventide.crypto.bc;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.Errors;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt password hashes in the modular crypt format that the Node packages (bcrypt, bcryptjs)
 * write: {@code $2b$10$<22-char salt><31-char hash>}. Hashing and checking run on the worker
 * pool and settle on the calling loop; the Sync forms run on the caller's thread.
 *
 * <p>Verification accepts $2a$, $2b$ and $2y$ (one algorithm; the letters record old bugs in
 * other implementations). New hashes are $2b$. Cost is 4 to 31; 10 to 12 suits a login (about
 * 60 to 250 ms). Passwords are UTF-8 and, as in every bcrypt, only their first 72 bytes count.
 * A stored hash asking for a cost above {@link #MAX_VERIFY_COST} is refused, so a planted hash
 * cannot tie up the pool.
 */
public final class Bcrypt {
    public static final int DEFAULT_COST = 10;
    public static final int MAX_VERIFY_COST = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    private Bcrypt() {}

    public static Promise<String> hash(String password) {
        return hash(password, DEFAULT_COST);
    }

    public static Promise<String> hash(String password, int cost) {
        try {
            check(password, cost);
        } catch (NodeError e) {
            return Promise.reject(e);
        }
        return onPool(() -> hashSync(password, cost));
    }

    public static String hashSync(String password, int cost) {
        check(password, cost);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", bytes(password), salt, cost);
    }

    /** True when {@code password} matches; a string that is not a bcrypt hash rejects. */
    public static Promise<Boolean> verify(String password, String hash) {
        try {
            checkHash(password, hash);
        } catch (NodeError e) {
            return Promise.reject(e);
        }
        return onPool(() -> verifySync(password, hash));
    }

    public static boolean verifySync(String password, String hash) {
        checkHash(password, hash);
        // Bouncy Castle compares the recomputed hash in constant time.
        return OpenBSDBCrypt.checkPassword(hash, bytes(password));
    }

    /** The cost recorded in a hash, e.g. to rehash at login when the policy has gone up. */
    public static int cost(String hash) {
        checkHash("", hash);
        return Integer.parseInt(hash.substring(4, 6));
    }

    private static byte[] bytes(String password) {
        byte[] b = password.getBytes(StandardCharsets.UTF_8);
        return b.length > 72 ? java.util.Arrays.copyOf(b, 72) : b;
    }

    private static void check(String password, int cost) {
        if (password == null) {
            throw Errors.invalidArgType("password", "of type string", null);
        }
        if (cost < 4 || cost > 31) {
            throw Errors.outOfRange("cost", ">= 4 && <= 31", cost);
        }
    }

    private static void checkHash(String password, String hash) {
        check(password, DEFAULT_COST);
        if (hash == null || !FORMAT.matcher(hash).matches()) {
            throw ErrorCode.ERR_INVALID_ARG_VALUE.withMessage(
                    "The argument 'hash' is not a bcrypt hash ($2a$, $2b$ or $2y$)");
        }
        int cost = Integer.parseInt(hash.substring(4, 6));
        if (cost < 4 || cost > MAX_VERIFY_COST) {
            throw ErrorCode.ERR_OUT_OF_RANGE.withMessage(
                    "The bcrypt cost " + cost + " is out of range. It must be >= 4 && <= " + MAX_VERIFY_COST);
        }
    }

    private static <T> Promise<T> onPool(Callable<T> work) {
        Deferred<T> result = Promise.withResolvers();
        EventLoop.current().queueWork(WorkKind.CRYPTO, work, (value, error) -> {
            if (error != null) {
                result.reject(error);
            } else {
                result.resolve(value);
            }
        });
        return result.promise();
    }
}
