package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.brotli.Brotli;
import dev.eventide.buffer.Bytes;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * With the optional brotli module on the module path (a test dependency here, as bin/eventide
 * puts it there), compression negotiates br as the compression package does: preferred when the
 * client accepts it at the same quality as gzip, refused with q=0.
 */
class CompressionBrotliTest {
    private static final String TEXT = "The quick brown fox jumps over the lazy dog. ".repeat(400);

    private static WebApp app() {
        WebApp app = Web.app();
        app.use(Web.compression());
        app.get("/text", (req, res, next) -> res.type("text/plain").send(TEXT));
        return app;
    }

    @Test
    void brIsChosenWhenAcceptedAndTheBodyDecodesWithBrotli() {
        assertThat(Compression.brotliAvailable()).as("the brotli module and its native library").isTrue();
        try (TestServer s = TestServer.start(app())) {
            HttpResponse<byte[]> r = s.client.send(s.request("/text").header("Accept-Encoding", "gzip, deflate, br").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.headers().firstValue("content-encoding")).contains("br");
            assertThat(r.headers().firstValue("vary")).contains("Accept-Encoding");
            assertThat(r.body().length).isLessThan(TEXT.length() / 10);
            assertThat(Brotli.brotliDecompressSync(Bytes.wrap(r.body())).toString()).isEqualTo(TEXT);

            HttpResponse<byte[]> gzipOnly = s.client.send(s.request("/text").header("Accept-Encoding", "br;q=0, gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzipOnly.headers().firstValue("content-encoding")).contains("gzip");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
