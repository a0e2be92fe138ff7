package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;

/**
 * Node's crypto.Cipheriv: encryption with AES in GCM, CBC or CTR mode, by update/doFinal or
 * as a Transform stream. Loop thread only. Made by {@link Crypto#createCipheriv}.
 *
 * <pre>{@code
 * var c = Crypto.createCipheriv("aes-256-gcm", key, iv);
 * Bytes out = Bytes.concat(c.update(plain), c.doFinal());
 * Bytes tag = c.getAuthTag();
 * }</pre>
 */
public final class Cipheriv extends CipherBase {
    /** CBC: bytes given so far modulo 16, to size the PKCS#7 pad. */
    private int pending;
    private byte[] authTag;

    Cipheriv(CipherSpec spec, Cipher jdk, int authTagLength) {
        super(spec, jdk, authTagLength);
    }

    /** GCM's tag, available after doFinal (ERR_CRYPTO_INVALID_STATE before). */
    public Bytes getAuthTag() {
        if (authTag == null) {
            throw CryptoErrors.invalidState("getAuthTag");
        }
        return Bytes.from(authTag);
    }

    @Override
    public Cipheriv setAAD(Bytes aad) {
        super.setAAD(aad);
        return this;
    }

    @Override
    public Cipheriv setAutoPadding(boolean on) {
        super.setAutoPadding(on);
        return this;
    }

    @Override
    public Cipheriv setAutoPadding() {
        return setAutoPadding(true);
    }

    @Override
    void addAad(byte[] aad) {
        jdk.updateAAD(aad);
    }

    @Override
    byte[] process(byte[] input) {
        pending = (pending + input.length) % 16;
        return orEmpty(jdk.update(input));
    }

    @Override
    byte[] complete() throws GeneralSecurityException {
        switch (spec.mode) {
            case GCM -> {
                // The JDK computes the full 16-byte tag; a shorter GCM tag is its prefix.
                byte[] out = jdk.doFinal();
                authTag = Arrays.copyOfRange(out, out.length - 16, out.length - 16 + authTagLength);
                return Arrays.copyOf(out, out.length - 16);
            }
            case CBC -> {
                if (!autoPadding) {
                    return orEmpty(jdk.doFinal());
                }
                byte[] pad = new byte[16 - pending];
                Arrays.fill(pad, (byte) pad.length);
                return orEmpty(jdk.doFinal(pad));
            }
            default -> {
                return orEmpty(jdk.doFinal());
            }
        }
    }

    @Override
    RuntimeException failure(GeneralSecurityException e) {
        if (e instanceof IllegalBlockSizeException) {
            return ErrorCode.ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH.make();
        }
        return new IllegalStateException("the JDK cipher failed", e);
    }
}
