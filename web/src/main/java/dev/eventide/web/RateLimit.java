package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;

/**
 * express-rate-limit 7 as a middleware, with a choice of algorithm: counts each client's hits
 * (by req.ip() or a key function) in a {@link RateLimitStore}, describes the quota in the IETF
 * RateLimit headers, and answers 429 with Retry-After once the limit is passed. Created on any
 * thread; the handler runs on the loop thread, as the store's callbacks must.
 *
 * <p>Defaults are express-rate-limit 7's (limit 5 per 60 s window, 429, its message) except the
 * headers: the draft-7 {@code RateLimit} and {@code RateLimit-Policy} headers are on and the
 * legacy {@code X-RateLimit-*} ones off, where express-rate-limit 7 still has it the other way.
 */
public final class RateLimit {
    /** How hits are counted; see {@link RateLimitCounter} for the arithmetic. */
    public enum Algorithm {
        /** Hits since the client's window began; the window restarts after windowMs. */
        FIXED_WINDOW,
        /** A sliding window by weighted counters (the previous window's share plus this one's). */
        SLIDING_WINDOW,
        /** A bucket of limit tokens refilled at limit per windowMs; bursts up to limit. */
        TOKEN_BUCKET;

        /** Whether a refused hit was counted, so that skipping it must take it back. */
        boolean countsRefusedHits() {
            return this != TOKEN_BUCKET;
        }
    }

    /** What the middleware learnt about this request; stored as req.attr("rateLimit"). */
    public record Info(int limit, long used, long remaining, long resetTime) {
    }

    /** Answers a refused request (express-rate-limit's handler). Loop thread. */
    @FunctionalInterface
    public interface LimitHandler {
        void handle(WebRequest req, WebResponse res, Next next, Info info) throws Exception;
    }

    private RateLimit() {
    }

    public static Handler create() {
        return create(new Options());
    }

    public static Handler create(Options o) {
        o.validate();
        RateLimitStore store = o.store != null ? o.store : new MemoryRateLimitStore();
        store.init(new RateLimitStore.Config(o.algorithm, o.windowMs, o.limit, o.clock));
        LimitHandler refuse = o.handler != null ? o.handler : (req, res, next, info) -> {
            res.status(o.statusCode);
            Object message = o.messageFn != null ? o.messageFn.apply(req, res) : o.message;
            if (!res.raw().writableEnded()) {
                res.send(message);
            }
        };
        return (req, res, next) -> {
            if (o.skip != null && o.skip.test(req, res)) {
                next.call();
                return;
            }
            String key = o.keyGenerator.apply(req, res);
            String k = key == null ? "" : key;
            store.increment(k).subscribe(r -> {
                try {
                    counted(o, store, refuse, k, r, req, res, next);
                } catch (Throwable t) {
                    next.call(t);
                }
            }, err -> {
                if (o.passOnStoreError) {
                    next.call();
                } else {
                    next.call(err);
                }
            });
        };
    }

    private static void counted(Options o, RateLimitStore store, LimitHandler refuse, String key,
            RateLimitStore.Result r, WebRequest req, WebResponse res, Next next) throws Exception {
        long now = o.clock.getAsLong();
        Info info = new Info(o.limit, r.count(), Math.max(o.limit - r.count(), 0), r.resetTime());
        req.attr("rateLimit", info);
        RateLimitHeaders.set(o, info, now, res);
        boolean refused = r.count() > o.limit;
        if ((o.skipFailedRequests || o.skipSuccessfulRequests) && (!refused || o.algorithm.countsRefusedHits())) {
            takeBackLater(o, store, key, req, res);
        }
        if (refused) {
            if (o.legacyHeaders || o.standardHeaders != null) {
                RateLimitHeaders.retryAfter(info, now, res);
            }
            refuse.handle(req, res, next, info);
            return;
        }
        next.call();
    }

    /** skipSuccessfulRequests / skipFailedRequests: the hit is taken back once the outcome is known. */
    private static void takeBackLater(Options o, RateLimitStore store, String key, WebRequest req, WebResponse res) {
        boolean[] done = {false};
        Runnable undo = () -> {
            if (!done[0]) {
                done[0] = true;
                store.decrement(key).subscribe(v -> { }, e -> { });
            }
        };
        res.on("finish", a -> {
            boolean ok = o.requestWasSuccessful.test(req, res);
            if (ok ? o.skipSuccessfulRequests : o.skipFailedRequests) {
                undo.run();
            }
        });
        if (o.skipFailedRequests) {
            // A response that never finished (the client went away, an error) counts as failed.
            res.on("close", a -> {
                if (!res.raw().writableFinished()) {
                    undo.run();
                }
            });
        }
    }

