package dev.eventide.web;

import dev.eventide.fs.Stats;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The options of {@link FileSender} with the defaults of the {@code send} package: ranges,
 * Cache-Control "public, max-age=0", ETag and Last-Modified on. Mutable while configuring,
 * then read on the loop thread.
 */
public final class SendOptions {
    /** send caps max-age at one year. */
    static final long MAX_MAX_AGE_MS = 365L * 24 * 60 * 60 * 1000;

    /** Called before the default headers are set, so what it sets wins (serve-static's setHeaders). */
    @FunctionalInterface
    public interface HeadersHook {
        void headers(WebResponse res, Path path, Stats stat);
    }

    boolean acceptRanges = true;
    boolean cacheControl = true;
    boolean etag = true;
    boolean lastModified = true;
    boolean immutable;
    long maxAgeMs;
    HeadersHook headers;
    /** The name whose extension gives the Content-Type, when it is not the sent path's (a symlink's target). */
    String typeName;

    /** Whether to honour Range requests and send Accept-Ranges (default true). */
    public SendOptions acceptRanges(boolean on) {
        acceptRanges = on;
        return this;
    }

    /** Whether to send Cache-Control (default true). */
    public SendOptions cacheControl(boolean on) {
        cacheControl = on;
        return this;
    }

    public SendOptions etag(boolean on) {
        etag = on;
        return this;
    }

    public SendOptions lastModified(boolean on) {
        lastModified = on;
        return this;
    }

    /** Adds "immutable" to Cache-Control (default false). */
    public SendOptions immutable(boolean on) {
        immutable = on;
        return this;
    }

    /** Cache-Control max-age in milliseconds, as send takes it (default 0, at most one year). */
    public SendOptions maxAge(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("maxAge must be >= 0: " + ms);
        }
        maxAgeMs = Math.min(ms, MAX_MAX_AGE_MS);
        return this;
    }

    public SendOptions maxAge(Duration d) {
        return maxAge(d.toMillis());
    }

    /** A hook run before the default headers are set (serve-static's setHeaders). */
    public SendOptions headers(HeadersHook hook) {
        headers = hook;
        return this;
    }

    SendOptions copy() {
        SendOptions o = new SendOptions();
        o.acceptRanges = acceptRanges;
        o.cacheControl = cacheControl;
        o.etag = etag;
        o.lastModified = lastModified;
        o.immutable = immutable;
        o.maxAgeMs = maxAgeMs;
        o.headers = headers;
        o.typeName = typeName;
        return o;
    }
}
