package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.eventide.loop.EventLoop;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The memory store's three algorithms, step by step on a clock the test advances, and its
 * bounds: sweeping lapsed keys, the maxKeys cap, and an unref'd sweeper. No sockets, no sleeping.
 */
class MemoryRateLimitStoreTest {
    static final long T0 = 1_700_000_000_000L;
    final AtomicLong now = new AtomicLong(T0);

    MemoryRateLimitStore store(RateLimit.Algorithm algorithm, long windowMs, int limit, int maxKeys) {
        MemoryRateLimitStore s = new MemoryRateLimitStore(maxKeys);
        s.init(new RateLimitStore.Config(algorithm, windowMs, limit, now::get));
        return s;
    }

    /** The memory store answers synchronously, so the result is there when subscribe returns. */
    static RateLimitStore.Result hit(RateLimitStore s, String key) {
        RateLimitStore.Result[] out = new RateLimitStore.Result[1];
        s.increment(key).subscribe(r -> out[0] = r, e -> { throw new AssertionError(e); });
        assertThat(out[0]).isNotNull();
        return out[0];
    }

    @Test
    void fixedWindowCountsFromTheFirstHitAndRestartsAfterTheWindow() {
        var s = store(RateLimit.Algorithm.FIXED_WINDOW, 60_000, 2, 100);
        assertThat(hit(s, "a")).isEqualTo(new RateLimitStore.Result(1, T0 + 60_000));
        now.addAndGet(10_000);
        assertThat(hit(s, "a")).isEqualTo(new RateLimitStore.Result(2, T0 + 60_000));
        assertThat(hit(s, "a").count()).isEqualTo(3);
        s.decrement("a");
        assertThat(hit(s, "a").count()).isEqualTo(3);
        now.set(T0 + 60_000);
        assertThat(hit(s, "a")).isEqualTo(new RateLimitStore.Result(1, T0 + 120_000));
        s.resetKey("a");
        assertThat(s.size()).isZero();
    }

    @Test
    void slidingWindowWeighsThePreviousWindowAndSaysWhenTheNextHitWouldPass() {
        var s = store(RateLimit.Algorithm.SLIDING_WINDOW, 60_000, 10, 100);
        for (int i = 1; i <= 10; i++) {
            assertThat(hit(s, "a").count()).isEqualTo(i);
            hit(s, "b");
        }
        // Second window, at its start: all 10 previous hits still weigh fully, so 10 + 1 > 10.
        now.set(T0 + 60_000);
        var refused = hit(s, "a");
        assertThat(refused.count()).isEqualTo(11);
        assertThat(hit(s, "b").count()).isEqualTo(11);
        // One more hit passes once 10 * (1 - t/60) + 1 (the refused hit counts) + 1 <= 10: t = 12 s.
        assertThat(refused.resetTime()).isEqualTo(T0 + 72_000);
        now.set(T0 + 71_999);
        assertThat(hit(s, "b").count()).isEqualTo(11); // 1 ms early: still refused
        now.set(T0 + 72_000);
        var passed = hit(s, "a");
        assertThat(passed.count()).isEqualTo(10);
        assertThat(passed.resetTime()).isEqualTo(T0 + 120_000);
    }

    @Test
    void slidingWindowRefusedBeyondItsOwnWindowWaitsIntoTheNext() {
        var s = store(RateLimit.Algorithm.SLIDING_WINDOW, 1_000, 2, 100);
        RateLimitStore.Result last = null;
        for (int i = 1; i <= 5; i++) {
            last = hit(s, "a");
        }
        assertThat(last.count()).isEqualTo(5);
        // Next window: 5 * (1 - t/1000) + 1 <= 2 from t = 800 ms.
        assertThat(last.resetTime()).isEqualTo(T0 + 1_800);
        now.set(T0 + 1_800);
        assertThat(hit(s, "a").count()).isEqualTo(2);
        // Two windows later nothing of the key remains.
        now.set(T0 + 4_000);
        s.sweep();
        assertThat(s.size()).isZero();
    }

    @Test
    void tokenBucketAllowsABurstThenOneHitPerRefilledToken() {
        var s = store(RateLimit.Algorithm.TOKEN_BUCKET, 4_000, 4, 100); // 1 token a second
        for (int i = 1; i <= 4; i++) {
            var r = hit(s, "a");
            assertThat(r.count()).isEqualTo(i);
            assertThat(r.resetTime()).isEqualTo(T0 + 1_000L * i);
        }
        var refused = hit(s, "a");
        assertThat(refused).isEqualTo(new RateLimitStore.Result(5, T0 + 1_000));
        now.addAndGet(500);
        assertThat(hit(s, "a")).isEqualTo(new RateLimitStore.Result(5, T0 + 1_000));
        now.addAndGet(500);
        assertThat(hit(s, "a")).isEqualTo(new RateLimitStore.Result(4, T0 + 5_000));
        s.decrement("a"); // gives the token back
        assertThat(hit(s, "a").count()).isEqualTo(4);
        now.addAndGet(3_999);
        s.sweep();
        assertThat(s.size()).isEqualTo(1); // not yet full
        now.addAndGet(1);
        s.sweep();
        assertThat(s.size()).isZero();
    }

    @Test
    void sweepDropsOnlyLapsedKeys() {
        var s = store(RateLimit.Algorithm.FIXED_WINDOW, 60_000, 5, 100);
        hit(s, "old");
        now.addAndGet(30_000);
        hit(s, "new");
        now.addAndGet(30_000);
        s.sweep();
        assertThat(s.size()).isEqualTo(1);
        assertThat(hit(s, "new").count()).isEqualTo(2);
        assertThat(hit(s, "old").count()).isEqualTo(1);
    }

    @Test
    void aFloodOfDistinctKeysIsCappedByDroppingTheLeastRecentlyUsed() {
        var s = store(RateLimit.Algorithm.FIXED_WINDOW, 60_000, 5, 1_000);
        hit(s, "regular");
        for (int i = 0; i < 100_000; i++) {
            hit(s, "flood-" + i);
            if (i % 500 == 0) {
                hit(s, "regular"); // kept recently used
            }
        }
        assertThat(s.size()).isEqualTo(1_000);
        assertThat(hit(s, "regular").count()).isEqualTo(202);
        assertThat(hit(s, "flood-0").count()).isEqualTo(1); // dropped, so starting afresh
    }

    @Test
    void aStoreServesOneMiddlewareOnly() {
        var shared = new MemoryRateLimitStore();
        RateLimit.create(new RateLimit.Options().store(shared));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimit.create(new RateLimit.Options().store(shared)))
                .hasMessageContaining("already serves a rateLimit middleware");
    }

    @Test
    void theSweeperNeverKeepsTheLoopAlive() {
        var s = new MemoryRateLimitStore();
        s.init(new RateLimitStore.Config(RateLimit.Algorithm.FIXED_WINDOW, 60_000, 5, now::get));
        int code = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> EventLoop.run(() -> hit(s, "a")));
        assertThat(code).isZero();
        assertThat(s.size()).isEqualTo(1);
    }
}
