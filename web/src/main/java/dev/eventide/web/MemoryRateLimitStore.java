package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timeout;
import dev.eventide.promise.Thenable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The default {@link RateLimitStore}: counters in a map on the loop thread. It cannot grow
 * without bound: keys whose state has lapsed are swept every window by an unref'd interval
 * (which never keeps the process alive), and past {@code maxKeys} the least recently used key is
 * dropped, so a flood of distinct keys costs memory for at most maxKeys counters. A dropped key
 * starts afresh, which is the price of the cap; raise it if clients are that many. Loop thread
 * only, and one loop per store: an app served by several loops needs one store per loop or a
 * shared store.
 */
public final class MemoryRateLimitStore implements RateLimitStore {
    /** Keys kept before the least recently used one is dropped (100,000 by default). */
    private final int maxKeys;
    /** Access-ordered, so the eldest entry is the least recently used key. */
    private final LinkedHashMap<String, RateLimitCounter> counters;
    private RateLimit.Algorithm algorithm = RateLimit.Algorithm.FIXED_WINDOW;
    private long windowMs = 60_000;
    private int limit = 5;
    private LongSupplier clock = System::currentTimeMillis;
    /** Whether a middleware owns this store: two would count each other's hits with one config. */
    private boolean initialised;
    /** The sweeping interval, started by the first hit on a loop thread; null until then. */
    private Timeout sweeper;

    public MemoryRateLimitStore() {
        this(100_000);
    }

    public MemoryRateLimitStore(int maxKeys) {
        if (maxKeys < 1) {
            throw invalid("MemoryRateLimitStore needs maxKeys >= 1, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
        this.counters = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RateLimitCounter> eldest) {
                return size() > MemoryRateLimitStore.this.maxKeys;
            }
        };
    }

    @Override
    public void init(Config config) {
        if (initialised) {
            throw ErrorCode.ERR_INVALID_STATE.make("this MemoryRateLimitStore already serves"
                    + " a rateLimit middleware; give each middleware its own store");
        }
        initialised = true;
        this.algorithm = config.algorithm();
        this.windowMs = config.windowMs();
        this.limit = config.limit();
        this.clock = config.clock();
        counters.clear();
    }

    @Override
    public Thenable<Result> increment(String key) {
        startSweeper();
        long now = clock.getAsLong();
        RateLimitCounter c = counters.get(key);
        if (c == null) {
            c = RateLimitCounter.create(algorithm, windowMs, limit, now);
            counters.put(key, c);
        }
        return new Ready<>(c.hit(now));
    }

    @Override
    public Thenable<Void> decrement(String key) {
        RateLimitCounter c = counters.get(key);
        if (c != null) {
            c.undo(clock.getAsLong());
        }
        return new Ready<>(null);
    }

    @Override
    public Thenable<Void> resetKey(String key) {
        counters.remove(key);
        return new Ready<>(null);
    }

    /** Forgets every key. */
    public void resetAll() {
        counters.clear();
    }

    /** The number of keys held now (swept or not). */
    public int size() {
        return counters.size();
    }

    /** Drops the keys whose state has lapsed; the interval calls it once per window. */
    public void sweep() {
        long now = clock.getAsLong();
        for (Iterator<RateLimitCounter> it = counters.values().iterator(); it.hasNext();) {
            if (it.next().expired(now)) {
                it.remove();
            }
        }
    }

    /** Stops the sweeping interval (it stops by itself with its loop). */
    public void close() {
        if (sweeper != null) {
            sweeper.close();
            sweeper = null;
        }
    }

    private void startSweeper() {
        if (sweeper == null && EventLoop.currentOrNull() != null) {
            // unref'd: a rate limiter alone must not keep a server's loop from ending.
            sweeper = EventLoop.current().setInterval(this::sweep, Math.max(windowMs, 1000)).unref();
        }
    }

    /** A Thenable already fulfilled: the memory store answers at once, with no microtask turn. */
    private record Ready<T>(T value) implements Thenable<T> {
        @Override
        public void subscribe(Consumer<? super T> onFulfilled, Consumer<? super Throwable> onRejected) {
            onFulfilled.accept(value);
        }
    }

    private static NodeError invalid(String message) {
        return ErrorCode.ERR_INVALID_ARG_VALUE.withMessage(message);
    }
}
