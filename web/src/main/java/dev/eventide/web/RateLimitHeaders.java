package dev.eventide.web;

/**
 * The quota headers of {@link RateLimit}, written as express-rate-limit 7 writes them:
 *
 * <pre>
 * draft-7  RateLimit-Policy: 100;w=60          RateLimit: limit=100, remaining=99, reset=42
 * draft-6  RateLimit-Policy: 100;w=60          RateLimit-Limit: 100, RateLimit-Remaining: 99,
 *                                              RateLimit-Reset: 42 (left out when 0)
 * legacy   X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset (epoch seconds)
 * refused  Retry-After: 42
 * </pre>
 *
 * Reset values are whole seconds rounded up, never negative. Loop thread.
 */
final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    static void set(RateLimit.Options o, RateLimit.Info info, long now, WebResponse res) {
        if (res.headersSent()) {
            return;
        }
        var raw = res.raw();
        if (o.legacyHeaders) {
            raw.setHeader("X-RateLimit-Limit", Integer.toString(info.limit()));
            raw.setHeader("X-RateLimit-Remaining", Long.toString(info.remaining()));
            raw.setHeader("X-RateLimit-Reset", Long.toString(ceilDiv(info.resetTime(), 1000)));
        }
        if (o.standardHeaders == null) {
            return;
        }
        long windowSeconds = ceilDiv(o.windowMs, 1000);
        long reset = resetSeconds(info, now);
        raw.setHeader("RateLimit-Policy", info.limit() + ";w=" + windowSeconds);
        if (o.standardHeaders.equals("draft-6")) {
            raw.setHeader("RateLimit-Limit", Integer.toString(info.limit()));
            raw.setHeader("RateLimit-Remaining", Long.toString(info.remaining()));
            if (reset != 0) {
                raw.setHeader("RateLimit-Reset", Long.toString(reset));
            }
        } else {
            raw.setHeader("RateLimit", "limit=" + info.limit() + ", remaining=" + info.remaining() + ", reset=" + reset);
        }
    }

    static void retryAfter(RateLimit.Info info, long now, WebResponse res) {
        if (!res.headersSent()) {
            res.raw().setHeader("Retry-After", Long.toString(resetSeconds(info, now)));
        }
    }

    static long resetSeconds(RateLimit.Info info, long now) {
        return Math.max(0, ceilDiv(info.resetTime() - now, 1000));
    }

    private static long ceilDiv(long a, long b) {
        return Math.ceilDiv(a, b);
    }
}
