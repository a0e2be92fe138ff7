package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Hostile and slow clients: every parser rejection is answered with Node's fixed 400/431/413
 * and the connection closed (node answers the same bytes the same way), and the timeouts
 * (headersTimeout, keepAliveTimeout) and maxRequestsPerSocket end connections as Node's do.
 */
class HttpServerLimitsTest {
    private static final String BAD = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n";

    private static final String[] REJECTED = {
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
        "GET / HTTP/1.1\nHost: x\n\n",
        "GET / HTTP/1.1\r\nHost: x\rX: y\r\n\r\n",
        "GET / HTTP/1.1\r\nHo\u0001st: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: \u0000\r\n\r\n",
        "G@T / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/9.1\r\nHost: x\r\n\r\n",
        "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked, x\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;a=\"\u0001\"\r\nhello\r\n0\r\n\r\n",
    };

    /** Answers once the whole request has arrived, so that a bad body is still a client error. */
    private static HttpServer afterBody() {
        return Http.createServer((req, res) -> {
            req.on("end", a -> res.end("ok"));
            req.resume();
        });
    }

    private static final String AFTER_BODY_JS = "req.on('end', () => res.end('ok')); req.resume();";

    @Test
    void everyParserRejectionIsA400AndTheConnectionClosesAsNodeDoes() throws Exception {
        try (HttpTestServer s = HttpTestServer.start(HttpServerLimitsTest::afterBody)) {
            for (String request : REJECTED) {
                String node = NodeHttpOracle.answer(AFTER_BODY_JS, "", request);
                if (node != null) {
                    assertThat(node).as("node's answer to %s", request).isEqualTo(BAD);
                }
                assertThat(s.exchange(request)).as("our answer to %s", request).isEqualTo(BAD);
            }
        }
    }

    @Test
    void aBadRequestBehindAnAnsweredOneClosesWithoutA400AsInNode() throws Exception {
        String request = "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost : x\r\n\r\n";
        // The first answer's head is out when the second request fails: no 400 may follow it.
        String expected = "HTTP/1.1 200 OK\r\nDate: X\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n"
                + "Content-Length: 2\r\n\r\nok";
        String node = NodeHttpOracle.answer("res.end('ok');", "", request);
        if (node != null) {
            assertThat(node).isEqualTo(expected);
        }
        try (HttpTestServer s = HttpTestServer.start(() -> Http.createServer((req, res) -> res.end("ok")))) {
            assertThat(HttpTestServer.noDate(s.exchange(request))).isEqualTo(expected);
        }
    }

    @Test
    void headersPastMaxHeaderSizeAre431AndChunkExtensionsPast16KiBAre413() throws Exception {
        try (HttpTestServer s = HttpTestServer.start(HttpServerLimitsTest::afterBody)) {
            String big = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(17 * 1024) + "\r\n\r\n";
            assertThat(s.exchange(big)).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n");
            String ext = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;a=" + "b".repeat(17 * 1024)
                    + "\r\nx\r\n0\r\n\r\n";
            assertThat(s.exchange(ext)).isEqualTo("HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n");
        }
    }

    @Test
    void aHeadThatArrivesTooSlowlyGets408() throws Exception {
        HttpServerOptions o = new HttpServerOptions().headersTimeout(300).connectionsCheckingInterval(50);
        try (HttpTestServer s = HttpTestServer.start(() -> Http.createServer(o, (req, res) -> res.end("ok")));
             Socket c = new Socket("127.0.0.1", s.port)) {
            c.setSoTimeout(5000);
            OutputStream out = c.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHo".getBytes(StandardCharsets.ISO_8859_1));
            long t0 = System.nanoTime();
            String got = HttpTestServer.readAll(c.getInputStream());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(got).isEqualTo("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n");
            assertThat(ms).isBetween(200L, 3000L);
        }
    }

    @Test
    void anIdleKeepAliveConnectionClosesAfterKeepAliveTimeout() throws Exception {
        HttpServerOptions o = new HttpServerOptions().keepAliveTimeout(300);
        try (HttpTestServer s = HttpTestServer.start(() -> Http.createServer(o, (req, res) -> res.end("ok")));
             Socket c = new Socket("127.0.0.1", s.port)) {
            c.setSoTimeout(5000);
            c.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            long t0 = System.nanoTime();
            String got = HttpTestServer.noDate(HttpTestServer.readAll(c.getInputStream()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(got).isEqualTo("HTTP/1.1 200 OK\r\nDate: X\r\nConnection: keep-alive\r\nKeep-Alive: timeout=0\r\n"
                    + "Content-Length: 2\r\n\r\nok");
            assertThat(ms).isBetween(250L, 3000L);
        }
    }

    @Test
    void theLastRequestAllowedPerSocketIsAnsweredWithConnectionClose() throws Exception {
        HttpServerOptions o = new HttpServerOptions().maxRequestsPerSocket(2);
        try (HttpTestServer s = HttpTestServer.start(() -> Http.createServer(o, (req, res) -> res.end("ok")))) {
            String r = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
            String got = HttpTestServer.noDate(s.exchange(r + r + r));
            assertThat(got).isEqualTo("HTTP/1.1 200 OK\r\nDate: X\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n"
                    + "Content-Length: 2\r\n\r\nok"
                    + "HTTP/1.1 200 OK\r\nDate: X\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        }
    }

    static String read(InputStream in) throws Exception {
        return HttpTestServer.readAll(in);
    }
}
