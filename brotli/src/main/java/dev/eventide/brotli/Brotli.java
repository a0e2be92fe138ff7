package dev.eventide.brotli;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Node's Brotli functions of the zlib module: the stream constructors, the Promise forms
 * (util.promisify of brotliCompress/brotliDecompress: the work runs on the worker pool and the
 * promise settles on the calling loop) and the Sync forms (on the caller's thread). Stateless.
 *
 * <pre>{@code
 * Brotli.brotliCompress(data, BrotliOptions.builder().param(BROTLI_PARAM_QUALITY, 5).build())
 *       .then(packed -> ...);
 * }</pre>
 */
public final class Brotli {
    private Brotli() {}

    /** Whether libbrotli could be loaded on this machine (brotli4j has a native for it). */
    public static boolean isAvailable() {
        return BrotliNative.FAILURE == null;
    }

    /** Node's process.versions.brotli for the library in use, e.g. "1.1.0". */
    public static String version() {
        return BrotliNative.version();
    }

    public static BrotliTransform createBrotliCompress() {
        return new BrotliTransform(true, null);
    }

    public static BrotliTransform createBrotliCompress(BrotliOptions options) {
        return new BrotliTransform(true, options);
    }

    public static BrotliTransform createBrotliDecompress() {
        return new BrotliTransform(false, null);
    }

    public static BrotliTransform createBrotliDecompress(BrotliOptions options) {
        return new BrotliTransform(false, options);
    }

    public static Bytes brotliCompressSync(Object data) {
        return brotliCompressSync(data, null);
    }

    /** {@code data} is Bytes, byte[] or a String (as UTF-8), as Node takes it. */
    public static Bytes brotliCompressSync(Object data, BrotliOptions options) {
        Bytes input = input(data);
        return run(BrotliSettings.of(true, options), input);
    }

    public static Bytes brotliDecompressSync(Object data) {
        return brotliDecompressSync(data, null);
    }

    /** Fails with Node's code on corrupt or truncated input, ERR_BUFFER_TOO_LARGE past maxOutputLength. */
    public static Bytes brotliDecompressSync(Object data, BrotliOptions options) {
        Bytes input = input(data);
        return run(BrotliSettings.of(false, options), input);
    }

    public static Promise<Bytes> brotliCompress(Object data) {
        return async(true, data, null);
    }

    public static Promise<Bytes> brotliCompress(Object data, BrotliOptions options) {
        return async(true, data, options);
    }

    public static Promise<Bytes> brotliDecompress(Object data) {
        return async(false, data, null);
    }

    public static Promise<Bytes> brotliDecompress(Object data, BrotliOptions options) {
        return async(false, data, options);
    }

    /** Bad options or data reject the promise; the input must not change until it settles. */
    private static Promise<Bytes> async(boolean compress, Object data, BrotliOptions options) {
        EventLoop loop = EventLoop.current();
        Bytes input;
        BrotliSettings settings;
        try {
            input = input(data);
            settings = BrotliSettings.of(compress, options);
            BrotliNative.requireAvailable();
        } catch (RuntimeException e) {
            return Promise.reject(e);
        }
        Deferred<Bytes> result = Promise.withResolvers();
        loop.queueWork(WorkKind.ZLIB, () -> run(settings, input), (bytes, error) -> {
            if (error != null) {
                result.reject(error);
            } else {
                result.resolve(bytes);
            }
        });
        return result.promise();
    }

    /** Node's zlibBufferSync: the whole input in one finishFlush write, gathered under the limit. */
    static Bytes run(BrotliSettings settings, Bytes input) {
        List<Bytes> chunks = new ArrayList<>();
        long[] total = {0};
        try (BrotliCodec codec = BrotliCodec.create(settings, settings.bufferLimit())) {
            codec.write(input, settings.finishFlush(), chunk -> {
                chunks.add(chunk);
                total[0] += chunk.length();
            });
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        return Bytes.concat(chunks, (int) total[0]);
    }

    private static Bytes input(Object data) {
        if (data instanceof Bytes b) {
            return b;
        }
        if (data instanceof String s) {
            return Bytes.from(s);
        }
        if (data instanceof byte[] a) {
            return Bytes.wrap(a);
        }
        throw BrotliErrors.notData(data);
    }
}
