package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.Timers;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compression() in front of serveStatic (whole files compressed, ranges not), and flush() for streams. */
class CompressionStaticTest {
    @TempDir
    Path root;

    @Test
    void aStaticTextFileIsGzippedButARangeOfItIsNot() throws Exception {
        String text = CompressionTest.BIG.repeat(3);
        Files.writeString(root.resolve("doc.txt"), text);
        Files.write(root.resolve("pic.png"), text.getBytes(StandardCharsets.UTF_8));
        WebApp app = Web.app();
        app.use(Compression.create());
        app.use(ServeStatic.create(root.toString()));
        try (TestServer s = TestServer.start(app)) {
            var whole = RawClient.get(s.port(), "/doc.txt", "Accept-Encoding: gzip");
            assertThat(whole.header("content-encoding")).isEqualTo("gzip");
            assertThat(whole.header("content-length")).isNull();
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(whole.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
            }
            var part = RawClient.get(s.port(), "/doc.txt", "Accept-Encoding: gzip", "Range: bytes=0-2047");
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.header("content-encoding")).isNull();
            assertThat(part.text()).isEqualTo(text.substring(0, 2048));
            var png = RawClient.get(s.port(), "/pic.png", "Accept-Encoding: gzip");
            assertThat(png.header("content-encoding")).isNull();
            assertThat(png.body()).hasSize(text.length());
        }
    }

    @Test
    void flushSendsWhatWasWrittenBeforeTheResponseEnds() throws Exception {
        WebApp app = Web.app();
        app.use(Compression.create());
        app.get("/events", (req, res, next) -> {
            res.type("text/event-stream");
            res.write("data: first\n\n");
            Compression.flush(res);
            Timers.setTimeout(() -> res.end("data: last\n\n"), 2000);
        });
        try (TestServer s = TestServer.start(app)) {
            long t0 = System.nanoTime();
            var r = s.client.send(s.request("/events").header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.headers().firstValue("content-encoding")).contains("gzip");
            try (InputStream in = new GZIPInputStream(r.body(), 16)) {
                String first = new String(in.readNBytes(13), StandardCharsets.UTF_8);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(first).isEqualTo("data: first\n\n");
                assertThat(ms).as("first event before the end at 2 s").isLessThan(1500);
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: last\n\n");
            }
        }
    }
}
