package dev.eventide.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * The message digests Eventide offers, under Node's (OpenSSL's) names and aliases, matched
 * case-insensitively as OpenSSL does. Immutable; usable from any thread.
 *
 * <p>Each entry knows its JDK name, its output size and its block size: HMAC needs the block
 * size, and the JDK does not expose it.
 */
enum Digests {
    MD5("md5", "MD5", 16, 64, "ssl3-md5", "rsa-md5", "md5withrsaencryption"),
    SHA1("sha1", "SHA-1", 20, 64, "sha-1", "ssl3-sha1", "rsa-sha1", "sha1withrsaencryption"),
    SHA224("sha224", "SHA-224", 28, 64, "sha-224", "sha2-224", "rsa-sha224", "sha224withrsaencryption"),
    SHA256("sha256", "SHA-256", 32, 64, "sha-256", "sha2-256", "rsa-sha256", "sha256withrsaencryption"),
    SHA384("sha384", "SHA-384", 48, 128, "sha-384", "sha2-384", "rsa-sha384", "sha384withrsaencryption"),
    SHA512("sha512", "SHA-512", 64, 128, "sha-512", "sha2-512", "rsa-sha512", "sha512withrsaencryption"),
    SHA512_224("sha512-224", "SHA-512/224", 28, 128, "sha-512/224", "sha2-512/224", "rsa-sha512/224",
            "sha512-224withrsaencryption"),
    SHA512_256("sha512-256", "SHA-512/256", 32, 128, "sha-512/256", "sha2-512/256", "rsa-sha512/256",
            "sha512-256withrsaencryption"),
    SHA3_224("sha3-224", "SHA3-224", 28, 144, "rsa-sha3-224"),
    SHA3_256("sha3-256", "SHA3-256", 32, 136, "rsa-sha3-256"),
    SHA3_384("sha3-384", "SHA3-384", 48, 104, "rsa-sha3-384"),
    SHA3_512("sha3-512", "SHA3-512", 64, 72, "rsa-sha3-512");

    final String nodeName;
    final String jdkName;
    final int size;
    final int blockSize;
    private final List<String> aliases;

    Digests(String nodeName, String jdkName, int size, int blockSize, String... aliases) {
        this.nodeName = nodeName;
        this.jdkName = jdkName;
        this.size = size;
        this.blockSize = blockSize;
        this.aliases = List.of(aliases);
    }

    /** The digest for a Node name or alias, or null when there is none. */
    static Digests find(String name) {
        if (name == null) {
            return null;
        }
        String key = name.toLowerCase(Locale.ROOT);
        for (Digests d : values()) {
            if (d.nodeName.equals(key) || d.aliases.contains(key)) {
                return d;
            }
        }
        return null;
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
    }

    /** Node's names, sorted, as crypto.getHashes() lists them (the subset we implement). */
    static List<String> names() {
        return java.util.Arrays.stream(values())
                .flatMap(d -> java.util.stream.Stream.concat(java.util.stream.Stream.of(d.nodeName), d.aliases.stream()))
                .sorted().toList();
    }
}
