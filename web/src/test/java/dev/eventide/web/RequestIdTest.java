package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.http.Http;
import dev.eventide.http.HttpServer;
import dev.eventide.http.HttpServerOptions;
import dev.eventide.loop.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * RequestId: a safe incoming id is kept, anything else (too long, CRLF, quotes, non-ASCII,
 * duplicated) is replaced by a random UUID; the id reaches both the response header and
 * req.attr("requestId"). Hostile ids go over a raw socket so that no client library cleans them.
 */
class RequestIdTest {
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    static WebApp app(Handler requestId) {
        WebApp app = Web.app();
        app.use(requestId);
        app.get("/", (req, res, next) -> res.type("text/plain").send("attr=" + req.attr("requestId")));
        return app;
    }

    @Test
    void aSafeIncomingIdIsKeptAndEchoed() {
        try (TestServer s = TestServer.start(app(RequestId.create()))) {
            var r = s.send(s.request("/").header("X-Request-Id", "trace-42.a:b+c/d=").build());
            assertThat(r.headers().firstValue("x-request-id")).contains("trace-42.a:b+c/d=");
            assertThat(r.body()).isEqualTo("attr=trace-42.a:b+c/d=");
        }
    }

    @Test
    void withoutAnIncomingIdEachRequestGetsItsOwnUuid() {
        try (TestServer s = TestServer.start(app(RequestId.create()))) {
            var a = s.get("/");
            var b = s.get("/");
            String idA = a.headers().firstValue("x-request-id").orElseThrow();
            assertThat(idA).matches(UUID.pattern());
            assertThat(a.body()).isEqualTo("attr=" + idA);
            assertThat(b.headers().firstValue("x-request-id").orElseThrow()).matches(UUID.pattern()).isNotEqualTo(idA);
        }
    }

    @Test
    void optionsNameTheHeaderAndAttributeAndCanIgnoreIncomingIds() {
        var o = new RequestId.Options().header("X-Correlation-Id").attribute("requestId").trustIncoming(false)
                .generator(() -> "fixed-id");
        try (TestServer s = TestServer.start(app(RequestId.create(o)))) {
            var r = s.send(s.request("/").header("X-Correlation-Id", "client-chosen").build());
            assertThat(r.headers().firstValue("x-correlation-id")).contains("fixed-id");
            assertThat(r.headers().firstValue("x-request-id")).isEmpty();
            assertThat(r.body()).isEqualTo("attr=fixed-id");
        }
    }

    @Test
    void theSafetyCheckRefusesWhatCouldSplitAHeaderOrALogLine() {
        assertThat(RequestId.isSafe("abc-123", 128)).isTrue();
        assertThat(RequestId.isSafe("x".repeat(128), 128)).isTrue();
        assertThat(RequestId.isSafe("x".repeat(129), 128)).isFalse();
        assertThat(RequestId.isSafe("", 128)).isFalse();
        assertThat(RequestId.isSafe(null, 128)).isFalse();
        assertThat(RequestId.isSafe("abc\r\nSet-Cookie: a=b", 128)).isFalse();
        assertThat(RequestId.isSafe("abc\u0000", 128)).isFalse();
        assertThat(RequestId.isSafe("caf\u00e9", 128)).isFalse();
        assertThat(RequestId.isSafe("a b", 128)).isFalse();
        assertThat(RequestId.isSafe("\"><script>", 128)).isFalse();
        assertThat(RequestId.isSafe("a%0d%0ab", 128)).isFalse();
    }

    @Test
    void hostileIncomingIdsOverARawSocketAreReplaced() throws Exception {
        String huge = "a".repeat(100 * 1024);
        byte[] nonAscii = "caf\u00e9-\u2603".getBytes(StandardCharsets.UTF_8);
        try (RawServer s = RawServer.start(app(RequestId.create()))) {
            assertReplaced(s.get(("X-Request-Id: " + huge + "\r\n").getBytes(StandardCharsets.ISO_8859_1)), huge);
            byte[] head = "X-Request-Id: ".getBytes(StandardCharsets.ISO_8859_1);
            byte[] line = new byte[head.length + nonAscii.length + 2];
            System.arraycopy(head, 0, line, 0, head.length);
            System.arraycopy(nonAscii, 0, line, head.length, nonAscii.length);
            line[line.length - 2] = '\r';
            line[line.length - 1] = '\n';
            assertReplaced(s.get(line), "caf");
            assertReplaced(s.get("X-Request-Id: a%0d%0aSet-Cookie:%20x=1\r\n".getBytes(StandardCharsets.ISO_8859_1)),
                    "Set-Cookie");
            assertReplaced(s.get("X-Request-Id: one\r\nX-Request-Id: two\r\n".getBytes(StandardCharsets.ISO_8859_1)),
                    "one");
        }
    }

    private static void assertReplaced(String response, String hostile) {
        assertThat(response).startsWith("HTTP/1.1 200 ");
        Matcher header = Pattern.compile("(?i)\r\nx-request-id: ([^\r]*)\r\n").matcher(response);
        assertThat(header.find()).as("an X-Request-Id header in %s", response.substring(0, 200)).isTrue();
        assertThat(header.group(1)).matches(UUID.pattern());
        assertThat(response).endsWith("attr=" + header.group(1));
        assertThat(response.length()).isLessThan(1024);
        assertThat(response).doesNotContain(hostile.substring(0, Math.min(hostile.length(), 16)) + "\r");
    }

    /** An app on its own loop with a 256 KiB header limit, so a 100 KiB id reaches the middleware. */
    static final class RawServer implements AutoCloseable {
        private final CompletableFuture<Integer> port = new CompletableFuture<>();
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();
        private volatile EventLoop loop;
        private volatile HttpServer server;

        static RawServer start(WebApp app) throws Exception {
            RawServer s = new RawServer();
            Thread t = new Thread(() -> s.exit.complete(EventLoop.run(() -> {
                s.loop = EventLoop.current();
                s.server = Http.createServer(new HttpServerOptions().maxHeaderSize(256 * 1024), app.handler());
                s.server.listen(0, "127.0.0.1", () -> s.port.complete(s.server.address().port()));
            })), "request-id-test-loop");
            t.setDaemon(true);
            t.start();
            s.port.get(10, TimeUnit.SECONDS);
            return s;
        }

        /** Sends GET / with the extra header lines and returns the whole response (Connection: close). */
        String get(byte[] extraHeaderLines) throws Exception {
            try (Socket socket = new Socket("127.0.0.1", port.get())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.write(extraHeaderLines);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                in.transferTo(got);
                return got.toString(StandardCharsets.ISO_8859_1);
            }
        }

        @Override
        public void close() throws Exception {
            loop.execute(() -> {
                server.closeAllConnections();
                server.close();
            });
            exit.get(10, TimeUnit.SECONDS);
        }
    }
}
