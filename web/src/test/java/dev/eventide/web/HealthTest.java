package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * /healthz and /readyz (settable readiness, checks with a timeout) and the graceful shutdown:
 * readiness 503 once it begins while a request in flight still completes, the loop's exit code,
 * and the same sequence started by a real SIGTERM where the JVM lets us catch it. Each test runs
 * the app on its own loop thread (not TestServer, since these loops end by themselves).
 */
class HealthTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An app on its own loop thread; {@code exit} completes with the loop's exit code. */
    private static final class Served {
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        final WebApp app;
        volatile EventLoop loop;

        Served(WebApp app, Consumer<WebApp> onLoop) {
            this.app = app;
            Thread t = new Thread(() -> {
                try {
                    exit.complete(EventLoop.run(() -> {
                        loop = EventLoop.current();
                        app.listen(0, "127.0.0.1", () -> port.complete(app.server().address().port()));
                        onLoop.accept(app);
                    }));
                } catch (Throwable e) {
                    port.completeExceptionally(e);
                    exit.completeExceptionally(e);
                }
            }, "health-test-loop");
            t.setDaemon(true);
            t.start();
        }

        int port() throws Exception {
            return port.get(10, TimeUnit.SECONDS);
        }

        void stop() {
            try {
                loop.execute(() -> loop.exit(0));
            } catch (RuntimeException alreadyOver) {
                // The loop ended by itself.
            }
        }
    }

    private HttpResponse<String> get(Served s, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void livenessAndSettableReadinessAnswerWithJson() throws Exception {
        Health health = Health.create();
        WebApp app = Web.app();
        app.use(health);
        Served s = new Served(app, a -> { });
        try {
            var live = get(s, "/healthz");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(live.headers().firstValue("cache-control")).contains("no-store");
            assertThat(get(s, "/readyz").statusCode()).isEqualTo(200);
            health.ready(false);
            var notReady = get(s, "/readyz");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("{\"status\":\"unavailable\",\"reason\":\"not ready\"}");
            assertThat(get(s, "/healthz").statusCode()).as("liveness does not follow readiness").isEqualTo(200);
            health.ready(true);
            assertThat(get(s, "/readyz").statusCode()).isEqualTo(200);
            var post = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/healthz"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).as("only GET and HEAD are answered").isEqualTo(404);
        } finally {
            s.stop();
        }
    }

    @Test
    void checksRunOnEachProbeAndASlowOneCountsAsTimedOut() throws Exception {
        boolean[] dbUp = {true};
        Health health = Health.create(new Health.Options().checkTimeout(100))
                .check("sync", () -> true)
                .check("db", () -> new Promise<Boolean>((ok, no) -> EventLoop.current().setTimeout(() -> ok.accept(dbUp[0]), 5)));
        WebApp app = Web.app();
        app.use(health);
        Served s = new Served(app, a -> { });
        try {
            var ok = get(s, "/readyz");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"status\":\"ok\",\"checks\":{\"sync\":\"ok\",\"db\":\"ok\"}}");
            dbUp[0] = false;
            assertThat(get(s, "/readyz").body()).isEqualTo("{\"status\":\"unavailable\",\"checks\":{\"sync\":\"ok\",\"db\":\"failed\"}}");
            health.check("boom", () -> { throw new IllegalStateException("down"); })
                    .check("hang", () -> new Promise<Boolean>((y, n) -> { }));
            dbUp[0] = true;
            var bad = get(s, "/readyz");
            assertThat(bad.statusCode()).isEqualTo(503);
            assertThat(bad.body()).isEqualTo("{\"status\":\"unavailable\",\"checks\":"
                    + "{\"sync\":\"ok\",\"db\":\"ok\",\"boom\":\"error\",\"hang\":\"timeout\"}}");
        } finally {
            s.stop();
        }
    }

    /** Starts /slow, begins the shutdown with {@code begin}, and checks what clients see. */
    private void shutdownKeepsInFlightRequests(Health health, Consumer<Served> begin, int expectedExit) throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        WebApp app = Web.app();
        app.use(health);
        app.get("/slow", (req, res, next) -> {
            arrived.countDown();
            EventLoop.current().setTimeout(() -> res.send("finished"), 600);
        });
        Served s = new Served(app, a -> health.gracefulShutdown(a, new ShutdownOptions().readinessDelay(300)
                .exitCode(expectedExit)));
        try {
            assertThat(get(s, "/readyz").statusCode()).isEqualTo(200);
            HttpClient other = HttpClient.newHttpClient(); // its own connection for the slow request
            var slow = other.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            begin.accept(s);
            // During the readiness delay the server still listens and says it is going away.
            HttpResponse<String> ready = null;
            for (int i = 0; i < 100 && (ready == null || ready.statusCode() == 200); i++) {
                ready = get(s, "/readyz"); // the signal reaches the loop a moment later
            }
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("shutting down");
            assertThat(get(s, "/healthz").statusCode()).isEqualTo(200);
            var done = slow.get(10, TimeUnit.SECONDS);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).isEqualTo("finished");
            assertThat(s.exit.get(15, TimeUnit.SECONDS)).isEqualTo(expectedExit);
            assertThat(connects(s.port())).as("the listener is closed").isFalse();
        } finally {
            s.stop();
        }
    }

    private static boolean connects(int port) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void shutdownTurnsReadinessTo503WhileTheRequestInFlightCompletesThenExits() throws Exception {
        Health health = Health.create();
        shutdownKeepsInFlightRequests(health, s -> s.loop.execute(() -> health.shutdown(s.app.server(),
                new ShutdownOptions().readinessDelay(300).exitCode(3))), 3);
    }

    @Test
    void sigtermBeginsTheSameGracefulShutdown() throws Exception {
        Health health = Health.create();
        boolean[] caught = {false};
        shutdownKeepsInFlightRequests(health, s -> {
            caught[0] = health.catchesSignals();
            assumeTrue(caught[0], "this JVM does not let us catch SIGTERM (no jdk.unsupported)");
            try {
                Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(ProcessHandle.current().pid())).start();
                assertThat(kill.waitFor()).isZero();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 0);
    }
}
