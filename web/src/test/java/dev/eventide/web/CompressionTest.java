package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/**
 * compression(): the compression package's decisions (threshold, types, Vary, no-transform,
 * existing Content-Encoding, HEAD, q-values) and the bytes a real client decodes, including a
 * 10 MB streamed response that stays within a few buffers while the client stalls.
 */
class CompressionTest {
    static final String BIG = "All work and no play makes Jack a dull boy. ".repeat(200); // 8,800 bytes

    private static WebApp app() {
        return app(new Compression.Options());
    }

    private static WebApp app(Compression.Options options) {
        WebApp app = Web.app();
        app.use(Compression.create(options));
        app.get("/big", (req, res, next) -> res.type("text/plain").send(BIG));
        app.get("/small", (req, res, next) -> res.type("text/plain").send("x".repeat(500)));
        app.get("/png", (req, res, next) -> res.type("png").send(BIG.getBytes(StandardCharsets.UTF_8)));
        app.get("/json", (req, res, next) -> res.json(Map.of("text", BIG)));
        app.get("/encoded", (req, res, next) -> res.type("text/plain").set("Content-Encoding", "x-custom").send(BIG));
        app.get("/no-transform", (req, res, next) ->
                res.type("text/plain").set("Cache-Control", "no-transform").send(BIG));
        app.get("/stream", (req, res, next) -> {
            res.type("text/plain");
            res.write(BIG);
            res.write(BIG);
            res.end("end");
        });
        return app;
    }

    private static HttpResponse<byte[]> get(TestServer s, String path, String acceptEncoding) {
        try {
            var b = s.request(path);
            if (acceptEncoding != null) {
                b.header("Accept-Encoding", acceptEncoding);
            }
            return s.client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] b) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void gzipIsChosenAndTheBodyDecodesToTheOriginal() throws IOException {
        try (TestServer s = TestServer.start(app())) {
            var r = get(s, "/big", "gzip, deflate");
            assertThat(r.headers().firstValue("content-encoding")).contains("gzip");
            assertThat(r.headers().firstValue("vary")).contains("Accept-Encoding");
            assertThat(r.headers().firstValue("content-length")).isEmpty();
            assertThat(r.body().length).isLessThan(BIG.length() / 10);
            assertThat(gunzip(r.body())).isEqualTo(BIG);
        }
    }

    @Test
    void deflateIsUsedWhenItIsTheBetterQ() throws IOException {
        try (TestServer s = TestServer.start(app())) {
            var r = get(s, "/json", "gzip;q=0.5, deflate");
            assertThat(r.headers().firstValue("content-encoding")).contains("deflate");
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(r.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(BIG);
            }
        }
    }

    @Test
    void aBodyUnderTheThresholdIsSentAsItIsButStillVaries() {
        try (TestServer s = TestServer.start(app())) {
            var r = get(s, "/small", "gzip");
            assertThat(r.headers().firstValue("content-encoding")).isEmpty();
            assertThat(r.headers().firstValue("content-length")).contains("500");
            assertThat(r.headers().firstValue("vary")).contains("Accept-Encoding");
        }
    }

    @Test
    void anAlreadyCompressedImageTypeIsNotCompressedNorVaried() {
        try (TestServer s = TestServer.start(app())) {
            var r = get(s, "/png", "gzip");
            assertThat(r.headers().firstValue("content-type")).contains("image/png");
            assertThat(r.headers().firstValue("content-encoding")).isEmpty();
            assertThat(r.headers().firstValue("vary")).isEmpty();
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(BIG);
        }
    }

    @Test
    void qZeroAnExistingEncodingNoTransformAndNoHeaderLeaveTheBodyAlone() {
        try (TestServer s = TestServer.start(app())) {
            assertThat(get(s, "/big", "gzip;q=0").headers().firstValue("content-encoding")).isEmpty();
            assertThat(get(s, "/big", "identity").headers().firstValue("content-encoding")).isEmpty();
            assertThat(get(s, "/big", null).headers().firstValue("content-encoding")).isEmpty();
            assertThat(get(s, "/encoded", "gzip").headers().firstValue("content-encoding")).contains("x-custom");
            var nt = get(s, "/no-transform", "gzip");
            assertThat(nt.headers().firstValue("content-encoding")).isEmpty();
            assertThat(new String(nt.body(), StandardCharsets.UTF_8)).isEqualTo(BIG);
        }
    }

