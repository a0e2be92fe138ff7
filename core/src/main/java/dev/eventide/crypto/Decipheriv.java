package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Node's crypto.Decipheriv: decryption with AES in GCM, CBC or CTR mode, by update/doFinal or
 * as a Transform stream. Loop thread only. Made by {@link Crypto#createDecipheriv}.
 *
 * <p>Differences from Node, both on the safe side: GCM plaintext is released only by doFinal,
 * after the tag has been checked (the JDK's GCM holds the ciphertext until then, where OpenSSL
 * hands out unauthenticated plaintext from update); tags shorter than 12 bytes are refused.
 * CBC holds back the last block until doFinal, to strip and check the padding there.
 */
public final class Decipheriv extends CipherBase {
    private final byte[] key;
    private final byte[] iv;
    /** GCM: ciphertext and AAD wait here until the tag is known (the JDK needs its length first). */
    private final ByteArrayOutputStream gcmInput = new ByteArrayOutputStream();
    private final ByteArrayOutputStream gcmAad = new ByteArrayOutputStream();
    /** Whether authTagLength was given; then setAuthTag must match it. */
    private final boolean tagLengthFixed;
    private byte[] authTag;
    /** CBC with padding: the last decrypted block, held back until doFinal. */
    private byte[] held = new byte[0];

    Decipheriv(CipherSpec spec, Cipher jdk, byte[] key, byte[] iv, int authTagLength, boolean tagLengthFixed) {
        super(spec, jdk, authTagLength);
        this.key = key;
        this.iv = iv;
        this.tagLengthFixed = tagLengthFixed;
    }

    /** GCM's expected tag; before doFinal, once. */
    public Decipheriv setAuthTag(Bytes tag) {
        byte[] t = CryptoData.bytes(tag, "buffer");
        if (spec.mode != CipherSpec.Mode.GCM || finalized || authTag != null) {
            throw CryptoErrors.invalidState("setAuthTag");
        }
        boolean fits = tagLengthFixed ? t.length == authTagLength : t.length >= 12 && t.length <= 16;
        if (!fits || t.length < 12) {
            throw ErrorCode.ERR_CRYPTO_INVALID_AUTH_TAG.make(t.length);
        }
        authTag = t;
        return this;
    }

    @Override
    public Decipheriv setAAD(Bytes aad) {
        super.setAAD(aad);
        return this;
    }

    @Override
    public Decipheriv setAutoPadding(boolean on) {
        super.setAutoPadding(on);
        return this;
    }

    @Override
    public Decipheriv setAutoPadding() {
        return setAutoPadding(true);
    }

    @Override
    void addAad(byte[] aad) {
        gcmAad.writeBytes(aad);
    }

    @Override
    byte[] process(byte[] input) {
        switch (spec.mode) {
            case GCM -> {
                gcmInput.writeBytes(input);
                return new byte[0];
            }
            case CBC -> {
                byte[] out = join(held, orEmpty(jdk.update(input)));
                int keep = autoPadding && out.length >= 16 ? 16 : 0;
                held = Arrays.copyOfRange(out, out.length - keep, out.length);
                return Arrays.copyOf(out, out.length - keep);
            }
            default -> {
                return orEmpty(jdk.update(input));
            }
        }
    }

    @Override
    byte[] complete() throws GeneralSecurityException {
        switch (spec.mode) {
            case GCM -> {
                if (authTag == null) {
                    throw CryptoErrors.authenticationFailed();
                }
                Cipher gcm = Cipher.getInstance(spec.mode.transformation);
                gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(authTag.length * 8, iv));
                gcm.updateAAD(gcmAad.toByteArray());
                gcm.update(gcmInput.toByteArray());
                return gcm.doFinal(authTag);
            }
            case CBC -> {
                byte[] all = join(held, orEmpty(jdk.doFinal()));
                return autoPadding ? unpad(all) : all;
            }
            default -> {
                return orEmpty(jdk.doFinal());
            }
        }
    }

    /** PKCS#7, checked in constant time over the last block as OpenSSL does not leak which byte failed. */
    private static byte[] unpad(byte[] all) {
        if (all.length < 16) {
            throw ErrorCode.ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH.make();
        }
        int n = all[all.length - 1] & 0xff;
        if (n < 1 || n > 16) {
            throw ErrorCode.ERR_OSSL_BAD_DECRYPT.make();
        }
        byte[] expected = new byte[n];
        Arrays.fill(expected, (byte) n);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(all, all.length - n, all.length))) {
            throw ErrorCode.ERR_OSSL_BAD_DECRYPT.make();
        }
        return Arrays.copyOf(all, all.length - n);
    }

    @Override
    RuntimeException failure(GeneralSecurityException e) {
        if (e instanceof AEADBadTagException) {
            return CryptoErrors.authenticationFailed();
        }
        if (e instanceof IllegalBlockSizeException) {
            return ErrorCode.ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH.make();
        }
        return new IllegalStateException("the JDK cipher failed", e);
    }

    private static byte[] join(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
