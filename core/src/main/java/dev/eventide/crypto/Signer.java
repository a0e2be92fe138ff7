package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

/**
 * Signing and verifying a message digest with RSA (PKCS#1 v1.5) or ECDSA (DER signatures), and
 * whole messages with Ed25519/Ed448, as Node's defaults do. Stateless; any thread.
 *
 * <p>Sign and Verify hash their input as it streams in, so the JDK's "NONEwith" signatures take
 * the finished digest: for RSA wrapped in its DigestInfo, for ECDSA as it is.
 */
final class Signer {
    private Signer() {}

    static byte[] signDigest(Digests d, byte[] hash, PrivateKey key) {
        try {
            if (key instanceof RSAKey) {
                Signature s = Signature.getInstance("NONEwithRSA");
                s.initSign(key);
                s.update(digestInfo(d, hash));
                return s.sign();
            }
            if (key instanceof ECKey) {
                Signature s = Signature.getInstance("NONEwithECDSA");
                s.initSign(key);
                s.update(hash);
                return s.sign();
            }
        } catch (GeneralSecurityException e) {
            throw ErrorCode.ERR_CRYPTO_OPERATION_FAILED.withCause(e, "Sign", e.getMessage());
        }
        throw unsupported();
    }

    static boolean verifyDigest(Digests d, byte[] hash, PublicKey key, byte[] signature) {
        try {
            Signature s;
            if (key instanceof RSAKey) {
                s = Signature.getInstance("NONEwithRSA");
                s.initVerify(key);
                s.update(digestInfo(d, hash));
            } else if (key instanceof ECKey) {
                s = Signature.getInstance("NONEwithECDSA");
                s.initVerify(key);
                s.update(hash);
            } else {
                throw unsupported();
            }
            return s.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw ErrorCode.ERR_CRYPTO_OPERATION_FAILED.withCause(e, "Verify", e.getMessage());
        }
    }

    static boolean isEdwards(Key key) {
        return key instanceof java.security.interfaces.EdECKey;
    }

    /** Ed25519/Ed448 over the whole message (Node requires a null algorithm for these). */
    static byte[] signMessage(byte[] data, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(((java.security.interfaces.EdECKey) key).getParams().getName());
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw ErrorCode.ERR_CRYPTO_OPERATION_FAILED.withCause(e, "Sign", e.getMessage());
        }
    }

    static boolean verifyMessage(byte[] data, PublicKey key, byte[] signature) {
        try {
            Signature s = Signature.getInstance(((java.security.interfaces.EdECKey) key).getParams().getName());
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw ErrorCode.ERR_CRYPTO_OPERATION_FAILED.withCause(e, "Verify", e.getMessage());
        }
    }

    static NodeError unsupported() {
        return ErrorCode.ERR_CRYPTO_UNSUPPORTED_OPERATION.make();
    }

    static NodeError edwardsWithDigest() {
        return ErrorCode.ERR_OSSL_INVALID_DIGEST.make();
    }

    /** PKCS#1's DigestInfo: SEQUENCE { AlgorithmIdentifier { OID, NULL }, OCTET STRING hash }. */
    static byte[] digestInfo(Digests d, byte[] hash) {
        byte[] oid = switch (d) {
            case MD5 -> hex("2a864886f70d0205");
            case SHA1 -> hex("2b0e03021a");
            default -> nist(d);
        };
        int algLen = 2 + oid.length + 2;
        int total = 2 + 2 + algLen + 2 + hash.length;
        byte[] out = new byte[total];
        int i = 0;
        out[i++] = 0x30;
        out[i++] = (byte) (total - 2);
        out[i++] = 0x30;
        out[i++] = (byte) algLen;
        out[i++] = 0x06;
        out[i++] = (byte) oid.length;
        System.arraycopy(oid, 0, out, i, oid.length);
        i += oid.length;
        out[i++] = 0x05;
        out[i++] = 0x00;
        out[i++] = 0x04;
        out[i++] = (byte) hash.length;
        System.arraycopy(hash, 0, out, i, hash.length);
        return out;
    }

    /** 2.16.840.1.101.3.4.2.n, the NIST hash arc. */
    private static byte[] nist(Digests d) {
        int n = switch (d) {
            case SHA256 -> 1;
            case SHA384 -> 2;
            case SHA512 -> 3;
            case SHA224 -> 4;
            case SHA512_224 -> 5;
            case SHA512_256 -> 6;
            case SHA3_224 -> 7;
            case SHA3_256 -> 8;
            case SHA3_384 -> 9;
            case SHA3_512 -> 10;
            default -> throw new IllegalArgumentException(d.nodeName);
        };
        byte[] oid = hex("608648016503040200");
        oid[oid.length - 1] = (byte) n;
        return oid;
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
