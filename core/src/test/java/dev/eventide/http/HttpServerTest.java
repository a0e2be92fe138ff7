package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The server's bytes on the wire for the basic exchanges, compared with what node 20 sends for
 * the same requests (captured from node's http server with the same handler).
 */
class HttpServerTest {
    private static HttpTestServer hello() {
        return HttpTestServer.start(() -> Http.createServer((req, res) -> {
            switch (req.url()) {
                case "/a" -> res.end("Hello, World!");
                case "/b" -> {
                    res.write("x");
                    res.end("y");
                }
                case "/c" -> {
                    res.setHeader("X-Foo", "1");
                    res.writeHead(204);
                    res.end();
                }
                case "/d" -> {
                    res.statusCode(404);
                    res.end();
                }
                default -> res.end();
            }
        }));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWithNodesHeaders() throws Exception {
        try (HttpTestServer s = hello()) {
            String got = s.exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /c HTTP/1.1\r\nHost: x\r\n\r\nHEAD /a HTTP/1.1\r\nHost: x\r\n\r\nGET /d HTTP/1.0\r\n\r\n");
            // node 20's answer to the same bytes (a.js in the test notes), Date values replaced.
            assertThat(HttpTestServer.noDate(got)).isEqualTo(
                    "HTTP/1.1 200 OK\r\nDate: X\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n"
                    + "Content-Length: 13\r\n\r\nHello, World!"
                    + "HTTP/1.1 200 OK\r\nDate: X\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n1\r\nx\r\n1\r\ny\r\n0\r\n\r\n"
                    + "HTTP/1.1 204 No Content\r\nX-Foo: 1\r\nDate: X\r\nConnection: keep-alive\r\n"
                    + "Keep-Alive: timeout=5\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nDate: X\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n"
                    + "HTTP/1.1 404 Not Found\r\nDate: X\r\nConnection: close\r\n\r\n");
        }
    }

    @Test
    void twoThousandPipelinedRequestsFromAClientThatReadsLateAreAllAnsweredInOrder() throws Exception {
        try (HttpTestServer s = HttpTestServer.start(() -> Http.createServer((req, res) -> res.end(req.url())))) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                all.append("GET /").append(i).append(" HTTP/1.1\r\nHost: x\r\n")
                        .append(i == 1999 ? "Connection: close\r\n" : "").append("\r\n");
            }
            String got = s.exchange(all.toString());
            int from = 0;
            for (int i = 0; i < 2000; i++) {
                int body = got.indexOf("\r\n\r\n", from) + 4;
                String url = "/" + i;
                assertThat(got.substring(body, body + url.length())).isEqualTo(url);
                from = body + url.length();
            }
            assertThat(from).isEqualTo(got.length());
        }
    }
}
