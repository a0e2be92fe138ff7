package dev.eventide.crypto;

import java.math.BigInteger;

/**
 * The options of generateKeyPair: modulusLength and publicExponent for "rsa", namedCurve for
 * "ec" (P-256, P-384, P-521 and their OpenSSL names); "ed25519" and "ed448" take none. A mutable
 * builder, read once when generation starts.
 */
public final class KeyPairOptions {
    Integer modulusLength;
    BigInteger publicExponent = BigInteger.valueOf(65537);
    String namedCurve;

    public KeyPairOptions modulusLength(int bits) {
        modulusLength = bits;
        return this;
    }

    public KeyPairOptions publicExponent(long e) {
        publicExponent = BigInteger.valueOf(e);
        return this;
    }

    public KeyPairOptions namedCurve(String name) {
        namedCurve = name;
        return this;
    }
}
