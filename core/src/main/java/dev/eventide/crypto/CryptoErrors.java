package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.Errors;
import dev.eventide.errors.NodeError;

/**
 * The crypto package's argument shaping for the catalogue's crypto codes (the optional suffixes
 * Node's C++ adds, digit grouping), and the few errors Node gives no code. Codes and templates
 * are ErrorCode's; the messages are checked against node's output in the tests. Stateless;
 * callable from any thread.
 *
 * <p>A few of Node's crypto errors have no code at all (OpenSSL's "Digest method not supported",
 * "Unsupported state or unable to authenticate data"); those keep a null code, as in Node.
 */
final class CryptoErrors {
    private CryptoErrors() {}

    static NodeError digestNotSupported() {
        return new NodeError(null, "Digest method not supported");
    }

    static NodeError invalidDigest(String name) {
        return ErrorCode.ERR_CRYPTO_INVALID_DIGEST.make(": " + name);
    }

    static NodeError invalidScryptParams(boolean memoryLimit) {
        return ErrorCode.ERR_CRYPTO_INVALID_SCRYPT_PARAMS.make(memoryLimit
                ? ": error:030000AC:digital envelope routines::memory limit exceeded" : "");
    }

    static NodeError invalidState(String operation) {
        return ErrorCode.ERR_CRYPTO_INVALID_STATE.make(operation == null ? "" : " for operation " + operation);
    }

    static NodeError unsupportedState() {
        return new NodeError(null, "Trying to add data in unsupported state");
    }

    static NodeError authenticationFailed() {
        return new NodeError(null, "Unsupported state or unable to authenticate data");
    }

    static NodeError invalidKeyType(String type) {
        return ErrorCode.ERR_INVALID_ARG_VALUE.make("argument", "type", "must be a supported key type",
                "'" + type + "'");
    }

    static NodeError signDigestInvalid() {
        return ErrorCode.ERR_CRYPTO_INVALID_DIGEST.make("");
    }

    /** Node's ERR_OUT_OF_RANGE, with Node's digit grouping for integers beyond 2^32. */
    static NodeError outOfRange(String name, String range, long received) {
        return Errors.outOfRange(name, range, group(received));
    }

    static NodeError notSafeInteger(String name, double received) {
        return Errors.invalidArgType(name, "a safe integer", received);
    }

    /** Node's addNumericalSeparator: 281_474_976_710_656 for |n| > 2^32. */
    static String group(long n) {
        String digits = Long.toString(Math.abs(n));
        if (Math.abs(n) <= (1L << 32)) {
            return Long.toString(n);
        }
        StringBuilder out = new StringBuilder();
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            out.append('_').append(digits, i, i + 3);
        }
        return (n < 0 ? "-" : "") + out;
    }
}
