package dev.eventide.crypto;

import dev.eventide.buffer.Bytes;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.WritableStream;
import java.security.MessageDigest;
import java.security.PublicKey;

/**
 * Node's crypto.Verify: a Writable that hashes what is written or updated, then checks a
 * signature of the digest with an RSA or EC public key. Loop thread only. Made by {@link Crypto#createVerify}.
 */
public final class Verify extends WritableStream {
    private final Digests digest;
    private MessageDigest md;

    Verify(Digests digest) {
        super(null);
        this.digest = digest;
        this.md = digest.newDigest();
    }

    public Verify update(String data) {
        return update(data, null);
    }

    public Verify update(String data, String inputEncoding) {
        return feed(CryptoData.bytes(data, "data", inputEncoding));
    }

    public Verify update(Bytes data) {
        return feed(CryptoData.bytes(data, "data"));
    }

    public Verify update(byte[] data) {
        return feed(CryptoData.bytes(data, "data"));
    }

    private Verify feed(byte[] bytes) {
        if (md == null) {
            throw CryptoErrors.invalidState(null);
        }
        md.update(bytes);
        return this;
    }

    /** Whether {@code signature} is valid; {@code key} is a public KeyObject or an SPKI PEM string. */
    public boolean verify(Object key, Bytes signature) {
        PublicKey pk = (PublicKey) Keys.publicKey(key).key();
        if (Signer.isEdwards(pk)) {
            throw Signer.unsupported();
        }
        if (md == null) {
            throw CryptoErrors.invalidState(null);
        }
        byte[] hash = md.digest();
        md = null;
        return Signer.verifyDigest(digest, hash, pk, CryptoData.bytes(signature, "signature"));
    }

    /** As {@link #verify(Object, Bytes)} with the signature as a string in {@code signatureEncoding}. */
    public boolean verify(Object key, String signature, String signatureEncoding) {
        return verify(key, Bytes.from(signature, signatureEncoding));
    }

    @Override
    protected void _write(Object chunk, String encoding, StreamCallback callback) {
        try {
            feed(CryptoData.bytes(chunk, "data", chunk instanceof String ? encoding : null));
        } catch (RuntimeException e) {
            callback.call(e);
            return;
        }
        callback.call(null);
    }
}
