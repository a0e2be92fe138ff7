package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An answer sent before the request body was read (an early 413 with Connection: close) reaches
 * a client that goes on sending its whole body first: the server lingers, discarding the body,
 * instead of closing with unread bytes (which resets the connection and can destroy the answer
 * in the client's buffers).
 */
class HttpServerLingerTest {

    @Test
    void anEarlyAnswerWithConnectionCloseSurvivesAClientThatSendsItsWholeBodyFirst() throws Exception {
        byte[] body = new byte[8 * 1024 * 1024];
        for (int round = 0; round < 3; round++) {
            try (HttpTestServer s = HttpTestServer.start(() -> Http.createServer((req, res) -> {
                res.statusCode(413).setHeader("Connection", "close");
                res.end("too large");
            }))) {
                try (Socket socket = new Socket("127.0.0.1", s.port())) {
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                        try {
                            out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            out.write(body);
                            out.flush();
                        } catch (IOException e) {
                            throw new IllegalStateException("the server stopped reading: " + e, e);
                        }
                    });
                    sent.get(); // every byte of the body was accepted...
                    String answer = readAll(socket.getInputStream());
                    // ...and the answer is still there to read.
                    assertThat(answer).startsWith("HTTP/1.1 413 Payload Too Large\r\n").endsWith("too large");
                }
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }
}
