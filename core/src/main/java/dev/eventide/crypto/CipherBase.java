package dev.eventide.crypto;

import dev.eventide.buffer.Bytes;
import dev.eventide.buffer.Encoding;
import dev.eventide.buffer.StringDecoder;
import dev.eventide.stream.TransformCallback;
import dev.eventide.stream.TransformStream;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * What Cipheriv and Decipheriv share: update/doFinal with input and output encodings (a
 * StringDecoder keeps multi-byte characters and base64 groups whole across calls, as Node's
 * does), setAAD, setAutoPadding, and the Transform stream face. Loop thread only.
 *
 * <p>CBC runs on the JDK's NoPadding transformation and PKCS#7 padding is applied here, so that
 * setAutoPadding may change it until doFinal, as in OpenSSL.
 */
abstract sealed class CipherBase extends TransformStream permits Cipheriv, Decipheriv {
    final CipherSpec spec;
    final Cipher jdk;
    /** 16 by default; for GCM, the tag length from the authTagLength option. */
    final int authTagLength;
    /** Set by doFinal: later updates are "unsupported state", later doFinals ERR_CRYPTO_INVALID_STATE. */
    boolean finalized;
    /** Whether any update ran (setAAD must come first). */
    boolean updated;
    boolean autoPadding = true;
    private StringDecoder decoder;

    CipherBase(CipherSpec spec, Cipher jdk, int authTagLength) {
        super(null);
        this.spec = spec;
        this.jdk = jdk;
        this.authTagLength = authTagLength;
    }

    public Bytes update(Bytes data) {
        return Bytes.wrap(feed(CryptoData.bytes(data, "data")));
    }

    public Bytes update(byte[] data) {
        return Bytes.wrap(feed(CryptoData.bytes(data, "data")));
    }

    /** Node's update(string): the string's UTF-8 bytes, as Node's default input encoding. */
    public Bytes update(String data) {
        return update(data, "utf8");
    }

    /** A string in {@code inputEncoding} (utf8 when null). */
    public Bytes update(String data, String inputEncoding) {
        return Bytes.wrap(feed(CryptoData.bytes(data, "data", inputEncoding)));
    }

    /** Node's update(data, inputEncoding, outputEncoding): data is a String, Bytes or byte[]. */
    public String update(Object data, String inputEncoding, String outputEncoding) {
        byte[] out = feed(CryptoData.bytes(data, "data", inputEncoding));
        return decode(out, outputEncoding, false);
    }

    public Bytes doFinal() {
        return Bytes.wrap(finish());
    }

    /** Node's final(outputEncoding); "final" is a Java keyword. */
    public String doFinal(String outputEncoding) {
        return decode(finish(), outputEncoding, true);
    }

    /** Additional authenticated data for GCM; must come before any update. */
    public CipherBase setAAD(Bytes aad) {
        if (finalized || updated || spec.mode != CipherSpec.Mode.GCM) {
            throw CryptoErrors.invalidState("setAAD");
        }
        addAad(CryptoData.bytes(aad, "buffer"));
        return this;
    }

    /** PKCS#7 padding on or off (CBC); may change until doFinal. */
    public CipherBase setAutoPadding(boolean on) {
        if (finalized) {
            throw CryptoErrors.invalidState("setAutoPadding");
        }
        autoPadding = on;
        return this;
    }

    public CipherBase setAutoPadding() {
        return setAutoPadding(true);
    }

    private byte[] feed(byte[] input) {
        if (finalized) {
            throw CryptoErrors.unsupportedState();
        }
        updated = true;
        return process(input);
    }

    private byte[] finish() {
        if (finalized) {
            throw CryptoErrors.invalidState(null);
        }
        finalized = true;
        try {
            return complete();
        } catch (GeneralSecurityException e) {
            throw failure(e);
        }
    }

    private String decode(byte[] out, String encoding, boolean last) {
        if (encoding == null || encoding.equals("buffer")) {
            return CryptoData.text(out, encoding);
        }
        if (decoder == null) {
            decoder = new StringDecoder(Encoding.of(encoding));
        }
        String text = decoder.write(Bytes.wrap(out));
        return last ? text + decoder.end() : text;
    }

    /** Takes GCM's additional authenticated data. */
    abstract void addAad(byte[] aad);

    /** Runs one update through the JDK cipher (and the padding layer for CBC). */
    abstract byte[] process(byte[] input);

    /** The last output; checks tags and padding. */
    abstract byte[] complete() throws GeneralSecurityException;

    /** Maps a JDK failure to Node's error for this direction. */
    abstract RuntimeException failure(GeneralSecurityException e);

    @Override
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        try {
            byte[] in = CryptoData.bytes(chunk, "data", chunk instanceof String ? encoding : null);
            byte[] out = feed(in);
            callback.call(null, out.length == 0 ? null : Bytes.wrap(out));
        } catch (RuntimeException e) {
            callback.call(e, null);
        }
    }

    @Override
    protected void _flush(TransformCallback callback) {
        try {
            byte[] out = finish();
            callback.call(null, out.length == 0 ? null : Bytes.wrap(out));
        } catch (RuntimeException e) {
            callback.call(e, null);
        }
    }

    static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }
}
