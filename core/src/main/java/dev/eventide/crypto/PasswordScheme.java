package dev.eventide.crypto;

/**
 * A password-hash format that {@link Password#verify} hands hashes to when they are not its own
 * scrypt strings: an optional module provides it through {@link java.util.ServiceLoader} (the
 * crypto-bc module provides bcrypt's {@code $2a$/$2b$/$2y$}). Implementations are stateless and
 * thread-safe; both methods run on a worker-pool thread or on the caller of a Sync form.
 */
public interface PasswordScheme {
    /** Whether {@code stored} is a hash in this scheme's format (a cheap prefix check). */
    boolean handles(String stored);

    /**
     * Whether {@code password} matches {@code stored}, compared in constant time; a malformed
     * or out-of-limits hash throws a NodeError (ERR_INVALID_ARG_VALUE or ERR_OUT_OF_RANGE).
     */
    boolean verify(String password, String stored);
}
