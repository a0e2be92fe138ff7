package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.errors.Errors;
import dev.eventide.promise.Promise;
import dev.eventide.stream.StreamOptions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Node's crypto module: hashes and HMACs, random values, pbkdf2 and scrypt, AES ciphers, key
 * pairs and signatures. The promise forms run on the worker pool and settle on the calling
 * loop; the Sync forms and one-shots run on the caller's thread; the stream objects (Hash,
 * Hmac, Cipheriv, Decipheriv, Sign, Verify) belong to the loop that made them.
 *
 * <p>Names follow Node; {@code final} is {@code doFinal} (a keyword in Java), and promise forms
 * of functions that Node overloads with a callback are the plain names for pbkdf2, scrypt and
 * generateKeyPair, as util.promisify would give, and {@code randomBytesAsync} for randomBytes.
 */
public final class Crypto {
    private Crypto() {}

    // ---- hashes and MACs ----

    public static Hash createHash(String algorithm) {
        return createHash(algorithm, null);
    }

    /** A Hash; the options are the Transform stream's. Unknown names: "Digest method not supported". */
    public static Hash createHash(String algorithm, StreamOptions options) {
        Digests d = digest(algorithm);
        return new Hash(d, d.newDigest(), options);
    }

    /** Node 21's crypto.hash: a one-shot digest usable from any thread, hex by default. */
    public static String hash(String algorithm, Object data) {
        return hash(algorithm, data, "hex");
    }

    public static String hash(String algorithm, Object data, String outputEncoding) {
        return CryptoData.text(digest(algorithm).newDigest().digest(CryptoData.bytes(data, "data")), outputEncoding);
    }

    /** An Hmac keyed with a string (UTF-8), Bytes, byte[] or secret KeyObject; an empty key is allowed. */
    public static Hmac createHmac(String algorithm, Object key) {
        Errors.requireNonNull(algorithm, "hmac", "of type string");
        Digests d = Digests.find(algorithm);
        if (d == null) {
            throw CryptoErrors.invalidDigest(algorithm);
        }
        return new Hmac(new HmacEngine(d, secretBytes(key)));
    }

    public static List<String> getHashes() {
        return Digests.names();
    }

    public static List<String> getCiphers() {
        return CipherSpec.names();
    }

    private static Digests digest(String algorithm) {
        Errors.requireNonNull(algorithm, "algorithm", "of type string");
        Digests d = Digests.find(algorithm);
        if (d == null) {
            throw CryptoErrors.digestNotSupported();
        }
        return d;
    }

    // ---- random values ----

    public static Bytes randomBytes(long size) {
        return CryptoRandom.bytes(size);
    }

    /** randomBytes with a callback in Node; here a promise, filled on the worker pool. */
    public static Promise<Bytes> randomBytesAsync(long size) {
        return CryptoJobs.submit(() -> {
            CryptoRandom.checkSize(size);
            return size;
        }, CryptoRandom::bytes);
    }

    public static String randomUUID() {
        return UUID.randomUUID().toString();
    }

    /** A uniform integer in [0, max); max below 2^48. */
    public static long randomInt(long max) {
        return CryptoRandom.randomInt(0, max, false);
    }

    /** A uniform integer in [min, max); max - min below 2^48, both safe integers. */
    public static long randomInt(long min, long max) {
        return CryptoRandom.randomInt(min, max, true);
    }

    /** Fills Bytes or a byte[] (at most 65,536 bytes) with random values and returns it. */
    public static <T> T getRandomValues(T typedArray) {
        return CryptoRandom.fillValues(typedArray);
    }

    /** Compares in time that depends only on the length; different lengths are an error, as in Node. */
    public static boolean timingSafeEqual(Object a, Object b) {
        byte[] x = CryptoData.bytes(a, "buf1");
        byte[] y = CryptoData.bytes(b, "buf2");
        if (x.length != y.length) {
            throw ErrorCode.ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH.make();
        }
        return MessageDigest.isEqual(x, y);
    }

