package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.errors.Errors;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Node's KeyObject: a secret, public or private key, exportable as PEM or DER (spki for public
 * keys, pkcs8 for private ones) or, for secret keys, as bytes. Immutable; any thread.
 */
public final class KeyObject {
    private final String type;
    private final Key key;
    private final byte[] secret;

    private KeyObject(String type, Key key, byte[] secret) {
        this.type = type;
        this.key = key;
        this.secret = secret;
    }

    static KeyObject secret(byte[] bytes) {
        return new KeyObject("secret", null, bytes.clone());
    }

    static KeyObject publicKey(PublicKey key) {
        return new KeyObject("public", key, null);
    }

    static KeyObject privateKey(PrivateKey key) {
        return new KeyObject("private", key, null);
    }

    /** "secret", "public" or "private". */
    public String type() {
        return type;
    }

    /** "rsa", "ec", "ed25519", "ed448", "x25519", "x448"; null for a secret key. */
    public String asymmetricKeyType() {
        if (key == null) {
            return null;
        }
        return switch (key.getAlgorithm()) {
            case "RSA" -> "rsa";
            case "EC" -> "ec";
            case "EdDSA", "Ed25519" -> edName(key, "ed");
            case "XDH", "X25519", "X448" -> edName(key, "x");
            default -> key.getAlgorithm().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String edName(Key key, String prefix) {
        String name = "";
        if (key instanceof java.security.interfaces.EdECKey ed) {
            name = ed.getParams().getName();
        } else if (key instanceof java.security.interfaces.XECKey x
                && x.getParams() instanceof java.security.spec.NamedParameterSpec n) {
            name = n.getName();
        }
        return prefix + (name.endsWith("448") ? "448" : "25519");
    }

    /** Node's asymmetricKeyDetails: modulusLength/publicExponent for RSA, namedCurve for EC. */
    public Map<String, Object> asymmetricKeyDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (key instanceof RSAKey rsa) {
            details.put("modulusLength", rsa.getModulus().bitLength());
            if (key instanceof RSAPublicKey pub) {
                details.put("publicExponent", pub.getPublicExponent());
            } else if (key instanceof RSAPrivateCrtKey crt) {
                details.put("publicExponent", crt.getPublicExponent());
            }
        } else if (key instanceof ECKey ec) {
            details.put("namedCurve", Keys.curveName(ec.getParams()));
        }
        return details;
    }

    /** For a secret key, its length in bytes (Node's symmetricKeySize); null otherwise. */
    public Integer symmetricKeySize() {
        return secret == null ? null : secret.length;
    }

    /** A secret key's bytes (Node's export() without options). */
    public Bytes export() {
        if (secret == null) {
            return exportDer(type.equals("public") ? "spki" : "pkcs8");
        }
        return Bytes.from(secret);
    }

    /** PEM text in Node's layout (64-character lines), as spki for public keys and pkcs8 for private ones. */
    public String exportPem() {
        return exportPem(type.equals("public") ? "spki" : "pkcs8");
    }

    public String exportPem(String encodingType) {
        byte[] der = der(encodingType);
        String label = type.equals("public") ? "PUBLIC KEY" : "PRIVATE KEY";
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    public Bytes exportDer(String encodingType) {
        return Bytes.wrap(der(encodingType));
    }

    private byte[] der(String encodingType) {
        if (secret != null) {
            throw ErrorCode.ERR_INVALID_ARG_VALUE.withMessage(
                    "The property 'options.format' is invalid for a secret key");
        }
        String expected = type.equals("public") ? "spki" : "pkcs8";
        if (!expected.equals(encodingType)) {
            throw Errors.invalidArgValue("options.type", encodingType,
                    "is not supported here: " + type + " keys export as '" + expected + "'");
        }
        return key.getEncoded();
    }

    Key key() {
        return key;
    }

    byte[] secretBytes() {
        return secret;
    }

    /** Node's keyObject.equals: same type and same key material. */
    public boolean equals(KeyObject other) {
        if (other == null || !type.equals(other.type)) {
            return false;
        }
        byte[] a = secret != null ? secret : key.getEncoded();
        byte[] b = other.secret != null ? other.secret : other.key.getEncoded();
        return java.security.MessageDigest.isEqual(a, b);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyObject k && equals(k);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return "KeyObject[type=" + type + (key != null ? ", " + asymmetricKeyType() : "") + "]";
    }
}
