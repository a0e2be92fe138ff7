package dev.eventide.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eventide.buffer.Bytes;
import dev.eventide.http.Http;
import dev.eventide.http.HttpServer;
import dev.eventide.http.HttpServerOptions;
import dev.eventide.loop.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Eventide's HTTP server driven by real programs: curl, node's http client, Java's HttpClient,
 * wrk (when installed), pipelining over a raw socket, and a slowloris crowd of 1,000
 * connections cut off by headersTimeout while a normal client is still answered promptly.
 */
class HttpServerInteropTest {
    /** A server on its own loop thread, listening on 127.0.0.1. Test threads use it. */
    static final class Running implements AutoCloseable {
        final HttpServer server;
        final EventLoop loop;
        final int port;
        private final CompletableFuture<Integer> exit;

        private Running(HttpServer server, EventLoop loop, int port, CompletableFuture<Integer> exit) {
            this.server = server;
            this.loop = loop;
            this.port = port;
            this.exit = exit;
        }

        static Running start(Supplier<HttpServer> make) {
            CompletableFuture<Object[]> ready = new CompletableFuture<>();
            CompletableFuture<Integer> exit = new CompletableFuture<>();
            Thread t = new Thread(() -> exit.complete(EventLoop.run(() -> {
                HttpServer s = make.get();
                s.listen(0, "127.0.0.1", () -> ready.complete(new Object[] {s, EventLoop.current(), s.address().port()}));
            })), "http-interop-loop");
            t.setDaemon(true);
            t.start();
            try {
                Object[] r = ready.get(10, TimeUnit.SECONDS);
                return new Running((HttpServer) r[0], (EventLoop) r[1], (Integer) r[2], exit);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        /** Ends the loop: close the server and every connection. */
        @Override
        public void close() throws Exception {
            loop.execute(() -> {
                server.close();
                server.closeAllConnections();
            });
            exit.get(20, TimeUnit.SECONDS);
        }

        /** Waits for the loop to end by itself (after a shutdown). */
        int awaitExit(long seconds) throws Exception {
            return exit.get(seconds, TimeUnit.SECONDS);
        }
    }

    /** Echoes method, url and body length: "GET /x 0". */
    static HttpServer echo() {
        return Http.createServer((req, res) -> {
            int[] n = {0};
            req.on("data", a -> n[0] += ((Bytes) a[0]).length());
            req.on("end", a -> {
                res.setHeader("Content-Type", "text/plain");
                res.end(req.method() + " " + req.url() + " " + n[0]);
            });
        });
    }

    static ProcessResult runProgram(List<String> command, long seconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new ProcessResult(p.exitValue(), out, err.get());
    }

    record ProcessResult(int exitCode, String stdout, String stderr) {}

    static boolean installed(String program) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + program).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void curlGetsPostsChunkedUploadsAndReusesTheConnection() throws Exception {
        assumeTrue(installed("curl"), "curl is not installed");
        try (Running s = Running.start(HttpServerInteropTest::echo)) {
            ProcessResult get = runProgram(List.of("curl", "-s", "-i", s.url("/a?b=1")), 20);
            assertThat(get.stdout()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 12\r\n")
                    .endsWith("\r\n\r\nGET /a?b=1 0");
            ProcessResult post = runProgram(List.of("curl", "-s", "--data-binary", "x".repeat(100_000), s.url("/p")), 20);
            assertThat(post.stdout()).isEqualTo("POST /p 100000");
            ProcessResult chunked = runProgram(List.of("curl", "-s", "-H", "Transfer-Encoding: chunked",
                    "--data-binary", "hello", s.url("/c")), 20);
            assertThat(chunked.stdout()).isEqualTo("POST /c 5");
            ProcessResult two = runProgram(List.of("curl", "-s", "-v", s.url("/1"), s.url("/2")), 20);
            assertThat(two.stdout()).isEqualTo("GET /1 0GET /2 0");
            assertThat(two.stderr()).containsIgnoringCase("Re-using existing connection");
        }
    }

    @Test
    void nodesHttpClientRunsManyRequestsOnKeepAliveSockets() throws Exception {
        assumeTrue(installed("node"), "node is not installed");
        try (Running s = Running.start(HttpServerInteropTest::echo)) {
            Path js = Files.createTempFile("eventide-http-client", ".js");
            Files.writeString(js, """
                    const http = require('http');
                    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
                    const port = +process.argv[2];
                    let done = 0, bad = 0, sockets = new Set();
                    for (let i = 0; i < 200; i++) {
                      const body = 'b'.repeat(i);
                      const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/n' + i, agent }, res => {
                        const lp = res.socket.localPort; let t = ''; res.setEncoding('utf8'); res.on('data', d => t += d);
                        res.on('end', () => {
                          sockets.add(lp);
                          if (t !== 'POST /n' + i + ' ' + i || res.headers['content-type'] !== 'text/plain') bad++;
                          if (++done === 200) { console.log(done + ' ' + bad + ' ' + sockets.size); agent.destroy(); }
                        });
                      });
                      req.on('error', e => { console.log('error ' + e.code); process.exit(1); });
                      req.end(body);
                    }
                    """);
            ProcessResult r = runProgram(List.of("node", js.toString(), "" + s.port), 60);
            Files.deleteIfExists(js);
            assertThat(r.stdout().trim()).as(r.stderr()).isEqualTo("200 0 4");
        }
    }

    @Test
    void javasHttpClientGetsAndPostsConcurrently() throws Exception {
        try (Running s = Running.start(HttpServerInteropTest::echo);
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                HttpRequest r = i % 2 == 0
                        ? HttpRequest.newBuilder(URI.create(s.url("/g" + i))).build()
                        : HttpRequest.newBuilder(URI.create(s.url("/p" + i)))
                                .POST(HttpRequest.BodyPublishers.ofString("z".repeat(i * 100))).build();
                all.add(client.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < 100; i++) {
                HttpResponse<String> res = all.get(i).get(30, TimeUnit.SECONDS);
                assertThat(res.statusCode()).isEqualTo(200);
                assertThat(res.body()).isEqualTo(i % 2 == 0 ? "GET /g" + i + " 0" : "POST /p" + i + " " + i * 100);
            }
        }
    }

    @Test
    void wrkGetsOnlySuccessfulAnswers() throws Exception {
        assumeTrue(installed("wrk"), "wrk is not installed");
        try (Running s = Running.start(() -> Http.createServer((req, res) -> res.end("Hello, World!")))) {
            ProcessResult r = runProgram(List.of("wrk", "-t1", "-c32", "-d2s", s.url("/")), 30);
            assertThat(r.stdout()).contains("Requests/sec").doesNotContain("Non-2xx").doesNotContain("Socket errors");
        }
    }

    @Test
    void oneHundredPipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (Running s = Running.start(HttpServerInteropTest::echo); Socket c = new Socket("127.0.0.1", s.port)) {
            c.setSoTimeout(10_000);
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                all.append("GET /").append(i).append(" HTTP/1.1\r\nHost: x\r\n").append(i == 99 ? "Connection: close\r\n" : "")
                        .append("\r\n");
            }
            c.getOutputStream().write(all.toString().getBytes(StandardCharsets.ISO_8859_1));
            String got = readAll(c.getInputStream());
            List<String> bodies = new ArrayList<>();
            for (String part : got.split("HTTP/1.1 200 OK\r\n")) {
                if (!part.isEmpty()) {
                    bodies.add(part.substring(part.indexOf("\r\n\r\n") + 4));
                }
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                expected.add("GET /" + i + " 0");
            }
            assertThat(bodies).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aSlowlorisCrowdIsCutOffByHeadersTimeoutWhileAFairClientIsAnswered() throws Exception {
        HttpServerOptions o = new HttpServerOptions().headersTimeout(2000).connectionsCheckingInterval(250);
        try (Running s = Running.start(() -> Http.createServer(o, (req, res) -> res.end("fair")))) {
            List<Socket> crowd = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Socket c = new Socket("127.0.0.1", s.port);
                c.getOutputStream().write('G');
                crowd.add(c);
            }
            ExecutorService drip = Executors.newSingleThreadExecutor();
            Future<Integer> cutOff = drip.submit(() -> dripUntilCut(crowd));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(s.url("/"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(r.body()).isEqualTo("fair");
                assertThat(ms).as("a fair request's time").isLessThan(500);
                Thread.sleep(300);
            }
            assertThat(cutOff.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
            drip.shutdownNow();
            client.close();
        }
    }

    /** Sends one more header byte per connection every second; returns how many were cut off by a 408. */
    private static int dripUntilCut(List<Socket> crowd) throws Exception {
        byte[] next = "ET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes();
        int cut = 0;
        boolean[] gone = new boolean[crowd.size()];
        for (int round = 0; round < 20 && cut < crowd.size(); round++) {
            for (int i = 0; i < crowd.size(); i++) {
                if (gone[i]) {
                    continue;
                }
                Socket c = crowd.get(i);
                InputStream in = c.getInputStream();
                if (in.available() > 0 || round > 0 && !writeByte(c, next[(round - 1) % next.length])) {
                    c.setSoTimeout(2000);
                    String got = readAll(in);
                    if (got.startsWith("HTTP/1.1 408 Request Timeout")) {
                        cut++;
                    }
                    gone[i] = true;
                    c.close();
                }
            }
            Thread.sleep(1000);
        }
        return cut;
    }

    private static boolean writeByte(Socket c, byte b) {
        try {
            c.getOutputStream().write(b);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // A reset after the answer: keep what was read.
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
