package dev.eventide.zlib;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffer forms behind {@link Zlib}: the whole input in one Z_FINISH (or finishFlush) write,
 * the output gathered under maxOutputLength, as Node's zlibBufferSync; on libdeflate where
 * {@link NativeZlib} can give Node's result, else on the JDK's zlib. The sync form runs on the
 * caller's thread; the promise form on the worker pool, settling on the caller's loop thread.
 */
final class ZlibBuffers {
    private ZlibBuffers() {}

    static Bytes sync(ZlibMode mode, Object data, ZlibOptions options) {
        Bytes input = input(data);
        return run(ZlibSettings.of(mode, options), input);
    }

    /**
     * As {@code util.promisify(zlib.gzip)}: bad options or data reject the promise. The input is
     * read on a worker thread, so it must not change until the promise settles (as in Node).
     */
    static Promise<Bytes> async(ZlibMode mode, Object data, ZlibOptions options) {
        EventLoop loop = EventLoop.current();
        Bytes input;
        ZlibSettings settings;
        try {
            input = input(data);
            settings = ZlibSettings.of(mode, options);
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

    /** libdeflate when it gives Node's result for these settings, else the JDK's zlib. */
    static Bytes run(ZlibSettings settings, Bytes input) {
        Bytes fast = NativeZlib.run(settings, input);
        return fast != null ? fast : runJdk(settings, input);
    }

    /** The java.util.zip path, the reference for every verdict (and the fallback of the fast one). */
    static Bytes runJdk(ZlibSettings settings, Bytes input) {
        ZlibCodec codec = ZlibCodec.create(settings, settings.bufferLimit());
        List<Bytes> chunks = new ArrayList<>();
        long[] total = {0};
        try {
            codec.write(input, settings.finishFlush(), chunk -> {
                chunks.add(chunk);
                total[0] += chunk.length();
            });
        } finally {
            codec.close();
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        return Bytes.concat(chunks, (int) total[0]);
    }

    /** Node takes a string (as UTF-8) or bytes; anything else is ERR_INVALID_ARG_TYPE "buffer". */
    static Bytes input(Object data) {
        if (data instanceof Bytes b) {
            return b;
        }
        if (data instanceof String s) {
            return Bytes.from(s);
        }
        if (data instanceof byte[] a) {
            return Bytes.wrap(a);
        }
        throw ZlibErrors.notData("buffer", data);
    }
}