    /** express-rate-limit's options, with its names and defaults (headers aside, see the class). */
    public static final class Options {
        Algorithm algorithm = Algorithm.FIXED_WINDOW;
        int limit = 5;
        long windowMs = 60_000;
        BiFunction<WebRequest, WebResponse, String> keyGenerator = (req, res) -> req.ip();
        String standardHeaders = "draft-7";
        boolean legacyHeaders;
        int statusCode = 429;
        Object message = "Too many requests, please try again later.";
        BiFunction<WebRequest, WebResponse, Object> messageFn;
        LimitHandler handler;
        BiPredicate<WebRequest, WebResponse> skip;
        boolean skipSuccessfulRequests;
        boolean skipFailedRequests;
        BiPredicate<WebRequest, WebResponse> requestWasSuccessful = (req, res) -> res.statusCode() < 400;
        RateLimitStore store;
        LongSupplier clock = System::currentTimeMillis;
        boolean passOnStoreError;

        public Options algorithm(Algorithm a) {
            algorithm = a;
            return this;
        }

        /** Hits allowed per window (for a token bucket: its size, refilled once per window). */
        public Options limit(int n) {
            limit = n;
            return this;
        }

        public Options windowMs(long ms) {
            windowMs = ms;
            return this;
        }

        /** The client's key (default req.ip()); a null key shares the "" key. */
        public Options keyGenerator(BiFunction<WebRequest, WebResponse, String> f) {
            keyGenerator = f;
            return this;
        }

        /** "draft-6" (RateLimit-Limit/-Remaining/-Reset), "draft-7" (one RateLimit header) or null for none. */
        public Options standardHeaders(String draft) {
            standardHeaders = draft;
            return this;
        }

        /** As express-rate-limit: true is "draft-6", false none. */
        public Options standardHeaders(boolean on) {
            standardHeaders = on ? "draft-6" : null;
            return this;
        }

        /** X-RateLimit-Limit, -Remaining and -Reset (epoch seconds). Off by default. */
        public Options legacyHeaders(boolean on) {
            legacyHeaders = on;
            return this;
        }

        public Options statusCode(int status) {
            statusCode = status;
            return this;
        }

        /** The refusal's body: a String (sent as res.send does) or an object sent as JSON. */
        public Options message(Object body) {
            message = body;
            messageFn = null;
            return this;
        }

        /** A body computed per refused request. */
        public Options message(BiFunction<WebRequest, WebResponse, Object> body) {
            messageFn = body;
            return this;
        }

        public Options handler(LimitHandler h) {
            handler = h;
            return this;
        }

        /** Requests for which this returns true are neither counted nor limited. */
        public Options skip(BiPredicate<WebRequest, WebResponse> p) {
            skip = p;
            return this;
        }

        public Options skipSuccessfulRequests(boolean on) {
            skipSuccessfulRequests = on;
            return this;
        }

        public Options skipFailedRequests(boolean on) {
            skipFailedRequests = on;
            return this;
        }

        /** Decides success for the two skip options (default: status below 400). */
        public Options requestWasSuccessful(BiPredicate<WebRequest, WebResponse> p) {
            requestWasSuccessful = p;
            return this;
        }

        public Options store(RateLimitStore s) {
            store = s;
            return this;
        }

        /** Epoch milliseconds; tests pass a clock they advance. */
        public Options clock(LongSupplier millis) {
            clock = millis;
            return this;
        }

        /** Lets requests through, unlimited, when the store fails (default: the error goes to next). */
        public Options passOnStoreError(boolean on) {
            passOnStoreError = on;
            return this;
        }

        void validate() {
            if (limit < 0) {
                throw invalid("rateLimit: limit must be >= 0, got " + limit);
            }
            if (windowMs < 1) {
                throw invalid("rateLimit: windowMs must be >= 1, got " + windowMs);
            }
            if (statusCode < 100 || statusCode > 999) {
                throw invalid("rateLimit: statusCode must be a 3-digit status, got " + statusCode);
            }
            if (standardHeaders != null && !standardHeaders.equals("draft-6") && !standardHeaders.equals("draft-7")) {
                throw invalid("rateLimit: standardHeaders must be \"draft-6\", \"draft-7\" or"
                        + " null, got " + ContentSecurityPolicy.quote(standardHeaders));
            }
            if (algorithm == null || keyGenerator == null || clock == null || requestWasSuccessful == null) {
                throw invalid("rateLimit: algorithm, keyGenerator, clock and"
                        + " requestWasSuccessful must not be null");
            }
        }
    }

    private static NodeError invalid(String message) {
        return ErrorCode.ERR_INVALID_ARG_VALUE.withMessage(message);
    }
}
