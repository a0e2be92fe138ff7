package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import dev.eventide.stream.StreamOptions;
import dev.eventide.stream.WritableStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FileSender used directly (as res.sendFile will use it): what done() receives for missing
 * files and directories, and a 50 MB file streamed with backpressure to a client that stalls.
 */
class FileSenderTest {
    @TempDir
    Path tmp;

    private WebApp sendFileApp(Path file, AtomicReference<Throwable> seen) {
        WebApp app = Web.app();
        app.get("/f", (req, res, next) -> FileSender.send(req, res, file, err -> {
            seen.set(err);
            if (err instanceof HttpError) {
                next.call(err);
            }
        }));
        return app;
    }

    @Test
    void aMissingFileReports404AndADirectoryReportsErrIsDirectory() throws IOException {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        try (TestServer s = TestServer.start(sendFileApp(tmp.resolve("nope.txt"), seen))) {
            assertThat(RawClient.get(s.port(), "/f").status()).isEqualTo(404);
            assertThat(((HttpError) seen.get()).code()).isEqualTo("ERR_NOT_FOUND");
        }
        Files.createDirectories(tmp.resolve("dir"));
        try (TestServer s = TestServer.start(sendFileApp(tmp.resolve("dir"), seen))) {
            assertThat(RawClient.get(s.port(), "/f").status()).isEqualTo(404);
            assertThat(((HttpError) seen.get()).code()).isEqualTo("ERR_IS_DIRECTORY");
        }
    }

    @Test
    void anUnreadableFileIs403() throws IOException {
        Path f = Files.writeString(tmp.resolve("locked.txt"), "x");
        assertThat(f.toFile().setReadable(false, false)).isTrue();
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "running as root: permissions ignored");
        AtomicReference<Throwable> seen = new AtomicReference<>();
        try (TestServer s = TestServer.start(sendFileApp(f, seen))) {
            assertThat(RawClient.get(s.port(), "/f").status()).isEqualTo(403);
        }
    }

    @Test
    void fileSystemErrorsMapToNotFoundForbiddenOrServerError() {
        assertThat(FileSender.statError(new NodeError("ENOENT", "x")).status()).isEqualTo(404);
        assertThat(FileSender.statError(new NodeError("ENOTDIR", "x")).status()).isEqualTo(404);
        assertThat(FileSender.statError(new NodeError("EACCES", "x")).status()).isEqualTo(403);
        assertThat(FileSender.statError(new NodeError("EIO", "x")).status()).isEqualTo(500);
    }

    @Test
    void anEmptyFileIsSentWithContentLengthZeroAndDoneSeesNoError() throws IOException {
        Path f = Files.write(tmp.resolve("empty.bin"), new byte[0]);
        AtomicReference<Throwable> seen = new AtomicReference<>(new Throwable("not called"));
        try (TestServer s = TestServer.start(sendFileApp(f, seen))) {
            var r = RawClient.get(s.port(), "/f");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-length")).isEqualTo("0");
            assertThat(r.header("content-type")).isEqualTo("application/octet-stream");
        }
        assertThat(seen.get()).isNull();
    }

    @Test
    void aFiftyMegabyteFileStreamsWithBackpressureToAStalledClient() throws Exception {
        byte[] data = new byte[50 * 1024 * 1024];
        new Random(42).nextBytes(data);
        Path big = Files.write(tmp.resolve("big.bin"), data);
        AtomicLong accepted = new AtomicLong();
        WebApp app = Web.app();
        app.use((req, res, next) -> {
            res.stream(counting(res.stream(), accepted));
            next.call();
        });
        app.use(ServeStatic.create(tmp.toString()));
        try (TestServer s = TestServer.start(app); Socket sock = new Socket("127.0.0.1", s.port())) {
            OutputStream out = sock.getOutputStream();
            out.write("GET /big.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = sock.getInputStream();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200").contains("Content-Length: 52428800");
            Thread.sleep(1500); // the client stalls: the server must stop reading the file
            long whileStalled = accepted.get();
            assertThat(whileStalled).isLessThan(data.length / 2);
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; total += n) {
                md.update(buf, 0, n);
            }
            assertThat(total).isEqualTo(data.length);
            assertThat(md.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
    }

    /** A writable in front of {@code next} that counts what it passes on and waits for its drain. */
    static WritableStream counting(WritableStream next, AtomicLong count) {
        return new WritableStream(new StreamOptions().write((chunk, enc, cb) -> {
            count.addAndGet(((Bytes) chunk).length());
            if (next.write(chunk)) {
                cb.call(null);
            } else {
                next.once("drain", a -> cb.call(null));
            }
        }).finalFn(cb -> {
            next.end();
            cb.call(null);
        }));
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed in the head: " + b);
            }
            b.append((char) c);
        }
        return b.toString();
    }
}
