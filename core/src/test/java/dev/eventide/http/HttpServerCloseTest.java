package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * server.closeIdleConnections() and closeAllConnections() (Node 18.2+): the first ends only the
 * keep-alive connections that wait for a next request, the second every connection, a request
 * in flight included. Raw sockets, so the test sees exactly what each connection gets.
 */
class HttpServerCloseTest {
    private static final String FAST = "GET /fast HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final String SLOW = "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n";

    /** A server answering /fast at once and /slow when the test completes {@code slow}. */
    private static HttpTestServer server(CompletableFuture<ServerResponse> slow) {
        return HttpTestServer.start(() -> Http.createServer((req, res) -> {
            if (req.url().equals("/slow")) {
                slow.complete(res);
            } else {
                res.end("fast");
            }
        }));
    }

    /** Reads one response with a Content-Length body. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return head.isEmpty() ? "EOF" : head + "<EOF>";
            }
            head.append((char) c);
        }
        int length = Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        byte[] body = in.readNBytes(length);
        return head.toString().split("\r\n")[0] + " " + new String(body, StandardCharsets.ISO_8859_1);
    }

    /** One connection answered and waiting (idle), one with a request the server holds (returned). */
    private static ServerResponse idleAndBusy(Socket idle, Socket busy, CompletableFuture<ServerResponse> slow)
            throws Exception {
        idle.setSoTimeout(10_000);
        busy.setSoTimeout(10_000);
        idle.getOutputStream().write(FAST.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(readResponse(idle.getInputStream())).isEqualTo("HTTP/1.1 200 OK fast");
        busy.getOutputStream().write(SLOW.getBytes(StandardCharsets.ISO_8859_1));
        return slow.get(10, TimeUnit.SECONDS);
    }

    private static boolean atEof(Socket s) throws IOException {
        try {
            return s.getInputStream().read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    void closeIdleConnectionsEndsTheWaitingConnectionsOnly() throws Exception {
        CompletableFuture<ServerResponse> slow = new CompletableFuture<>();
        try (HttpTestServer s = server(slow);
                Socket idle = new Socket("127.0.0.1", s.port());
                Socket busy = new Socket("127.0.0.1", s.port())) {
            ServerResponse inFlight = idleAndBusy(idle, busy, slow);

            s.onLoop(() -> s.server.closeIdleConnections());

            assertThat(atEof(idle)).as("the idle keep-alive connection is closed").isTrue();
            s.onLoop(() -> inFlight.end("slow"));
            assertThat(readResponse(busy.getInputStream())).as("the request in flight is answered")
                    .isEqualTo("HTTP/1.1 200 OK slow");
            // Still open afterwards: it was not idle when the call came.
            busy.getOutputStream().write(FAST.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(busy.getInputStream())).isEqualTo("HTTP/1.1 200 OK fast");
        }
    }

    @Test
    void closeAllConnectionsEndsEveryConnectionARequestInFlightIncluded() throws Exception {
        CompletableFuture<ServerResponse> slow = new CompletableFuture<>();
        try (HttpTestServer s = server(slow);
                Socket idle = new Socket("127.0.0.1", s.port());
                Socket busy = new Socket("127.0.0.1", s.port())) {
            idleAndBusy(idle, busy, slow);

            s.onLoop(() -> s.server.closeAllConnections());

            assertThat(atEof(idle)).isTrue();
            assertThat(readResponse(busy.getInputStream())).as("no answer, the connection is gone").isEqualTo("EOF");
        }
    }
}
