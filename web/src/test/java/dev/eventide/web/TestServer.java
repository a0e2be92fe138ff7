package dev.eventide.web;

import dev.eventide.http.HttpServer;
import dev.eventide.loop.EventLoop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a WebApp on its own event loop thread on an ephemeral 127.0.0.1 port, so a test can
 * drive it with a real client (Java's HttpClient, curl, a raw socket) from the test thread.
 * {@link #close()} closes the server and waits for the loop to end.
 */
final class TestServer implements AutoCloseable {
    private final Thread thread;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile EventLoop loop;
    private volatile HttpServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(WebApp app) {
        thread = new Thread(() -> {
            try {
                exit.complete(EventLoop.run(() -> {
                    loop = EventLoop.current();
                    server = app.listen(0, "127.0.0.1", () -> port.complete(server.address().port()));
                }));
            } catch (Throwable t) {
                port.completeExceptionally(t);
                exit.completeExceptionally(t);
            }
        }, "test-server-loop");
        thread.setDaemon(true);
        thread.start();
    }

    static TestServer start(WebApp app) {
        TestServer s = new TestServer(app);
        s.port();
        return s;
    }

    int port() {
        try {
            return port.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the server did not start", e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** A request builder for a path on this server, with a 10 s timeout. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a task on the server's loop thread (to inspect or change state there). */
    void onLoop(Runnable task) {
        loop.execute(task);
    }

    @Override
    public void close() {
        loop.execute(() -> {
            server.closeAllConnections();
            server.close();
        });
        try {
            exit.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the loop did not end after close", e);
        }
        client.close();
    }
}
