package dev.eventide.crypto;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import java.security.SecureRandom;

/**
 * The random functions behind Crypto: randomBytes, randomInt, randomUUID, getRandomValues, with
 * Node's ranges and errors. Thread-safe (SecureRandom is).
 */
final class CryptoRandom {
    static final SecureRandom RANDOM = new SecureRandom();
    /** Node's RAND_MAX for randomInt: the range must fit in 48 bits. */
    static final long RAND_MAX = 0xFFFF_FFFF_FFFFL;
    private static final long MAX_SAFE = (1L << 53) - 1;
    /** Web Crypto's getRandomValues quota. */
    private static final int QUOTA = 65536;

    private CryptoRandom() {}

    static void checkSize(long size) {
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw CryptoErrors.outOfRange("size", ">= 0 && <= " + Integer.MAX_VALUE, size);
        }
    }

    static Bytes bytes(long size) {
        checkSize(size);
        byte[] out = new byte[(int) size];
        RANDOM.nextBytes(out);
        return Bytes.wrap(out);
    }

    static long randomInt(long min, long max, boolean minGiven) {
        if (Math.abs(min) > MAX_SAFE) {
            throw CryptoErrors.notSafeInteger("min", min);
        }
        if (Math.abs(max) > MAX_SAFE) {
            throw CryptoErrors.notSafeInteger("max", max);
        }
        if (max <= min) {
            throw CryptoErrors.outOfRange("max", "greater than the value of \"min\" (" + min + ")", max);
        }
        long range = max - min;
        if (range > RAND_MAX) {
            throw CryptoErrors.outOfRange(minGiven ? "max - min" : "max", "<= " + RAND_MAX, range);
        }
        return min + RANDOM.nextLong(range);
    }

    static <T> T fillValues(T target) {
        byte[] array;
        int offset;
        int length;
        if (target instanceof Bytes b) {
            array = b.array();
            offset = b.byteOffset();
            length = b.length();
        } else if (target instanceof byte[] a) {
            array = a;
            offset = 0;
            length = a.length;
        } else {
            throw dev.eventide.errors.Errors.invalidArgType("typedArray", "an instance of Bytes or byte[]", target);
        }
        if (length > QUOTA) {
            throw new NodeError("QuotaExceededError", "The ArrayBufferView's byte length (" + length
                    + ") exceeds the number of bytes of entropy available via this API (" + QUOTA + ")");
        }
        byte[] fresh = new byte[length];
        RANDOM.nextBytes(fresh);
        System.arraycopy(fresh, 0, array, offset, length);
        return target;
    }
}