    // ---- key derivation ----

    public static Bytes pbkdf2Sync(Object password, Object salt, long iterations, long keylen, String digest) {
        return Bytes.wrap(Kdf.pbkdf2(password, salt, iterations, keylen, digest).derive());
    }

    public static Promise<Bytes> pbkdf2(Object password, Object salt, long iterations, long keylen, String digest) {
        return CryptoJobs.submit(() -> Kdf.pbkdf2(password, salt, iterations, keylen, digest),
                args -> Bytes.wrap(args.derive()));
    }

    public static Bytes scryptSync(Object password, Object salt, long keylen) {
        return scryptSync(password, salt, keylen, null);
    }

    public static Bytes scryptSync(Object password, Object salt, long keylen, ScryptOptions options) {
        return Bytes.wrap(Kdf.scrypt(password, salt, keylen, options).derive());
    }

    public static Promise<Bytes> scrypt(Object password, Object salt, long keylen) {
        return scrypt(password, salt, keylen, null);
    }

    public static Promise<Bytes> scrypt(Object password, Object salt, long keylen, ScryptOptions options) {
        return CryptoJobs.submit(() -> Kdf.scrypt(password, salt, keylen, options), args -> Bytes.wrap(args.derive()));
    }

    // ---- ciphers ----

    public static Cipheriv createCipheriv(String algorithm, Object key, Object iv) {
        return createCipheriv(algorithm, key, iv, -1);
    }

    /** With GCM's authTagLength option (4, 8 or 12 to 16 bytes; -1 for the default 16). */
    public static Cipheriv createCipheriv(String algorithm, Object key, Object iv, int authTagLength) {
        CipherSpec spec = cipherSpec(algorithm);
        byte[] k = checkedKey(spec, key);
        byte[] v = checkedIv(spec, iv);
        int tag = checkedTagLength(spec, authTagLength);
        return new Cipheriv(spec, jdkCipher(spec, Cipher.ENCRYPT_MODE, k, v), tag);
    }

    public static Decipheriv createDecipheriv(String algorithm, Object key, Object iv) {
        return createDecipheriv(algorithm, key, iv, -1);
    }

    public static Decipheriv createDecipheriv(String algorithm, Object key, Object iv, int authTagLength) {
        CipherSpec spec = cipherSpec(algorithm);
        byte[] k = checkedKey(spec, key);
        byte[] v = checkedIv(spec, iv);
        int tag = checkedTagLength(spec, authTagLength);
        Cipher jdk = spec.mode == CipherSpec.Mode.GCM ? null : jdkCipher(spec, Cipher.DECRYPT_MODE, k, v);
        return new Decipheriv(spec, jdk, k, v, tag, authTagLength != -1);
    }

    private static CipherSpec cipherSpec(String algorithm) {
        Errors.requireNonNull(algorithm, "cipher", "of type string");
        CipherSpec spec = CipherSpec.find(algorithm);
        if (spec == null) {
            throw ErrorCode.ERR_CRYPTO_UNKNOWN_CIPHER.make();
        }
        return spec;
    }

    private static byte[] checkedKey(CipherSpec spec, Object key) {
        byte[] k = secretBytes(key);
        if (k.length != spec.keyLength) {
            throw ErrorCode.ERR_CRYPTO_INVALID_KEYLEN.make();
        }
        return k;
    }

    private static byte[] checkedIv(CipherSpec spec, Object iv) {
        if (iv == null) {
            throw ErrorCode.ERR_CRYPTO_INVALID_IV.make();
        }
        byte[] v = CryptoData.bytes(iv, "iv");
        if (!spec.ivFits(v.length)) {
            throw ErrorCode.ERR_CRYPTO_INVALID_IV.make();
        }
        return v;
    }

