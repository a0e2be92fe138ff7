package dev.eventide.web;

import dev.eventide.promise.Thenable;
import java.util.function.LongSupplier;

/**
 * Where {@link RateLimit} keeps its counts: express-rate-limit's Store, asynchronous so that a
 * shared store (Redis, a database) can answer later through a Promise or any Thenable. The
 * store, not the middleware, runs the algorithm, because a shared store must do it atomically
 * where the state lives (a Redis store would run it as one script). {@link MemoryRateLimitStore}
 * is the default. Called on the loop thread; a store's Thenables must call back on it too.
 */
public interface RateLimitStore {
    /**
     * What one hit left behind. {@code count} is the number of hits counted against the limit
     * in the current window (the weighted estimate, rounded up, for a sliding window; the tokens
     * used for a token bucket), and the request is refused when it exceeds the limit.
     * {@code resetTime} is when the client gets its quota back, in epoch ms: the window's end,
     * or, for a refused hit of a sliding window or token bucket, when the next hit would pass.
     */
    record Result(long count, long resetTime) {
    }

    /** What a store is told once, before any hit, by the middleware that owns it. */
    record Config(RateLimit.Algorithm algorithm, long windowMs, int limit, LongSupplier clock) {
    }

    /** Called once by {@link RateLimit#create} with the middleware's options. */
    default void init(Config config) {
    }

    /** Counts a hit for the key and says where the key stands. */
    Thenable<Result> increment(String key);

    /** Takes back one counted hit (skipSuccessfulRequests, skipFailedRequests). */
    Thenable<Void> decrement(String key);

    /** Forgets the key, so its next hit starts afresh. */
    Thenable<Void> resetKey(String key);
}
