package dev.eventide.web;

import dev.eventide.stream.TransformStream;
import dev.eventide.zlib.Zlib;
import dev.eventide.zlib.ZlibOptions;
import dev.eventide.zlib.ZlibTransform;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The {@code compression} middleware (compression 1.8): gzip or deflate, and br when Eventide's
 * optional brotli module is present, negotiated from Accept-Encoding; responses under 1 KiB,
 * of incompressible types, already encoded, marked no-transform, HEAD, 204/304 and 206 are
 * sent as they are. Built at start-up; its handler and streams run on the loop thread, and
 * the compressing itself runs on the worker pool (dev.eventide.zlib).
 *
 * <p>The web module does not depend on {@code dev.eventide.brotli}: it is found at run time by
 * reflection, so br is offered only when that module is in the boot layer (on the module path
 * and resolved, e.g. with {@code --add-modules dev.eventide.brotli}) and its native library loads.
 */
public final class Compression {
    /** The codings offered, best first, and the ones that win ties (compression's SUPPORTED/PREFERRED). */
    static final List<String> WITH_BR = List.of("br", "gzip", "deflate", "identity");
    static final List<String> WITHOUT_BR = List.of("gzip", "deflate", "identity");
    static final List<String> PREFERRED_WITH_BR = List.of("br", "gzip");
    static final List<String> PREFERRED_WITHOUT_BR = List.of("gzip");

    /** The brotli module's Brotli class, if present and its native library loads; else null. */
    private static final Class<?> BROTLI = findBrotli();

    /** compression's options with its defaults. */
    public static final class Options {
        int threshold = 1024;
        Integer level;
        Integer flush;
        boolean brotli = true;
        int brotliQuality = 4;
        BiPredicate<WebRequest, WebResponse> filter = Compression::shouldCompress;

        /** Bytes below which a response is sent as it is (default 1024); 0 compresses everything. */
        public Options threshold(int bytes) {
            threshold = bytes;
            return this;
        }

        /** zlib level, 0..9 (default: zlib's default, 6). */
        public Options level(int level) {
            this.level = level;
            return this;
        }

        /** zlib flush mode after each write (Zlib's Z_SYNC_FLUSH for server-sent events); default none. */
        public Options flush(int mode) {
            flush = mode;
            return this;
        }

        /** Whether br may be used when the brotli module is present (default true). */
        public Options brotli(boolean on) {
            brotli = on;
            return this;
        }

        /** Brotli quality (default 4, as compression uses: 11 is too slow for responses). */
        public Options brotliQuality(int quality) {
            brotliQuality = quality;
            return this;
        }

        /** Decides whether a response may be compressed (default {@link #shouldCompress}). */
        public Options filter(BiPredicate<WebRequest, WebResponse> filter) {
            this.filter = filter;
            return this;
        }
    }

    private Compression() {
    }

    public static Handler create() {
        return create(new Options());
    }

    public static Handler create(Options options) {
        return (req, res, next) -> {
            res.stream(new CompressionStream(req, res, res.stream(), options));
            next.call();
        };
    }

    /** compression's default filter: the Content-Type is compressible (see {@link MimeTypes#compressible}). */
    public static boolean shouldCompress(WebRequest req, WebResponse res) {
        return MimeTypes.compressible(res.get("Content-Type"));
    }

    /** Pushes out what the compressor holds so far (compression's res.flush()), e.g. after an SSE event. */
    public static void flush(WebResponse res) {
        if (res.stream() instanceof CompressionStream c) {
            c.flushEncoder();
        }
    }

    /** Whether br can be offered in this run. */
    public static boolean brotliAvailable() {
        return BROTLI != null;
    }

    /** The coding for a request, or null for none (identity or nothing acceptable). */
    static String choose(String acceptEncoding, boolean brotli) {
        if (acceptEncoding == null) {
            return null; // compression's enforceEncoding default: identity
        }
        String m = AcceptEncoding.negotiate(acceptEncoding, brotli ? WITH_BR : WITHOUT_BR,
                brotli ? PREFERRED_WITH_BR : PREFERRED_WITHOUT_BR);
        return m == null || m.equals("identity") ? null : m;
    }

    /** The compressor for a chosen coding. Loop thread. */
    static TransformStream encoder(String coding, Options o) {
        if (coding.equals("br")) {
            return brotli(o.brotliQuality);
        }
        ZlibOptions.Builder b = ZlibOptions.builder();
        if (o.level != null) {
            b.level(o.level);
        }
        if (o.flush != null) {
            b.flush(o.flush);
        }
        ZlibOptions zo = b.build();
        return coding.equals("gzip") ? Zlib.createGzip(zo) : Zlib.createDeflate(zo);
    }

    static void flush(TransformStream encoder) {
        if (encoder instanceof ZlibTransform z) {
            z.flush();
            return;
        }
        try {
            encoder.getClass().getMethod("flush").invoke(encoder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the encoder cannot flush", e);
        }
    }

    private static TransformStream brotli(int quality) {
        try {
            ClassLoader loader = BROTLI.getClassLoader();
            Class<?> options = Class.forName("dev.eventide.brotli.BrotliOptions", true, loader);
            Object builder = options.getMethod("builder").invoke(null);
            builder.getClass().getMethod("param", int.class, long.class).invoke(builder, 1, (long) quality);
            Object built = builder.getClass().getMethod("build").invoke(builder);
            Method create = BROTLI.getMethod("createBrotliCompress", options);
            return (TransformStream) create.invoke(null, built);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the brotli module is present but could not be used", e);
        }
    }

    private static Class<?> findBrotli() {
        try {
            Optional<Module> m = ModuleLayer.boot().findModule("dev.eventide.brotli");
            Class<?> c = m.isPresent() ? Class.forName(m.get(), "dev.eventide.brotli.Brotli")
                    : Class.forName("dev.eventide.brotli.Brotli");
            if (c == null) {
                return null;
            }
            return Boolean.TRUE.equals(c.getMethod("isAvailable").invoke(null)) ? c : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null; // absent, or its native library did not load: no br
        }
    }
}
