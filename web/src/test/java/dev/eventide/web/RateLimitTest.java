package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.promise.Promise;
import dev.eventide.promise.Thenable;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The RateLimit middleware through a real client: refusals, the quota headers in each form
 * express-rate-limit 7 writes, key functions, custom answers, skipping, and each algorithm end
 * to end. The clock is the test's, so windows pass without sleeping.
 */
class RateLimitTest {
    static final long T0 = 1_700_000_000_000L;
    final AtomicLong now = new AtomicLong(T0);

    RateLimit.Options options(int limit) {
        return new RateLimit.Options().limit(limit).clock(now::get);
    }

    static WebApp app(Handler limiter) {
        WebApp app = Web.app();
        app.use(limiter);
        app.get("/", (req, res, next) -> res.send("ok"));
        app.get("/fail", (req, res, next) -> res.status(500).send("failed"));
        app.get("/info", (req, res, next) -> res.json(Map.of("used", ((RateLimit.Info) req.attr("rateLimit")).used())));
        return app;
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void fixedWindowRefusesPastTheLimitWith429RetryAfterAndDraft7Headers() {
        try (TestServer s = TestServer.start(app(RateLimit.create(options(2))))) {
            var first = s.get("/");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(header(first, "RateLimit-Policy")).isEqualTo("2;w=60");
            assertThat(header(first, "RateLimit")).isEqualTo("limit=2, remaining=1, reset=60");
            assertThat(header(first, "Retry-After")).isNull();
            assertThat(header(first, "X-RateLimit-Limit")).isNull(); // legacy headers are off by default
            assertThat(s.get("/").statusCode()).isEqualTo(200);

            var refused = s.get("/");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("Too many requests, please try again later.");
            assertThat(header(refused, "Retry-After")).isEqualTo("60");
            assertThat(header(refused, "RateLimit")).isEqualTo("limit=2, remaining=0, reset=60");

            now.addAndGet(45_500);
            var later = s.get("/");
            assertThat(later.statusCode()).isEqualTo(429);
            assertThat(header(later, "Retry-After")).isEqualTo("15"); // 14.5 s, rounded up

            now.addAndGet(14_500);
            var again = s.get("/");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(header(again, "RateLimit")).isEqualTo("limit=2, remaining=1, reset=60");
        }
    }

    @Test
    void draft6AndLegacyHeadersAreWrittenAsExpressRateLimitWritesThem() {
        var o = options(3).windowMs(90_500).standardHeaders("draft-6").legacyHeaders(true);
        try (TestServer s = TestServer.start(app(RateLimit.create(o)))) {
            var r = s.get("/");
            assertThat(header(r, "RateLimit-Policy")).isEqualTo("3;w=91");
            assertThat(header(r, "RateLimit-Limit")).isEqualTo("3");
            assertThat(header(r, "RateLimit-Remaining")).isEqualTo("2");
            assertThat(header(r, "RateLimit-Reset")).isEqualTo("91");
            assertThat(header(r, "RateLimit")).isNull();
            assertThat(header(r, "X-RateLimit-Limit")).isEqualTo("3");
            assertThat(header(r, "X-RateLimit-Remaining")).isEqualTo("2");
            assertThat(header(r, "X-RateLimit-Reset")).isEqualTo(Long.toString((T0 + 90_500 + 999) / 1000));
        }
    }

    @Test
    void withNoQuotaHeadersARefusalHasNoRetryAfterEither() {
        try (TestServer s = TestServer.start(app(RateLimit.create(options(0).standardHeaders(false))))) {
            var r = s.get("/");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().map().keySet()).noneMatch(k -> k.toLowerCase().contains("ratelimit")
                    || k.equalsIgnoreCase("retry-after"));
        }
    }

