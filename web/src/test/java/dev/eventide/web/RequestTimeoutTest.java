package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * RequestTimeout against a real server: connect-timeout's 503 through the error handlers, the
 * respond(false) mode, responses already under way, and handlers that finish after the answer.
 * Timeouts are short real delays (50 ms); no test sleeps, each waits for a response or a latch.
 */
class RequestTimeoutTest {

    private static void later(long ms, Runnable task) {
        EventLoop.current().setTimeout(task::run, ms);
    }

    @Test
    void aSlowHandlerGets503FromTheErrorHandlersAndItsLateWritesDoNoHarm() throws Exception {
        CountDownLatch lateDone = new CountDownLatch(1);
        AtomicInteger errorsSeen = new AtomicInteger();
        AtomicInteger rawErrors = new AtomicInteger();
        WebApp app = Web.app();
        app.use(RequestTimeout.create(50));
        app.get("/slow", (req, res, next) -> later(200, () -> {
            res.raw().on("error", a -> rawErrors.incrementAndGet());
            res.write("late ");
            res.end("body");
            lateDone.countDown();
        }));
        app.get("/fast", (req, res, next) -> res.send("fast"));
        app.use((err, req, res, next) -> {
            errorsSeen.incrementAndGet();
            HttpError h = (HttpError) err;
            res.status(h.status()).send(h.code() + " timedout=" + RequestTimeout.timedout(req));
        });
        try (TestServer s = TestServer.start(app)) {
            var r = s.get("/slow");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("ERR_RESPONSE_TIMEOUT timedout=true");
            assertThat(lateDone.await(10, TimeUnit.SECONDS)).isTrue();
            // The loop survived the late writes and the server still answers.
            assertThat(s.get("/fast").body()).isEqualTo("fast");
            assertThat(errorsSeen.get()).isEqualTo(1);
            assertThat(rawErrors.get()).as("write-after-end errors on the answered response").isZero();
        }
    }

    @Test
    void withoutAnErrorHandlerTheDefaultOneAnswers503() {
        WebApp app = Web.app();
        app.set("env", "production");
        app.use(RequestTimeout.create(50));
        app.get("/never", (req, res, next) -> { });
        try (TestServer s = TestServer.start(app)) {
            var r = s.get("/never");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("Service Unavailable");
        }
    }

    @Test
    void aResponseWhoseHeadersWentOutInTimeIsLeftAlone() {
        WebApp app = Web.app();
        app.use(RequestTimeout.create(50));
        app.get("/stream", (req, res, next) -> {
            res.write("first ");
            later(150, () -> res.end("second"));
        });
        try (TestServer s = TestServer.start(app)) {
            var r = s.get("/stream");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("first second");
        }
    }

    @Test
    void respondFalseOnlyMarksTheRequestAndEmitsTimeoutForTheApplicationToAnswer() {
        AtomicBoolean emitted = new AtomicBoolean();
        WebApp app = Web.app();
        app.use(RequestTimeout.create(50, new RequestTimeout.Options().respond(false)));
        app.get("/slow", (req, res, next) -> {
            req.raw().on("timeout", a -> emitted.set(((Long) a[0]) == 50L));
            later(200, () -> res.status(RequestTimeout.timedout(req) ? 504 : 200).send("done"));
        });
        try (TestServer s = TestServer.start(app)) {
            var r = s.get("/slow");
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(emitted).isTrue();
        }
    }

    @Test
    void haltOnTimedoutStopsTheChainAfterASlowStep() throws Exception {
        CountDownLatch halted = new CountDownLatch(1);
        AtomicBoolean routeRan = new AtomicBoolean();
        WebApp app = Web.app();
        app.use(RequestTimeout.create(50));
        app.use((req, res, next) -> later(150, next::call));
        app.use((req, res, next) -> {
            if (RequestTimeout.timedout(req)) {
                halted.countDown();
            }
            next.call();
        });
        app.use(RequestTimeout.haltOnTimedout());
        app.get("/x", (req, res, next) -> { routeRan.set(true); res.send("x"); });
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/x").statusCode()).isEqualTo(503);
            assertThat(halted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(s.get("/nothing").statusCode()).as("a later request on the same server").isEqualTo(503);
            assertThat(routeRan).isFalse();
        }
    }

    @Test
    void aLateAsyncHandlerWhoseSendThrowsDoesNotCrashTheServer() throws Exception {
        CountDownLatch lateDone = new CountDownLatch(1);
        WebApp app = Web.app();
        app.use(RequestTimeout.create(50));
        app.get("/late", Web.async((req, res, next) -> {
            Promise<Void> p = new Promise<>((resolve, reject) -> later(150, () -> resolve.accept(null)));
            return p.then(v -> {
                lateDone.countDown();
                res.send("too late"); // throws ERR_HTTP_HEADERS_SENT into the error path
                return null;
            });
        }));
        app.get("/ok", (req, res, next) -> res.send("ok"));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/late").statusCode()).isEqualTo(503);
            assertThat(lateDone.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(s.get("/ok").body()).isEqualTo("ok");
        }
    }

    @Test
    void aNonPositiveTimeoutIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RequestTimeout.create(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
