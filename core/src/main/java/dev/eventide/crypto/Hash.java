package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.stream.StreamOptions;
import dev.eventide.stream.TransformCallback;
import dev.eventide.stream.TransformStream;
import java.security.MessageDigest;

/**
 * Node's crypto.Hash: a message digest fed by {@link #update} or, as a Transform stream, by
 * writes, whose digest is pushed as the single output chunk at the end. Loop thread only (it
 * is a stream); {@link Crypto#hash} is the one-shot form for any thread.
 *
 * <pre>{@code Crypto.createHash("sha256").update("abc").digest("hex")}</pre>
 *
 * <p>{@code digest()} returns Bytes and {@code digest(encoding)} a string in hex, base64,
 * base64url, latin1 or any buffer encoding. After a digest, update and digest throw
 * ERR_CRYPTO_HASH_FINALIZED, as in Node.
 */
public final class Hash extends TransformStream {
    private final Digests algorithm;
    private MessageDigest md;
    /** Set by the first digest: later updates and digests are ERR_CRYPTO_HASH_FINALIZED. */
    private boolean finalized;

    Hash(Digests algorithm, MessageDigest md, StreamOptions options) {
        super(options);
        this.algorithm = algorithm;
        this.md = md;
    }

    /** The Node name of the algorithm ("sha256"). */
    public String algorithm() {
        return algorithm.nodeName;
    }

    public Hash update(String data) {
        return update(data, null);
    }

    /** Adds a string encoded with {@code inputEncoding} (utf8 when null, as Node). */
    public Hash update(String data, String inputEncoding) {
        return feed(CryptoData.bytes(data, "data", inputEncoding));
    }

    public Hash update(Bytes data) {
        return feed(CryptoData.bytes(data, "data"));
    }

    public Hash update(byte[] data) {
        return feed(CryptoData.bytes(data, "data"));
    }

    private Hash feed(byte[] bytes) {
        if (finalized) {
            throw ErrorCode.ERR_CRYPTO_HASH_FINALIZED.make();
        }
        md.update(bytes);
        return this;
    }

    /** The digest as Bytes; the hash is finished afterwards. */
    public Bytes digest() {
        return Bytes.wrap(finish());
    }

    /** The digest in {@code encoding} ("hex", "base64", "base64url", "latin1", ...). */
    public String digest(String encoding) {
        return CryptoData.text(finish(), encoding);
    }

    /** Node's hash.copy(): a new Hash with this one's state, which goes on independently. */
    public Hash copy() {
        if (finalized) {
            throw ErrorCode.ERR_CRYPTO_HASH_FINALIZED.make();
        }
        try {
            return new Hash(algorithm, (MessageDigest) md.clone(), null);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] finish() {
        if (finalized) {
            throw ErrorCode.ERR_CRYPTO_HASH_FINALIZED.make();
        }
        finalized = true;
        byte[] out = md.digest();
        md = null;
        return out;
    }

    @Override
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        try {
            if (chunk instanceof String s) {
                update(s, encoding);
            } else {
                feed(CryptoData.bytes(chunk, "data"));
            }
        } catch (RuntimeException e) {
            callback.call(e, null);
            return;
        }
        callback.done();
    }

    @Override
    protected void _flush(TransformCallback callback) {
        try {
            callback.call(null, digest());
        } catch (RuntimeException e) {
            callback.call(e, null);
        }
    }
}
