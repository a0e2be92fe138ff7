package dev.eventide.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.http.Http;
import dev.eventide.http.HttpServer;
import dev.eventide.loop.Timers;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown under load: clients issue requests in a loop on keep-alive connections
 * while the server shuts down; every request written is answered (the last one on each
 * connection with Connection: close), and the loop ends by itself.
 */
class HttpShutdownInteropTest {
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /** One client: requests in a loop until the server says Connection: close. */
    private static void client(int port, AtomicInteger answered, AtomicInteger failed, AtomicInteger closed) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            while (true) {
                out.write(REQUEST);
                String head = readHead(in);
                if (head == null) {
                    failed.incrementAndGet();
                    return;
                }
                int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                if (in.readNBytes(length).length != length) {
                    failed.incrementAndGet();
                    return;
                }
                answered.incrementAndGet();
                if (head.contains("Connection: close")) {
                    closed.incrementAndGet();
                    return;
                }
            }
        } catch (IOException e) {
            // Connect refused (the server no longer listens) is no failed request; a reset mid-request is.
            if (!(e instanceof java.net.ConnectException)) {
                failed.incrementAndGet();
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            int n = b.size();
            byte[] a = b.toByteArray();
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Test
    void shuttingDownUnderKeepAliveLoadFailsNoRequest() throws Exception {
        HttpServerInteropTest.Running s = HttpServerInteropTest.Running.start(() -> Http.createServer((req, res) -> {
            // Half the answers come a little later, so that requests are in flight at shutdown.
            if (req.url().equals("/") && Math.random() < 0.5) {
                Timers.setTimeout(() -> res.end("later"), 2);
            } else {
                res.end("now");
            }
        }));
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        int clients = 16;
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                client(s.port, answered, failed, closed);
                done.countDown();
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(1000);
        int before = answered.get();
        CountDownLatch shutDown = new CountDownLatch(1);
        s.loop.execute(() -> ((HttpServer) s.server).shutdown(5000, 50, shutDown::countDown));
        assertThat(done.await(20, TimeUnit.SECONDS)).as("every client finished").isTrue();
        assertThat(shutDown.await(10, TimeUnit.SECONDS)).as("the server closed").isTrue();
        assertThat(s.awaitExit(10)).isZero();
        assertThat(before).as("requests answered before the shutdown").isGreaterThan(100);
        assertThat(failed.get()).as("failed requests").isZero();
        assertThat(closed.get()).as("clients told Connection: close").isEqualTo(clients);
    }
}
