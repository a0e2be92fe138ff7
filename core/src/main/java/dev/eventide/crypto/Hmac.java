package dev.eventide.crypto;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.stream.TransformCallback;
import dev.eventide.stream.TransformStream;

/**
 * Node's crypto.Hmac: a keyed MAC fed by {@link #update} or, as a Transform stream, by writes,
 * whose MAC is pushed as the single output chunk at the end. Loop thread only (it is a
 * stream).
 *
 * <p>Unlike Hash, a second digest does not throw: Node returns an empty result, so we do too.
 * An update after digest is ERR_CRYPTO_HASH_FINALIZED.
 */
public final class Hmac extends TransformStream {
    private final HmacEngine engine;
    /** Set by the first digest. */
    private boolean finalized;

    Hmac(HmacEngine engine) {
        super(null);
        this.engine = engine;
    }

    /** The Node name of the digest ("sha256"). */
    public String algorithm() {
        return engine.digest().nodeName;
    }

    public Hmac update(String data) {
        return update(data, null);
    }

    public Hmac update(String data, String inputEncoding) {
        return feed(CryptoData.bytes(data, "data", inputEncoding));
    }

    public Hmac update(Bytes data) {
        return feed(CryptoData.bytes(data, "data"));
    }

    public Hmac update(byte[] data) {
        return feed(CryptoData.bytes(data, "data"));
    }

    private Hmac feed(byte[] bytes) {
        if (finalized) {
            throw ErrorCode.ERR_CRYPTO_HASH_FINALIZED.make();
        }
        engine.update(bytes, 0, bytes.length);
        return this;
    }

    public Bytes digest() {
        return Bytes.wrap(finish());
    }

    public String digest(String encoding) {
        return CryptoData.text(finish(), encoding);
    }

    private byte[] finish() {
        if (finalized) {
            return new byte[0];
        }
        finalized = true;
        return engine.finish();
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
        callback.call(null, digest());
    }
}
