package dev.eventide.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eventide.buffer.Bytes;
import dev.eventide.http.Agent;
import dev.eventide.http.ClientRequest;
import dev.eventide.http.Http;
import dev.eventide.http.IncomingMessage;
import dev.eventide.http.RequestOptions;
import dev.eventide.loop.EventLoop;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eventide's HTTP client against node's http server (a node script): bodies both ways,
 * chunked responses with trailers, a 1 MiB body, HEAD, keep-alive reuse through an Agent,
 * Connection: close, and fetch.
 */
class HttpClientInteropTest {
    private static final String SERVER = """
            const http = require('http');
            const s = http.createServer((req, res) => {
              let body = '';
              req.setEncoding('latin1');
              req.on('data', d => body += d);
              req.on('end', () => {
                const port = String(req.socket.remotePort);
                if (req.url === '/chunked') {
                  res.setHeader('Trailer', 'X-Sum');
                  res.write('one,'); res.write('two');
                  res.addTrailers({ 'X-Sum': '7' }); res.end();
                } else if (req.url === '/big') {
                  res.end(Buffer.alloc(1 << 20, 'q'));
                } else if (req.url === '/close') {
                  res.setHeader('Connection', 'close'); res.end('bye');
                } else {
                  res.setHeader('X-Port', port);
                  res.end(req.method + ' ' + req.url + ' ' + (req.headers['x-test'] || '-') + ' '
                    + (req.headers['transfer-encoding'] || req.headers['content-length'] || '0') + ' ' + body);
                }
              });
            });
            s.listen(0, '127.0.0.1', () => console.log(s.address().port));
            """;
    private static Process node;
    private static int port;

    @BeforeAll
    static void startNode() throws Exception {
        assumeTrue(HttpServerInteropTest.installed("node"), "node is not installed");
        Path js = Files.createTempFile("eventide-node-server", ".js");
        Files.writeString(js, SERVER);
        node = new ProcessBuilder("node", js.toString()).redirectErrorStream(true).start();
        port = Integer.parseInt(new BufferedReader(new InputStreamReader(node.getInputStream())).readLine().trim());
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.destroy();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static List<String> run(BiConsumer<List<String>, Runnable> body) throws Exception {
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> EventLoop.run(() ->
                body.accept(trace, () -> Agent.global().destroy())));
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        return List.copyOf(trace);
    }

    private static void collect(IncomingMessage res, List<String> trace, String tag, Runnable then) {
        StringBuilder b = new StringBuilder();
        res.on("data", a -> b.append(((Bytes) a[0]).toString("latin1")));
        res.on("end", a -> {
            trace.add(tag + " " + res.statusCode() + " " + (b.length() > 40 ? b.length() + " bytes" : b)
                    + (res.trailers().isEmpty() ? "" : " " + res.trailers()));
            if (then != null) {
                then.run();
            }
        });
    }

    @Test
    void requestsWithBodiesBothWaysTrailersAndALargeBody() throws Exception {
        List<String> trace = run((t, done) -> {
            int[] left = {4};
            Runnable one = () -> {
                if (--left[0] == 0) {
                    done.run();
                }
            };
            Http.get(RequestOptions.of(url("/g?q=1")).header("X-Test", "yes"), res -> collect(res, t, "get", one));
            ClientRequest post = Http.request(RequestOptions.of(url("/p")).method("POST"), res -> collect(res, t, "post", one));
            post.write("abc");
            post.end("def");
            Http.get(url("/chunked"), res -> collect(res, t, "chunked", one));
            Http.get(url("/big"), res -> collect(res, t, "big", one));
        });
        assertThat(trace).containsExactlyInAnyOrder("get 200 GET /g?q=1 yes 0 ", "post 200 POST /p - chunked abcdef",
                "chunked 200 one,two {x-sum=7}", "big 200 1048576 bytes");
    }

    @Test
    void anAgentReusesOneKeepAliveConnectionAndHonoursConnectionClose() throws Exception {
        List<String> trace = run((t, done) -> {
            Agent agent = new Agent(new Agent.Options().keepAlive(true).maxSockets(1).scheduling("fifo"));
            List<String> ports = new ArrayList<>();
            int[] left = {6};
            for (int i = 0; i < 6; i++) {
                int n = i;
                Http.get(RequestOptions.of(url(n == 5 ? "/close" : "/k" + n)).agent(agent), res -> {
                    if (res.header("x-port") != null) {
                        ports.add(res.header("x-port"));
                    }
                    collect(res, t, "k" + n, () -> {
                        if (--left[0] == 0) {
                            t.add("distinct ports " + ports.stream().distinct().count());
                            agent.destroy();
                            done.run();
                        }
                    });
                });
            }
            Http.request(RequestOptions.of(url("/h")).method("HEAD"), res -> {
                t.add("head " + res.statusCode() + " " + res.header("content-length"));
                res.resume();
            }).end();
        });
        assertThat(trace).contains("k0 200 GET /k0 - 0 ", "k4 200 GET /k4 - 0 ", "k5 200 bye", "distinct ports 1");
        assertThat(trace).anyMatch(s -> s.startsWith("head 200 "));
    }

    @Test
    void fetchGetsTextFromNode() throws Exception {
        List<String> trace = run((t, done) -> Http.fetch(url("/f")).thenCompose(r -> {
            t.add(r.status() + " " + r.ok() + " " + r.header("x-port").isEmpty());
            return r.text();
        }).then(text -> {
            t.add(text);
            done.run();
            return null;
        }));
        assertThat(trace).containsExactly("200 true false", "GET /f - 0 ");
    }
}
