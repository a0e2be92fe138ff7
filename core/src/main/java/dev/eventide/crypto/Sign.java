package dev.eventide.crypto;

import dev.eventide.buffer.Bytes;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.WritableStream;
import java.security.MessageDigest;
import java.security.PrivateKey;

/**
 * Node's crypto.Sign: a Writable that hashes what is written or updated, then signs the digest
 * with an RSA or EC private key. Loop thread only. Made by {@link Crypto#createSign}.
 */
public final class Sign extends WritableStream {
    private final Digests digest;
    private MessageDigest md;

    Sign(Digests digest) {
        super(null);
        this.digest = digest;
        this.md = digest.newDigest();
    }

    public Sign update(String data) {
        return update(data, null);
    }

    public Sign update(String data, String inputEncoding) {
        return feed(CryptoData.bytes(data, "data", inputEncoding));
    }

    public Sign update(Bytes data) {
        return feed(CryptoData.bytes(data, "data"));
    }

    public Sign update(byte[] data) {
        return feed(CryptoData.bytes(data, "data"));
    }

    private Sign feed(byte[] bytes) {
        if (md == null) {
            throw CryptoErrors.invalidState(null);
        }
        md.update(bytes);
        return this;
    }

    /** The signature; {@code key} is a private KeyObject or a PKCS#8 PEM string. */
    public Bytes sign(Object key) {
        PrivateKey pk = (PrivateKey) Keys.privateKey(key).key();
        if (Signer.isEdwards(pk)) {
            throw Signer.unsupported();
        }
        if (md == null) {
            throw CryptoErrors.invalidState(null);
        }
        byte[] hash = md.digest();
        md = null;
        return Bytes.wrap(Signer.signDigest(digest, hash, pk));
    }

    public String sign(Object key, String outputEncoding) {
        return CryptoData.text(sign(key).toByteArray(), outputEncoding);
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
