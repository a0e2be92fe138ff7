package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The body parsers against a real server: body-parser 2.x's answers for types, limits,
 * charsets, encodings, strict JSON, forms, and hostile bodies (zip bomb, deep nesting, lying or
 * aborted uploads). An error handler answers {@code status code} as JSON so tests see the code.
 */
class BodyParsersTest {
    /** Codes the error handler saw, for requests whose response never reaches the client. */
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

    private WebApp app(Handler... parsers) {
        WebApp app = Web.app();
        app.use(parsers);
        app.all("/echo", (req, res, next) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            Object body = req.body();
            out.put("type", body == null ? "none" : body.getClass().getSimpleName());
            out.put("body", body instanceof Bytes b ? b.toString("hex") : body);
            res.json(out);
        });
        app.use((err, req, res, next) -> {
            String code = err instanceof HttpError h ? h.code() : "500";
            seen.add(code);
            res.status(err instanceof HttpError h ? h.status() : 500).json(Map.of("code", code));
        });
        return app;
    }

    private static HttpResponse<String> post(TestServer s, String type, byte[] body, String... headers) {
        HttpRequest.Builder b = s.request("/echo").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return s.send(b.build());
    }

    private static HttpResponse<String> post(TestServer s, String type, String body) {
        return post(s, type, body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** Sends raw bytes (from a writer thread, ignoring a reset) and reads the response until close. */
    static String raw(TestServer s, byte[] head, byte[] body, boolean closeAfter) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                    if (closeAfter) {
                        socket.shutdownOutput();
                    }
                } catch (IOException ignored) {
                    // the server may close before it has read everything: that is the point
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (IOException reset) {
                // a reset after the response was read is fine
            }
            writer.join(10_000);
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void jsonObjectsAndPlusJsonTypesAreParsedOtherTypesPassThrough() {
        try (TestServer s = TestServer.start(app(BodyParsers.json()))) {
            assertThat(post(s, "application/json", "{\"a\":[1,2],\"b\":\"x\"}").body())
                    .isEqualTo("{\"type\":\"LinkedHashMap\",\"body\":{\"a\":[1,2],\"b\":\"x\"}}");
            assertThat(post(s, "application/merge-patch+json; charset=utf-8", "[true]").body())
                    .isEqualTo("{\"type\":\"ArrayList\",\"body\":[true]}");
            assertThat(post(s, "text/plain", "{\"a\":1}").body()).isEqualTo("{\"type\":\"none\",\"body\":null}");
            assertThat(s.get("/echo").body()).isEqualTo("{\"type\":\"none\",\"body\":null}");
        }
    }

    @Test
    void anEmptyJsonBodyIsAnEmptyObjectAsInBodyParser() {
        try (TestServer s = TestServer.start(app(BodyParsers.json()))) {
            assertThat(post(s, "application/json", "").body()).isEqualTo("{\"type\":\"LinkedHashMap\",\"body\":{}}");
        }
    }

    @Test
    void badJsonTrailingGarbageAndNonStrictTopLevelValuesAre400() {
        try (TestServer s = TestServer.start(app(BodyParsers.json()))) {
            for (String bad : new String[] {"{\"a\":", "{\"a\":1} x", "\"just a string\"", "42", "nul"}) {
                var r = post(s, "application/json", bad);
                assertThat(r.statusCode()).as(bad).isEqualTo(400);
                assertThat(r.body()).as(bad).contains("ERR_BODY_PARSE");
            }
        }
    }

    @Test
    void strictOffAcceptsAnyJsonValueAtTheTop() {
        try (TestServer s = TestServer.start(app(BodyParsers.json(new BodyOptions().strict(false))))) {
            assertThat(post(s, "application/json", " \"hi\"").body()).isEqualTo("{\"type\":\"String\",\"body\":\"hi\"}");
        }
    }

    @Test
    void tenThousandNestedArraysAreRefusedByTheDepthLimit() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        try (TestServer s = TestServer.start(app(BodyParsers.json()))) {
            var r = post(s, "application/json", deep);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("ERR_BODY_PARSE");
        }
    }

    @Test
    void aBodyPastTheDefault100KibLimitIs413() {
        String big = "{\"a\":\"" + "x".repeat(101 * 1024) + "\"}";
        try (TestServer s = TestServer.start(app(BodyParsers.json()))) {
            var r = post(s, "application/json", big);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("ERR_BODY_TOO_LARGE");
            String ok = "{\"a\":\"" + "x".repeat(99 * 1024) + "\"}";
            assertThat(post(s, "application/json", ok).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aContentLengthAboveTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        try (TestServer s = TestServer.start(app(BodyParsers.json(new BodyOptions().limit("1kb"))))) {
            byte[] head = ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            String response = raw(s, head, new byte[0], false);
            assertThat(response).startsWith("HTTP/1.1 413").contains("ERR_BODY_TOO_LARGE").contains("Connection: close");
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitAndTheConnectionClosed() throws Exception {
        try (TestServer s = TestServer.start(app(BodyParsers.text(new BodyOptions().limit(16 * 1024))))) {
            byte[] head = ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int i = 0; i < 64; i++) {
                chunks.write("400\r\n".getBytes(StandardCharsets.ISO_8859_1));
                chunks.write("y".repeat(1024).getBytes(StandardCharsets.ISO_8859_1));
                chunks.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            String response = raw(s, head, chunks.toByteArray(), false);
            assertThat(response).startsWith("HTTP/1.1 413").contains("ERR_BODY_TOO_LARGE");
        }
    }

    @Test
    void gzipAndDeflateBodiesAreInflated() throws Exception {
        try (TestServer s = TestServer.start(app(BodyParsers.json()))) {
            byte[] json = "{\"zipped\":true}".getBytes(StandardCharsets.UTF_8);
            var r = post(s, "application/json", gzip(json), "Content-Encoding", "gzip");
            assertThat(r.body()).isEqualTo("{\"type\":\"LinkedHashMap\",\"body\":{\"zipped\":true}}");
            java.util.zip.Deflater d = new java.util.zip.Deflater();
            d.setInput(json);
            d.finish();
            byte[] buf = new byte[256];
            int n = d.deflate(buf);
            var r2 = post(s, "application/json", java.util.Arrays.copyOf(buf, n), "Content-Encoding", "deflate");
            assertThat(r2.body()).contains("\"zipped\":true");
        }
    }

    @Test
    void aZipBombOf10MbOfZerosIsRefusedOnItsDecodedSize() throws Exception {
        byte[] bomb = gzip(new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(100 * 1024);
        try (TestServer s = TestServer.start(app(BodyParsers.raw()))) {
            var r = post(s, "application/octet-stream", bomb, "Content-Encoding", "gzip");
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("ERR_BODY_TOO_LARGE");
        }
    }

    @Test
    void unsupportedOrDisabledEncodingsAre415AndCorruptGzipIs400() throws Exception {
        byte[] zipped = gzip("{}".getBytes(StandardCharsets.UTF_8));
        try (TestServer s = TestServer.start(app(BodyParsers.json(new BodyOptions().inflate(false))))) {
            var r = post(s, "application/json", zipped, "Content-Encoding", "gzip");
            assertThat(r.statusCode()).isEqualTo(415);
            assertThat(r.body()).contains("ERR_UNSUPPORTED_ENCODING");
        }
        try (TestServer s = TestServer.start(app(BodyParsers.json()))) {
            var r = post(s, "application/json", zipped, "Content-Encoding", "compress");
            assertThat(r.statusCode()).isEqualTo(415);
            var bad = post(s, "application/json", "not gzip at all".getBytes(StandardCharsets.UTF_8),
                    "Content-Encoding", "gzip");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("ERR_BODY_INFLATE");
        }
    }

    @Test
    void charsetsJsonOnlyUtfTextAnyKnownOneUnknownIs415() {
        try (TestServer s = TestServer.start(app(BodyParsers.json(), BodyParsers.text()))) {
            var latin = post(s, "application/json; charset=iso-8859-1", "{}");
            assertThat(latin.statusCode()).isEqualTo(415);
            assertThat(latin.body()).contains("ERR_UNSUPPORTED_CHARSET");
            var utf16 = post(s, "application/json; charset=utf-16le", "{\"k\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_16LE));
            assertThat(utf16.body()).isEqualTo("{\"type\":\"LinkedHashMap\",\"body\":{\"k\":\"\u00e9\"}}");
            var text = post(s, "text/plain; charset=\"ISO-8859-1\"", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(text.body()).isEqualTo("{\"type\":\"String\",\"body\":\"caf\u00e9\"}");
            assertThat(post(s, "text/plain; charset=klingon", "x").statusCode()).isEqualTo(415);
        }
    }

    @Test
    void rawGivesBytesAndAConfiguredTypeIsHonoured() {
        try (TestServer s = TestServer.start(app(BodyParsers.raw(new BodyOptions().type("application/*"))))) {
            var r = post(s, "application/x-thing", new byte[] {1, 2, (byte) 0xff});
            assertThat(r.body()).isEqualTo("{\"type\":\"Bytes\",\"body\":\"0102ff\"}");
            assertThat(post(s, "text/plain", "x").body()).contains("\"none\"");
        }
    }

    @Test
    void aSecondParserSkipsABodyTheFirstRead() {
        try (TestServer s = TestServer.start(app(BodyParsers.json(), BodyParsers.json(new BodyOptions().type("*/*"))))) {
            assertThat(post(s, "application/json", "{\"once\":1}").body()).contains("{\"once\":1}");
        }
    }

    @Test
    void urlencodedFlatRepeatedKeysBecomeListsAndPlusIsASpace() {
        try (TestServer s = TestServer.start(app(BodyParsers.urlencoded()))) {
            var r = post(s, "application/x-www-form-urlencoded", "a=1&a=2&b=x+y%21&c&bad=%E0%A4%A&a[b]=3");
            assertThat(r.body()).isEqualTo("{\"type\":\"LinkedHashMap\",\"body\":"
                    + "{\"a\":[\"1\",\"2\"],\"b\":\"x y!\",\"c\":\"\",\"bad\":\"%E0%A4%A\",\"a[b]\":\"3\"}}");
        }
    }

    @Test
    void moreThanTheParameterLimitIs413AsBodyParserAnswers() {
        try (TestServer s = TestServer.start(app(BodyParsers.urlencoded()))) {
            String body = "k=v&".repeat(1000) + "last=1";
            var r = post(s, "application/x-www-form-urlencoded", body);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("ERR_TOO_MANY_PARAMETERS");
        }
    }

    @Test
    void extendedFormsNestAsQsWithItsArrayLimitAndNoProtoKeys() {
        try (TestServer s = TestServer.start(app(BodyParsers.urlencoded(new BodyOptions().extended(true))))) {
            String body = "a[b]=1&a[c][]=2&a[c][]=3&arr[1]=x&arr[0]=y&big[25]=z&__proto__[x]=1&p[__proto__][y]=2"
                    + "&m%5Bk%5D=dec";
            var r = post(s, "application/x-www-form-urlencoded", body);
            assertThat(r.body()).isEqualTo("{\"type\":\"LinkedHashMap\",\"body\":{\"a\":{\"b\":\"1\",\"c\":[\"2\",\"3\"]},"
                    + "\"arr\":[\"y\",\"x\"],\"big\":{\"25\":\"z\"},\"p\":{},\"m\":{\"k\":\"dec\"}}}");
        }
    }

    @Test
    void anExtendedKeyDeeperThan32LevelsIs400() {
        try (TestServer s = TestServer.start(app(BodyParsers.urlencoded(new BodyOptions().extended(true))))) {
            assertThat(post(s, "application/x-www-form-urlencoded", "a" + "[x]".repeat(32) + "=1").statusCode())
                    .isEqualTo(200);
            var r = post(s, "application/x-www-form-urlencoded", "a" + "[x]".repeat(33) + "=1");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("ERR_BODY_PARSE");
        }
    }

    @Test
    void anAbortedUploadReachesTheErrorHandlersAs400AndTheServerGoesOn() throws Exception {
        try (TestServer s = TestServer.start(app(BodyParsers.text()))) {
            byte[] head = ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            raw(s, head, "only ten b".getBytes(StandardCharsets.ISO_8859_1), true);
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("ERR_BODY_ABORTED");
            assertThat(post(s, "text/plain", "after").body()).isEqualTo("{\"type\":\"String\",\"body\":\"after\"}");
        }
    }

    @Test
    void sizeStringsFollowTheBytesPackage() {
        assertThat(BodyOptions.parseSize("100kb")).isEqualTo(102_400);
        assertThat(BodyOptions.parseSize("1.5MB")).isEqualTo(1_572_864);
        assertThat(BodyOptions.parseSize("512")).isEqualTo(512);
        assertThat(BodyOptions.parseSize("2 gb")).isEqualTo(2L << 30);
    }
}