    @Test
    void headIsNotCompressed() {
        try (TestServer s = TestServer.start(app())) {
            var r = s.send(s.request("/big").header("Accept-Encoding", "gzip")
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertThat(r.headers().firstValue("content-encoding")).isEmpty();
            assertThat(r.headers().firstValue("content-length")).contains(Integer.toString(BIG.length()));
        }
    }

    @Test
    void withoutBrotliBrIsNeverChosenAndGzipServesTheSameAccept() {
        // brotli(false) takes the path an absent brotli module takes; CompressionBrotliTest has it present.
        try (TestServer s = TestServer.start(app(new Compression.Options().brotli(false)))) {
            assertThat(get(s, "/big", "br").headers().firstValue("content-encoding")).isEmpty();
            assertThat(get(s, "/big", "br, gzip").headers().firstValue("content-encoding")).contains("gzip");
        }
    }

    @Test
    void writesWithoutAContentLengthAreCompressedAsAStream() throws IOException {
        try (TestServer s = TestServer.start(app())) {
            var r = get(s, "/stream", "gzip");
            assertThat(r.headers().firstValue("content-encoding")).contains("gzip");
            assertThat(gunzip(r.body())).isEqualTo(BIG + BIG + "end");
        }
    }

    @Test
    void curlCompressedDecodesIt() throws Exception {
        try (TestServer s = TestServer.start(app())) {
            Process p = new ProcessBuilder("curl", "-s", "--compressed", "-D", "-",
                    "http://127.0.0.1:" + s.port() + "/big").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isZero();
            assertThat(out.toLowerCase()).contains("content-encoding: ");
            assertThat(out).endsWith(BIG);
        }
    }

    /** 64 KiB of letters from a seeded generator: text, but only about 25% compressible. */
    static String chunk(int i) {
        Random r = new Random(i);
        char[] c = new char[64 * 1024];
        for (int k = 0; k < c.length; k++) {
            c[k] = (char) ('A' + r.nextInt(58));
        }
        return new String(c);
    }

    @Test
    void aTenMegabyteStreamIsCompressedWithBoundedMemoryWhileTheClientStalls() throws Exception {
        int chunks = 160; // 10 MiB
        AtomicInteger produced = new AtomicInteger();
        AtomicLong maxBuffered = new AtomicLong();
        AtomicBoolean sawBackpressure = new AtomicBoolean();
        WebApp app = Web.app();
        app.use(Compression.create());
        app.get("/ten", (req, res, next) -> {
            res.type("text/plain");
            new Object() {
                void pump() {
                    while (produced.get() < chunks) {
                        boolean ok = res.write(chunk(produced.getAndIncrement()));
                        maxBuffered.accumulateAndGet(res.stream().writableLength(), Math::max);
                        if (!ok) {
                            sawBackpressure.set(true);
                            res.stream().once("drain", a -> pump());
                            return;
                        }
                    }
                    res.end();
                }
            }.pump();
        });
        try (TestServer s = TestServer.start(app)) {
            var r = s.client.send(s.request("/ten").header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.headers().firstValue("content-encoding")).contains("gzip");
            try (InputStream in = new GZIPInputStream(r.body(), 8192)) {
                assertThat(new String(in.readNBytes(10), StandardCharsets.UTF_8)).isEqualTo(chunk(0).substring(0, 10));
                Thread.sleep(1500); // the client stalls
                assertThat(produced.get()).as("chunks produced while the client stalls").isLessThan(chunks);
                assertThat(sawBackpressure).isTrue();
                assertThat(maxBuffered.get()).isLessThanOrEqualTo(256 * 1024);
                byte[] rest = in.readAllBytes();
                StringBuilder expected = new StringBuilder(chunks * 64 * 1024);
                for (int i = 0; i < chunks; i++) {
                    expected.append(chunk(i));
                }
                assertThat(new String(rest, StandardCharsets.UTF_8)).isEqualTo(expected.substring(10));
            }
        }
    }
}
