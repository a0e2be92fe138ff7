package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The request logger against a real server (fields, aborted requests, skip), its JSON escaping
 * against hostile strings (parsed back with Jackson), and the non-blocking stdout writer.
 */
class RequestLoggerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("a log line").isNotNull();
        return line;
    }

    @Test
    void aFinishedRequestGivesOneJsonLineWithEveryField() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        WebApp app = Web.app();
        app.use(RequestLogger.create(new RequestLogger.Options().sink(lines::add).clock(() -> 0L)));
        app.use((req, res, next) -> { req.attr("requestId", "rid-1"); next.call(); });
        app.get("/users/:id", (req, res, next) -> res.status(201).send("hello"));
        try (TestServer s = TestServer.start(app)) {
            s.send(s.request("/users/7?x=1").header("User-Agent", "agent \"q\" \\ {}").GET().build());
            JsonNode n = JSON.readTree(next(lines));
            assertThat(n.get("time").asString()).isEqualTo("1970-01-01T00:00:00Z");
            assertThat(n.get("method").asString()).isEqualTo("GET");
            assertThat(n.get("url").asString()).isEqualTo("/users/7?x=1");
            assertThat(n.get("status").asInt()).isEqualTo(201);
            assertThat(n.get("length").asLong()).isEqualTo(5);
            assertThat(n.get("duration").isNumber()).isTrue();
            assertThat(n.get("duration").asDouble()).isGreaterThan(0).isLessThan(10_000);
            assertThat(n.get("remote").asString()).isEqualTo("127.0.0.1");
            assertThat(n.get("userAgent").asString()).isEqualTo("agent \"q\" \\ {}");
            assertThat(n.get("requestId").asString()).isEqualTo("rid-1");
            assertThat(n.has("aborted")).isFalse();
            assertThat(lines.poll(100, TimeUnit.MILLISECONDS)).as("exactly one line").isNull();
        }
    }

    @Test
    void aStreamedResponseWithoutContentLengthReportsTheBytesWritten() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        WebApp app = Web.app();
        app.use(RequestLogger.create(new RequestLogger.Options().sink(lines::add)));
        app.get("/stream", (req, res, next) -> { res.write("abc"); res.end("def"); });
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/stream").body()).isEqualTo("abcdef");
            JsonNode n = JSON.readTree(next(lines));
            // Head plus chunk framing plus the 6 body bytes: more than the body, less than a KiB.
            assertThat(n.get("length").asLong()).isGreaterThan(6).isLessThan(1024);
        }
    }

    @Test
    void aRequestWhoseClientLeavesIsLoggedAsAbortedWithItsStatusSoFar() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CountDownLatch arrived = new CountDownLatch(1);
        WebApp app = Web.app();
        app.use(RequestLogger.create(new RequestLogger.Options().sink(lines::add)));
        app.get("/never", (req, res, next) -> { res.status(202); arrived.countDown(); });
        try (TestServer s = TestServer.start(app)) {
            try (Socket socket = new Socket("127.0.0.1", s.port())) {
                socket.getOutputStream().write("GET /never HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            }
            JsonNode n = JSON.readTree(next(lines));
            assertThat(n.get("aborted").asBoolean()).isTrue();
            assertThat(n.get("status").asInt()).isEqualTo(202);
            assertThat(n.get("length").isNull()).isTrue();
        }
    }

    @Test
    void theSkipPredicateSeesTheFinishedResponse() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        WebApp app = Web.app();
        app.use(RequestLogger.create(new RequestLogger.Options().sink(lines::add)
                .skip((req, res) -> res.statusCode() < 400)));
        app.get("/ok", (req, res, next) -> res.send("ok"));
        try (TestServer s = TestServer.start(app)) {
            s.get("/ok");
            s.get("/missing");
            JsonNode n = JSON.readTree(next(lines));
            assertThat(n.get("url").asString()).isEqualTo("/missing");
            assertThat(n.get("status").asInt()).isEqualTo(404);
            assertThat(lines.poll(100, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void hostileStringsBecomeValidJsonAndValidUtf8ThatParseBackToTheSameText() throws Exception {
        String[] hostile = {
            "quote \" backslash \\ slash /", "\u0000\u0001\u001b[31mred\u001b[0m\u007f", "\r\n\t\b\f",
            "C1 \u0085 \u009b CSI", "sep \u2028 \u2029", "é 中文 😀", "lone \ud800 high", "lone \udc00 low",
            "reversed \udc00\ud800", "{\"injected\":true}",
        };
        for (String s : hostile) {
            String line = new JsonLine().field("v", s).field("n", 1).end();
            assertThat(line).doesNotContain("\n", "\r", "\u001b", "\u2028", "\u0085");
            byte[] utf8 = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(line)).array();
            assertThat(strictUtf8(utf8)).isTrue();
            JsonNode n = JSON.readTree(line);
            assertThat(n.size()).as(line).isEqualTo(2);
            assertThat(n.get("v").asString()).as(line).isEqualTo(s);
        }
    }

    private static boolean strictUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes).limit(indexOfZeroTail(bytes)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** CharsetEncoder's array may have spare zero bytes at its end; a JSON line has no NUL. */
    private static int indexOfZeroTail(byte[] bytes) {
        int n = bytes.length;
        while (n > 0 && bytes[n - 1] == 0) {
            n--;
        }
        return n;
    }

    @Test
    void theWriterNeverBlocksOnAStalledOutputAndDropsPastItsBacklogInOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (got) {
                    got.write(b, off, len);
                }
            }
        };
        LineWriter w = new LineWriter(stalled, 100);
        long t0 = System.nanoTime();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add("line-" + i);
            w.accept("line-" + i);
        }
        assertThat((System.nanoTime() - t0) / 1e6).as("ms for 50 accepts on a stalled output").isLessThan(500);
        release.countDown();
        w.drain(5000); // the backlog goes out; the next line has room and brings the dropped note
        w.accept("after");
        w.drain(5000);
        String out;
        synchronized (got) {
            out = got.toString(StandardCharsets.UTF_8);
        }
        List<String> outLines = List.of(out.split("\n"));
        assertThat(outLines.get(0)).isEqualTo("line-0");
        assertThat(outLines).contains("after");
        long dropped = outLines.stream().filter(l -> l.startsWith("{\"dropped\":"))
                .mapToLong(l -> JSON.readTree(l).get("dropped").asLong()).sum();
        // What was kept is in the order it was given.
        List<String> kept = outLines.stream().filter(l -> l.startsWith("line-")).toList();
        assertThat(sent).containsSubsequence(kept);
        assertThat(dropped).isPositive();
        assertThat(kept.size() + dropped).as("every line is written or counted as dropped").isEqualTo(50);
    }
}
