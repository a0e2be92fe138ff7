package dev.eventide.crypto;

import dev.eventide.errors.Errors;
import dev.eventide.errors.NodeError;

/**
 * The crypto package's errors, with Node 20's codes and messages (checked against node's output
 * in the tests). Stateless; callable from any thread.
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
        return new NodeError("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + name);
    }

    static NodeError hashFinalized() {
        return new NodeError("ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
    }

    static NodeError timingSafeEqualLength() {
        return new NodeError("ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length");
    }

    static NodeError invalidScryptParams(boolean memoryLimit) {
        return new NodeError("ERR_CRYPTO_INVALID_SCRYPT_PARAMS", memoryLimit
                ? "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded"
                : "Invalid scrypt params");
    }

    static NodeError scryptInvalidParameter() {
        return new NodeError("ERR_CRYPTO_SCRYPT_INVALID_PARAMETER", "Invalid scrypt parameter");
    }

    static NodeError invalidKeyLength() {
        return new NodeError("ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length");
    }

    static NodeError invalidIv() {
        return new NodeError("ERR_CRYPTO_INVALID_IV", "Invalid initialization vector");
    }

    static NodeError unknownCipher() {
        return new NodeError("ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
    }

    static NodeError invalidAuthTag(int length) {
        return new NodeError("ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: " + length);
    }

    static NodeError invalidState(String operation) {
        return new NodeError("ERR_CRYPTO_INVALID_STATE",
                operation == null ? "Invalid state" : "Invalid state for operation " + operation);
    }

    static NodeError unsupportedState() {
        return new NodeError(null, "Trying to add data in unsupported state");
    }

    static NodeError authenticationFailed() {
        return new NodeError(null, "Unsupported state or unable to authenticate data");
    }

    static NodeError badDecrypt() {
        return new NodeError("ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt");
    }

    static NodeError wrongFinalBlockLength() {
        return new NodeError("ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH",
                "error:1C80006B:Provider routines::wrong final block length");
    }

    static NodeError invalidCurve() {
        return new NodeError("ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name");
    }

    static NodeError invalidKeyType(String type) {
        return new NodeError("ERR_INVALID_ARG_VALUE",
                "The argument 'type' must be a supported key type. Received '" + type + "'");
    }

    static NodeError signDigestInvalid() {
        return new NodeError("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest");
    }

    static NodeError invalidKeyObjectType(String actual, String expected) {
        return new NodeError("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE",
                "Invalid key object type " + actual + ", expected " + expected + ".");
    }

    static NodeError unsupportedKey(String detail) {
        return new NodeError("ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported" + detail);
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
