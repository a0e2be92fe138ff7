package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;

/**
 * Key generation and parsing: generateKeyPair's checks (Node's messages) and generators, and
 * PEM/DER spki and pkcs8 input for createPublicKey/createPrivateKey. Stateless; any thread.
 */
final class Keys {
    /** The JDK key factories tried in turn for a DER key of unknown algorithm. */
    private static final String[] FACTORIES = {"RSA", "EC", "Ed25519", "Ed448", "X25519", "X448"};

    private Keys() {}

    /** Checks the options on the caller's thread; returns the generator to run (maybe elsewhere). */
    static KeyPairGenerator generator(String type, KeyPairOptions options) {
        KeyPairOptions o = options == null ? new KeyPairOptions() : options;
        try {
            switch (type == null ? "" : type) {
                case "rsa" -> {
                    if (o.modulusLength == null) {
                        throw property("options.modulusLength", "number");
                    }
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(new RSAKeyGenParameterSpec(o.modulusLength, o.publicExponent));
                    return g;
                }
                case "ec" -> {
                    if (o.namedCurve == null) {
                        throw property("options.namedCurve", "string");
                    }
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec(jdkCurve(o.namedCurve)));
                    return g;
                }
                case "ed25519", "ed448", "x25519", "x448" -> {
                    return KeyPairGenerator.getInstance(type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1));
                }
                default -> throw CryptoErrors.invalidKeyType(type);
            }
        } catch (GeneralSecurityException e) {
            throw ErrorCode.ERR_CRYPTO_OPERATION_FAILED.withCause(e, "Key generation job", e.getMessage());
        }
    }

    static KeyObjectPair generate(KeyPairGenerator g) {
        KeyPair pair = g.generateKeyPair();
        return new KeyObjectPair(KeyObject.publicKey(pair.getPublic()), KeyObject.privateKey(pair.getPrivate()));
    }

    private static NodeError property(String name, String type) {
        return ErrorCode.ERR_INVALID_ARG_TYPE.make(name, "property", "of type " + type, "undefined");
    }

    private static String jdkCurve(String name) {
        return switch (name) {
            case "P-256", "prime256v1", "secp256r1" -> "secp256r1";
            case "P-384", "secp384r1" -> "secp384r1";
            case "P-521", "secp521r1" -> "secp521r1";
            default -> throw ErrorCode.ERR_CRYPTO_INVALID_CURVE.make();
        };
    }

    /** OpenSSL's short name for a JDK curve, as Node reports it in asymmetricKeyDetails. */
    static String curveName(ECParameterSpec params) {
        return switch (params.getCurve().getField().getFieldSize()) {
            case 256 -> "prime256v1";
            case 384 -> "secp384r1";
            case 521 -> "secp521r1";
            default -> params.toString();
        };
    }

    /** createPublicKey: a PEM string, DER bytes (spki), or a private KeyObject (RSA only). */
    static KeyObject publicKey(Object input) {
        if (input instanceof KeyObject k) {
            return switch (k.type()) {
                case "public" -> k;
                case "private" -> KeyObject.publicKey(publicFromPrivate((PrivateKey) k.key()));
                default -> throw ErrorCode.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE.make("secret", "public or private");
            };
        }
        Pem pem = Pem.read(input);
        if (pem.label.equals("PRIVATE KEY")) {
            return KeyObject.publicKey(publicFromPrivate(privateFromDer(pem.der)));
        }
        if (!pem.label.equals("PUBLIC KEY") && !pem.label.equals("DER")) {
            throw ErrorCode.ERR_OSSL_UNSUPPORTED.make("");
        }
        for (String alg : FACTORIES) {
            try {
                return KeyObject.publicKey(KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(pem.der)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm; try the next
            }
        }
        throw ErrorCode.ERR_OSSL_UNSUPPORTED.make("");
    }

    /** createPrivateKey: a PEM string or DER bytes (pkcs8). */
    static KeyObject privateKey(Object input) {
        if (input instanceof KeyObject k) {
            if (!k.type().equals("private")) {
                throw ErrorCode.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE.make(k.type(), "private");
            }
            return k;
        }
        Pem pem = Pem.read(input);
        if (!pem.label.equals("PRIVATE KEY") && !pem.label.equals("DER")) {
            throw ErrorCode.ERR_OSSL_UNSUPPORTED.make("");
        }
        return KeyObject.privateKey(privateFromDer(pem.der));
    }

    private static PrivateKey privateFromDer(byte[] der) {
        for (String alg : FACTORIES) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm; try the next
            }
        }
        throw ErrorCode.ERR_OSSL_UNSUPPORTED.make("");
    }

    private static PublicKey publicFromPrivate(PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey crt) {
            try {
                return KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        throw ErrorCode.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM.withMessage(
                "Deriving a public key from a private " + key.getAlgorithm() + " key is not supported; keep the public key");
    }

    /** A PEM block's label and DER body; DER input is taken as spki or pkcs8 by its caller. */
    private record Pem(String label, byte[] der) {
        static Pem read(Object input) {
            String text;
            if (input instanceof String s) {
                text = s;
            } else if (input instanceof Bytes || input instanceof byte[]) {
                byte[] raw = CryptoData.bytes(input, "key");
                if (raw.length > 0 && raw[0] == 0x30) {
                    return new Pem("DER", raw);
                }
                text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
            } else {
                throw dev.eventide.errors.Errors.invalidArgType("key",
                        "of type string or an instance of Bytes, byte[] or KeyObject", input);
            }
            int begin = text.indexOf("-----BEGIN ");
            int labelEnd = begin < 0 ? -1 : text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw ErrorCode.ERR_OSSL_UNSUPPORTED.make("");
            }
            String label = text.substring(begin + 11, labelEnd);
            int end = text.indexOf("-----END " + label + "-----", labelEnd);
            if (end < 0) {
                throw ErrorCode.ERR_OSSL_UNSUPPORTED.make("");
            }
            try {
                byte[] der = Base64.getMimeDecoder().decode(text.substring(labelEnd + 5, end).trim());
                return new Pem(label, der);
            } catch (IllegalArgumentException e) {
                throw ErrorCode.ERR_OSSL_UNSUPPORTED.make("");
            }
        }
    }
}
