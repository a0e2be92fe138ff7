package dev.eventide.http;

import dev.eventide.loop.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs an HTTP server on its own event loop thread for tests that talk to it over real sockets
 * from the test thread: start() returns once it listens, close() stops it and waits for the
 * loop to end. Also raw-socket helpers (send bytes, read until EOF). Test threads only.
 */
final class HttpTestServer implements AutoCloseable {
    final HttpServer server;
    final EventLoop loop;
    final int port;
    private final CompletableFuture<Integer> exit;

    private HttpTestServer(HttpServer server, EventLoop loop, int port, CompletableFuture<Integer> exit) {
        this.server = server;
        this.loop = loop;
        this.port = port;
        this.exit = exit;
    }

    /** Starts a server made by {@code make} (on the loop thread) on 127.0.0.1, port chosen by the system. */
    static HttpTestServer start(java.util.function.Supplier<HttpServer> make) {
        return start(make, s -> { });
    }

    static HttpTestServer start(java.util.function.Supplier<HttpServer> make, Consumer<HttpServer> setup) {
        CompletableFuture<Object[]> ready = new CompletableFuture<>();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                exit.complete(EventLoop.run(() -> {
                    HttpServer s = make.get();
                    setup.accept(s);
                    s.on("error", a -> ready.completeExceptionally((Throwable) a[0]));
                    s.listen(0, "127.0.0.1", () -> ready.complete(new Object[] {s, EventLoop.current(),
                            s.address().port()}));
                }));
            } catch (Throwable e) {
                ready.completeExceptionally(e);
                exit.completeExceptionally(e);
            }
        }, "http-test-loop");
        t.setDaemon(true);
        t.start();
        try {
            Object[] r = ready.get(10, TimeUnit.SECONDS);
            return new HttpTestServer((HttpServer) r[0], (EventLoop) r[1], (Integer) r[2], exit);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code task} on the loop thread and waits for it. */
    void onLoop(Runnable task) {
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        try {
            done.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        onLoop(() -> {
            server.close();
            server.closeAllConnections();
        });
        try {
            exit.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server's loop did not end", e);
        }
    }

    int port() {
        return port;
    }

    /** Sends {@code request} on a new connection and returns everything read until EOF. */
    String exchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return readAll(s.getInputStream());
        }
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // A reset after the answer: keep what was read.
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Replaces the Date header's value, which changes every second, with X. */
    static String noDate(String response) {
        return response.replaceAll("Date: [^\r]*\r\n", "Date: X\r\n");
    }
}