    @Test
    void aKeyFunctionGivesEachKeyItsOwnCount() {
        var o = options(1).keyGenerator((req, res) -> req.get("x-api-key"));
        try (TestServer s = TestServer.start(app(RateLimit.create(o)))) {
            assertThat(s.send(s.request("/").header("X-Api-Key", "a").build()).statusCode()).isEqualTo(200);
            assertThat(s.send(s.request("/").header("X-Api-Key", "a").build()).statusCode()).isEqualTo(429);
            assertThat(s.send(s.request("/").header("X-Api-Key", "b").build()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aCustomStatusAndJsonMessageAndSkippedPaths() {
        var o = options(1).statusCode(503).message(Map.of("error", "slow down"))
                .skip((req, res) -> req.path().equals("/info"));
        try (TestServer s = TestServer.start(app(RateLimit.create(o)))) {
            assertThat(s.get("/").statusCode()).isEqualTo(200);
            var refused = s.get("/");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).isEqualTo("{\"error\":\"slow down\"}");
            assertThat(header(refused, "content-type")).startsWith("application/json");
            assertThat(s.get("/info").statusCode()).isEqualTo(500); // skipped: no rateLimit attr, so the handler fails
        }
    }

    @Test
    void aCustomHandlerSeesTheInfoAndTheRequestCarriesIt() {
        var o = options(2).handler((req, res, next, info) ->
                res.status(429).send("used " + info.used() + " of " + info.limit() + ", reset " + info.resetTime()));
        try (TestServer s = TestServer.start(app(RateLimit.create(o)))) {
            assertThat(s.get("/info").body()).isEqualTo("{\"used\":1}");
            assertThat(s.get("/info").body()).isEqualTo("{\"used\":2}");
            assertThat(s.get("/").body()).isEqualTo("used 3 of 2, reset " + (T0 + 60_000));
        }
    }

    @Test
    void skipFailedRequestsTakesBackHitsThatFailed() {
        var o = options(1).skipFailedRequests(true);
        try (TestServer s = TestServer.start(app(RateLimit.create(o)))) {
            for (int i = 0; i < 3; i++) {
                assertThat(s.get("/fail").statusCode()).isEqualTo(500);
            }
            assertThat(s.get("/").statusCode()).isEqualTo(200);
            assertThat(s.get("/").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void tokenBucketRefillsOneTokenPerWindowShareEndToEnd() {
        var o = options(2).windowMs(2_000).algorithm(RateLimit.Algorithm.TOKEN_BUCKET);
        try (TestServer s = TestServer.start(app(RateLimit.create(o)))) {
            assertThat(s.get("/").statusCode()).isEqualTo(200);
            assertThat(header(s.get("/"), "RateLimit")).isEqualTo("limit=2, remaining=0, reset=2");
            var refused = s.get("/");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(header(refused, "Retry-After")).isEqualTo("1");
            now.addAndGet(1_000);
            assertThat(s.get("/").statusCode()).isEqualTo(200);
            assertThat(s.get("/").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void slidingWindowEndToEnd() {
        var o = options(2).windowMs(10_000).algorithm(RateLimit.Algorithm.SLIDING_WINDOW);
        try (TestServer s = TestServer.start(app(RateLimit.create(o)))) {
            assertThat(s.get("/").statusCode()).isEqualTo(200);
            assertThat(s.get("/").statusCode()).isEqualTo(200);
            now.addAndGet(10_000); // previous window: 2 hits, full weight
            var refused = s.get("/");
            assertThat(refused.statusCode()).isEqualTo(429);
            // 2 * (1 - t/10) + 1 + 1 <= 2 only at the window's end: t = 10 s.
            assertThat(header(refused, "Retry-After")).isEqualTo("10");
        }
    }

    /** A store that answers through real Promises (a microtask later), or fails every call. */
    static RateLimitStore asyncStore(boolean failing) {
        MemoryRateLimitStore memory = new MemoryRateLimitStore();
        return new RateLimitStore() {
            @Override
            public void init(Config config) {
                memory.init(config);
            }

            @Override
            public Thenable<Result> increment(String key) {
                if (failing) {
                    return Promise.reject(new IllegalStateException("store down"));
                }
                Result[] r = new Result[1];
                memory.increment(key).subscribe(v -> r[0] = v, e -> { });
                return Promise.resolve(r[0]);
            }

            @Override
            public Thenable<Void> decrement(String key) {
                return memory.decrement(key);
            }

            @Override
            public Thenable<Void> resetKey(String key) {
                return memory.resetKey(key);
            }
        };
    }

    @Test
    void anAsynchronousStoreIsWaitedForAndAFailingOneFailsTheRequestUnlessPassOnStoreError() {
        try (TestServer s = TestServer.start(app(RateLimit.create(options(1).store(asyncStore(false)))))) {
            assertThat(s.get("/").statusCode()).isEqualTo(200);
            assertThat(s.get("/").statusCode()).isEqualTo(429);
        }
        try (TestServer s = TestServer.start(app(RateLimit.create(options(1).store(asyncStore(true)))))) {
            var r = s.get("/");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("store down");
        }
        var passing = options(1).store(asyncStore(true)).passOnStoreError(true);
        try (TestServer s = TestServer.start(app(RateLimit.create(passing)))) {
            assertThat(s.get("/").statusCode()).isEqualTo(200);
            assertThat(s.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void badOptionsAreRefusedAtCreation() {
        assertThatThrownBy(() -> RateLimit.create(options(-1))).hasMessageContaining("limit must be >= 0");
        assertThatThrownBy(() -> RateLimit.create(options(1).windowMs(0))).hasMessageContaining("windowMs");
        assertThatThrownBy(() -> RateLimit.create(options(1).standardHeaders("draft-9")))
                .hasMessageContaining("standardHeaders");
    }
}
