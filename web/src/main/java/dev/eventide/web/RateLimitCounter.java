package dev.eventide.web;

/**
 * One key's state in {@link MemoryRateLimitStore}, for each of the three algorithms. All times
 * are epoch ms from the store's clock; a key's window starts at its first hit (as
 * express-rate-limit's MemoryStore), so clients do not all reset at the same instant. Loop
 * thread only, like the store.
 *
 * <pre>
 * fixed window    |--- W ---|--- W ---|     count = hits since the window began
 * sliding window  |  prev   |  cur  ^ |     count = ceil(prev * (1 - elapsed/W) + cur)
 *                                   now     (the weighted-counter approximation of a sliding log)
 * token bucket    limit tokens, refilled at limit/W per ms; a hit takes one or is refused
 * </pre>
 */
abstract class RateLimitCounter {
    final long windowMs;
    final int limit;

    RateLimitCounter(long windowMs, int limit) {
        this.windowMs = windowMs;
        this.limit = limit;
    }

    static RateLimitCounter create(RateLimit.Algorithm algorithm, long windowMs, int limit, long now) {
        return switch (algorithm) {
            case FIXED_WINDOW -> new Fixed(windowMs, limit, now);
            case SLIDING_WINDOW -> new Sliding(windowMs, limit, now);
            case TOKEN_BUCKET -> new Bucket(windowMs, limit, now);
        };
    }

    abstract RateLimitStore.Result hit(long now);

    abstract void undo(long now);

    /** True once the key holds nothing a fresh counter would not: it can be dropped. */
    abstract boolean expired(long now);

    /** Hits since the key's window began; the window restarts at the first hit after its end. */
    static final class Fixed extends RateLimitCounter {
        private long start;
        private long count;

        Fixed(long windowMs, int limit, long now) {
            super(windowMs, limit);
            this.start = now;
        }

        @Override
        RateLimitStore.Result hit(long now) {
            if (expired(now)) {
                start = now;
                count = 0;
            }
            count++;
            return new RateLimitStore.Result(count, start + windowMs);
        }

        @Override
        void undo(long now) {
            if (!expired(now) && count > 0) {
                count--;
            }
        }

        @Override
        boolean expired(long now) {
            return now >= start + windowMs;
        }
    }

    /**
     * The weighted counter: the previous window's hits count in proportion to how much of it
     * still overlaps the sliding window that ends now. O(1) memory per key, unlike a log of
     * timestamps, at the cost of assuming the previous window's hits were evenly spread.
     */
    static final class Sliding extends RateLimitCounter {
        private long start;
        private long prev;
        private long cur;

        Sliding(long windowMs, int limit, long now) {
            super(windowMs, limit);
            this.start = now;
        }

        private void roll(long now) {
            if (now < start + windowMs) {
                return;
            }
            long windows = (now - start) / windowMs;
            prev = windows == 1 ? cur : 0;
            cur = 0;
            start += windows * windowMs;
        }

        @Override
        RateLimitStore.Result hit(long now) {
            roll(now);
            cur++;
            double weight = 1 - (double) (now - start) / windowMs;
            long count = (long) Math.ceil(prev * weight + cur - 1e-9); // not 11 for 10.000000000000002
            long reset = count > limit ? retryAt(now) : start + windowMs;
            return new RateLimitStore.Result(count, reset);
        }

        /** The first instant at which one more hit would be within the limit, if none comes first. */
        private long retryAt(long now) {
            long end = start + windowMs;
            if (limit <= 0) {
                return end;
            }
            double room = limit - 1 - cur; // what the previous window's weighted share may still use
            if (room >= 0 && prev == 0) {
                return now;
            }
            if (room >= 0) {
                // prev * (1 - (t - start) / W) <= room
                return Math.max(now, start + (long) Math.ceil(windowMs * (1 - room / prev)));
            }
            // In the next window this one is "prev": cur * (1 - (t - end) / W) + 1 <= limit.
            return end + (long) Math.ceil(windowMs * (1 - (double) (limit - 1) / cur));
        }

        @Override
        void undo(long now) {
            roll(now);
            if (cur > 0) {
                cur--;
            }
        }

        @Override
        boolean expired(long now) {
            return now >= start + 2 * windowMs || (prev == 0 && cur == 0);
        }
    }

    /** limit tokens, refilled continuously; refused hits take nothing, so they are not undone. */
    static final class Bucket extends RateLimitCounter {
        /** Refills are sums of small fractions; a token short by rounding error is still a token. */
        private static final double EPSILON = 1e-9;
        private double tokens;
        private long last;

        Bucket(long windowMs, int limit, long now) {
            super(windowMs, limit);
            this.tokens = limit;
            this.last = now;
        }

        private double perMs() {
            return (double) limit / windowMs;
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(limit, tokens + (now - last) * perMs());
                last = now;
            }
        }

        @Override
        RateLimitStore.Result hit(long now) {
            if (limit <= 0) {
                return new RateLimitStore.Result(1, now + windowMs);
            }
            refill(now);
            if (tokens >= 1 - EPSILON) {
                tokens = Math.max(0, tokens - 1);
                long full = now + (long) Math.ceil((limit - tokens) / perMs());
                return new RateLimitStore.Result(limit - (long) Math.floor(tokens + EPSILON), full);
            }
            long nextToken = now + (long) Math.ceil((1 - tokens) / perMs());
            return new RateLimitStore.Result(limit + 1L, nextToken);
        }

        @Override
        void undo(long now) {
            refill(now);
            tokens = Math.min(limit, tokens + 1);
        }

        @Override
        boolean expired(long now) {
            refill(now);
            return limit <= 0 || tokens >= limit - EPSILON;
        }
    }
}