    private static int checkedTagLength(CipherSpec spec, int authTagLength) {
        if (authTagLength == -1 || spec.mode != CipherSpec.Mode.GCM) {
            return 16;
        }
        boolean valid = authTagLength == 4 || authTagLength == 8 || (authTagLength >= 12 && authTagLength <= 16);
        if (!valid) {
            throw ErrorCode.ERR_CRYPTO_INVALID_AUTH_TAG.make(authTagLength);
        }
        return authTagLength;
    }

    private static Cipher jdkCipher(CipherSpec spec, int mode, byte[] key, byte[] iv) {
        try {
            Cipher c = Cipher.getInstance(spec.mode.transformation);
            var params = spec.mode == CipherSpec.Mode.GCM ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv);
            c.init(mode, new SecretKeySpec(key, "AES"), params);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + spec.mode.transformation, e);
        }
    }

    static byte[] secretBytes(Object key) {
        if (key instanceof KeyObject k) {
            if (k.secretBytes() == null) {
                throw ErrorCode.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE.make(k.type(), "secret");
            }
            return k.secretBytes().clone();
        }
        return CryptoData.bytes(key, "key");
    }

    // ---- keys and signatures ----

    public static KeyObject createSecretKey(Object key) {
        return KeyObject.secret(CryptoData.bytes(key, "key"));
    }

    /** From SPKI PEM or DER, a public KeyObject, or a private RSA key. */
    public static KeyObject createPublicKey(Object key) {
        return Keys.publicKey(key);
    }

    /** From PKCS#8 PEM or DER. */
    public static KeyObject createPrivateKey(Object key) {
        return Keys.privateKey(key);
    }

    /** "rsa" (modulusLength, publicExponent), "ec" (namedCurve), "ed25519", "ed448", "x25519", "x448". */
    public static KeyObjectPair generateKeyPairSync(String type, KeyPairOptions options) {
        return Keys.generate(Keys.generator(type, options));
    }

    public static Promise<KeyObjectPair> generateKeyPair(String type, KeyPairOptions options) {
        return CryptoJobs.submit(() -> Keys.generator(type, options), Keys::generate);
    }

    public static Sign createSign(String algorithm) {
        return new Sign(signDigest(algorithm));
    }

    public static Verify createVerify(String algorithm) {
        return new Verify(signDigest(algorithm));
    }

    private static Digests signDigest(String algorithm) {
        Errors.requireNonNull(algorithm, "algorithm", "of type string");
        Digests d = Digests.find(algorithm);
        if (d == null) {
            throw CryptoErrors.signDigestInvalid();
        }
        return d;
    }

    /** One-shot sign; {@code algorithm} null means SHA-256 for RSA/EC and is required for Ed25519/Ed448. */
    public static Bytes sign(String algorithm, Object data, Object key) {
        PrivateKey pk = (PrivateKey) Keys.privateKey(key).key();
        byte[] message = CryptoData.bytes(data, "data");
        if (Signer.isEdwards(pk)) {
            if (algorithm != null) {
                throw Signer.edwardsWithDigest();
            }
            return Bytes.wrap(Signer.signMessage(message, pk));
        }
        Digests d = algorithm == null ? Digests.SHA256 : signDigest(algorithm);
        return Bytes.wrap(Signer.signDigest(d, d.newDigest().digest(message), pk));
    }

    public static boolean verify(String algorithm, Object data, Object key, Object signature) {
        PublicKey pk = (PublicKey) Keys.publicKey(key).key();
        byte[] message = CryptoData.bytes(data, "data");
        byte[] sig = CryptoData.bytes(signature, "signature");
        if (Signer.isEdwards(pk)) {
            if (algorithm != null) {
                throw Signer.edwardsWithDigest();
            }
            return Signer.verifyMessage(message, pk, sig);
        }
        Digests d = algorithm == null ? Digests.SHA256 : signDigest(algorithm);
        return Signer.verifyDigest(d, d.newDigest().digest(message), pk, sig);
    }
}
