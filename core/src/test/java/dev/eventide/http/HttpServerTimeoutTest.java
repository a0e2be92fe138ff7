package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * server.timeout / server.setTimeout (Node's socketOnTimeout): during a request, inactivity
 * emits 'timeout' on the unfinished request, the response and the server, in that order, and
 * the socket is destroyed only when nobody listened. Scenario checked with node 20:
 * a POST whose body stops after 2 of 5 bytes, server.setTimeout(150).
 */
class HttpServerTimeoutTest {
    private static final String STALLED = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab";

    private static String send(HttpTestServer s, String request, boolean closeWhenAnswered) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            var in = socket.getInputStream();
            StringBuilder got = new StringBuilder();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                if (closeWhenAnswered && got.indexOf("\r\n\r\n") > 0 && got.toString().endsWith("server:true")) {
                    break;
                }
            }
            return got.toString();
        }
    }

    @Test
    void withoutListenersAStalledRequestsSocketIsDestroyedWithoutAnAnswer() throws Exception {
        try (HttpTestServer s = HttpTestServer.start(() -> Http.createServer((req, res) -> { }),
                server -> server.setTimeout(150, null))) {
            assertThat(send(s, STALLED, false)).isEmpty();
        }
    }

    @Test
    void theUnfinishedRequestThenTheResponseThenTheServerHearTimeoutWithTheSocket() throws Exception {
        try (HttpTestServer s = HttpTestServer.start(() -> {
            HttpServer[] server = new HttpServer[1];
            server[0] = Http.createServer((req, res) -> {
                List<String> seen = new ArrayList<>();
                req.on("timeout", a -> seen.add("req"));
                res.on("timeout", a -> seen.add("res"));
                server[0].on("timeout", a -> {
                    seen.add("server:" + (a[0] == req.socket()));
                    res.end(String.join(",", seen));
                });
            });
            return server[0];
        }, server -> server.setTimeout(150, null))) {
            String answer = send(s, STALLED, true);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nreq,res,server:true");
        }
    }

    @Test
    void theTimeoutIsZeroByDefaultAndSetTimeoutSetsItAndAddsTheListener() {
        int code = dev.eventide.loop.EventLoop.run(() -> {
            HttpServer server = new HttpServer((req, res) -> { });
            assertThat(server.timeout()).isZero();
            dev.eventide.events.Listener l = a -> { };
            server.setTimeout(1234, l);
            assertThat(server.timeout()).isEqualTo(1234);
            assertThat(server.listeners("timeout")).contains(l);
        });
        assertThat(code).as("the loop's exit code (an assertion failing inside makes it 1)").isZero();
    }
}
