package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exchanges whose bytes are compared with node 20's http server answering the same request
 * bytes with the same handler: header folding rules, bodies, trailers, 100-continue, upgrades,
 * and the errors thrown by the response API.
 */
class HttpServerNodeTest {
    private static void sameAsNode(String js, HttpServer.RequestListener java, String request, String expected)
            throws Exception {
        sameAsNode(js, "", java, s -> { }, request, expected);
    }

    private static void sameAsNode(String js, String setupJs, HttpServer.RequestListener java,
            java.util.function.Consumer<HttpServer> setup, String request, String expected) throws Exception {
        String node = NodeHttpOracle.answer(js, setupJs, request);
        if (node != null) {
            assertThat(node).as("node's answer").isEqualTo(expected);
        }
        try (HttpTestServer s = HttpTestServer.start(() -> Http.createServer(java), setup)) {
            assertThat(HttpTestServer.noDate(s.exchange(request))).as("our answer").isEqualTo(expected);
        }
    }

    @Test
    void headersFoldDuplicatesAsNodeDoes() throws Exception {
        String js = "res.end(Object.entries(req.headers).map(([k, v]) => k + '=' + "
                + "(Array.isArray(v) ? '[' + v.join('|') + ']' : v)).join(';') + '#' + req.rawHeaders.join(','));";
        HttpServer.RequestListener java = (req, res) -> {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Object> e : req.headers().entrySet()) {
                Object v = e.getValue();
                parts.add(e.getKey() + "=" + (v instanceof List<?> l
                        ? "[" + String.join("|", l.stream().map(String::valueOf).toList()) + "]" : v));
            }
            res.end(String.join(";", parts) + "#" + String.join(",", req.rawHeaders()));
        };
        String request = "GET /h HTTP/1.1\r\nHost: x\r\nHost: y\r\nSet-Cookie: a\r\nset-cookie: b\r\n"
                + "Cookie: c=1\r\nCookie: d=2\r\nAccept: a\r\nAccept: b\r\nX-A: 1\r\nx-a: 2\r\n"
                + "Content-Type: t\r\ncontent-type: u\r\nX-Empty:\r\nX-Pad:  v  \r\nConnection: close\r\n\r\n";
        String body = "host=x;set-cookie=[a|b];cookie=c=1; d=2;accept=a, b;x-a=1, 2;content-type=t;x-empty=;"
                + "x-pad=v;connection=close#Host,x,Host,y,Set-Cookie,a,set-cookie,b,Cookie,c=1,Cookie,d=2,"
                + "Accept,a,Accept,b,X-A,1,x-a,2,Content-Type,t,content-type,u,X-Empty,,X-Pad,v,Connection,close";
        sameAsNode(js, java, request, "HTTP/1.1 200 OK\r\nDate: X\r\nConnection: close\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
    }

    @Test
    void announcingTrailersOnAMessageWithALengthThrowsErrHttpTrailerInvalid() throws Exception {
        String js = "res.setHeader('Trailer', 'X-T'); res.setHeader('Content-Length', '2'); let c = [];"
                + " try { res.writeHead(200); } catch (e) { c.push(e.code); }"
                + " try { res.write('ok'); } catch (e) { c.push(e.message); }"
                + " res.removeHeader('Trailer'); res.removeHeader('Content-Length'); res.end(c.join('|'));";
        HttpServer.RequestListener java = (req, res) -> {
            res.setHeader("Trailer", "X-T").setHeader("Content-Length", "2");
            List<String> c = new ArrayList<>();
            try {
                res.writeHead(200);
            } catch (NodeError e) {
                c.add(e.code());
            }
            try {
                res.write("ok");
            } catch (NodeError e) {
                c.add(e.getMessage());
            }
            res.removeHeader("Trailer").removeHeader("Content-Length");
            res.end(String.join("|", c));
        };
        String body = "ERR_HTTP_TRAILER_INVALID|Trailers are invalid with this transfer encoding";
        sameAsNode(js, java, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                // Removing Content-Length means "not this length" to Node: the body goes chunked.
                "HTTP/1.1 200 OK\r\nDate: X\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
    }

    @Test
    void aChunkedBodyAndItsTrailersArriveAndTheResponseSendsTrailers() throws Exception {
        String js = "let b = ''; req.setEncoding('latin1'); req.on('data', d => b += d); req.on('end', () => {"
                + " res.setHeader('Trailer', 'X-T'); res.write(b + '|' + JSON.stringify(req.trailers));"
                + " res.addTrailers({'X-T': 'done'}); res.end(); });";
        HttpServer.RequestListener java = (req, res) -> {
            StringBuilder b = new StringBuilder();
            req.on("data", a -> b.append(((Bytes) a[0]).toString("latin1")));
            req.on("end", a -> {
                res.setHeader("Trailer", "X-T");
                res.write(b + "|{\"x-trailer\":\"" + req.trailers().get("x-trailer") + "\"}");
                res.addTrailers(Map.of("X-T", "done"));
                res.end();
            });
        };
        String request = "POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n";
        String body = "hello world|{\"x-trailer\":\"yes\"}";
        sameAsNode(js, java, request, "HTTP/1.1 200 OK\r\nTrailer: X-T\r\nDate: X\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
                + "\r\n0\r\nX-T: done\r\n\r\n");
    }

    @Test
    void expectContinueGetsA100BeforeTheAnswer() throws Exception {
        String js = "let n = 0; req.on('data', d => n += d.length); req.on('end', () => res.end('got ' + n));";
        HttpServer.RequestListener java = (req, res) -> {
            int[] n = {0};
            req.on("data", a -> n[0] += ((Bytes) a[0]).length());
            req.on("end", a -> res.end("got " + n[0]));
        };
        String request = "PUT /u HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n"
                + "Connection: close\r\n\r\nabc";
        sameAsNode(js, java, request, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nDate: X\r\n"
                + "Connection: close\r\nContent-Length: 5\r\n\r\ngot 3");
    }

    @Test
    void aCheckContinueListenerTakesTheRequestAndSendsTheContinueItself() throws Exception {
        // With a 'checkContinue' listener, node sends no 100 and no 'request': the listener
        // decides, here with writeContinue() and then the answer.
        String setupJs = "s.removeAllListeners('request'); s.on('checkContinue', (req, res) => { res.writeContinue(); "
                + "let n = 0; req.on('data', d => n += d.length); req.on('end', () => res.end('checked ' + n)); });";
        String request = "PUT /u HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n"
                + "Connection: close\r\n\r\nabc";
        sameAsNode("res.end('request event');", setupJs, (req, res) -> res.end("request event"), s -> {
            s.removeAllListeners("request");
            s.on("checkContinue", a -> {
                IncomingMessage req = (IncomingMessage) a[0];
                ServerResponse res = (ServerResponse) a[1];
                res.writeContinue();
                int[] n = {0};
                req.on("data", x -> n[0] += ((Bytes) x[0]).length());
                req.on("end", x -> res.end("checked " + n[0]));
            });
        }, request, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nDate: X\r\nConnection: close\r\n"
                + "Content-Length: 9\r\n\r\nchecked 3");
    }

    @Test
    void flushHeadersSendsTheHeadAtOnceAndTheBodyFollowsChunked() throws Exception {
        String js = "res.setHeader('X-A', '1'); res.flushHeaders(); res.end('body');";
        HttpServer.RequestListener java = (req, res) -> {
            res.setHeader("X-A", "1");
            res.flushHeaders();
            res.end("body");
        };
        sameAsNode(js, java, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-A: 1\r\nDate: X\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "4\r\nbody\r\n0\r\n\r\n");
    }

    @Test
    void aMissingHostOnHttp11IsA400AndAnUnknownExpectationA417() throws Exception {
        sameAsNode("res.end('no');", (req, res) -> res.end("no"), "GET / HTTP/1.1\r\n\r\n",
                "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nDate: X\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\n");
        sameAsNode("res.end('no');", (req, res) -> res.end("no"),
                "GET / HTTP/1.1\r\nHost: x\r\nExpect: tea\r\nConnection: close\r\n\r\n",
                "HTTP/1.1 417 Expectation Failed\r\nDate: X\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
                        + "\r\n0\r\n\r\n");
    }

    @Test
    void anUpgradeHandsOverTheSocketAndTheBytesAfterTheHead() throws Exception {
        String setupJs = "s.on('upgrade', (req, socket, head) => { socket.end('HTTP/1.1 101 Switching Protocols\\r\\n"
                + "Upgrade: echo\\r\\nConnection: Upgrade\\r\\n\\r\\n' + head.toString('latin1')); });";
        String request = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nraw bytes";
        sameAsNode("res.end();", setupJs, (req, res) -> res.end(), s -> s.on("upgrade", a -> {
            dev.eventide.net.NetSocket socket = (dev.eventide.net.NetSocket) a[1];
            socket.end("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n"
                    + ((Bytes) a[2]).toString("latin1"));
        }), request, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nraw bytes");
    }

    @Test
    void theResponseApiThrowsNodesErrors() throws Exception {
        String js = """
                const codes = [];
                const t = f => { try { f(); codes.push('ok'); } catch (e) { codes.push(e.code); } };
                t(() => res.setHeader('bad name', 'v'));
                t(() => res.setHeader('X', 'a\\nb'));
                t(() => res.setHeader('X', undefined));
                t(() => res.writeHead(99));
                t(() => res.writeHead(1000));
                res.writeHead(200, {'Connection': 'close'});
                t(() => res.setHeader('X', 'late'));
                t(() => res.writeHead(201));
                t(() => res.removeHeader('X'));
                res.end(codes.join(','));
                """;
        HttpServer.RequestListener java = (req, res) -> {
            List<String> codes = new ArrayList<>();
            List<Runnable> calls = List.of(() -> res.setHeader("bad name", "v"), () -> res.setHeader("X", "a\nb"),
                    () -> res.setHeader("X", null), () -> res.writeHead(99), () -> res.writeHead(1000));
            calls.forEach(c -> codes.add(code(c)));
            res.writeHead(200, Map.of("Connection", "close"));
            List.<Runnable>of(() -> res.setHeader("X", "late"), () -> res.writeHead(201), () -> res.removeHeader("X"))
                    .forEach(c -> codes.add(code(c)));
            res.end(String.join(",", codes));
        };
        String body = "ERR_INVALID_HTTP_TOKEN,ERR_INVALID_CHAR,ERR_HTTP_INVALID_HEADER_VALUE,"
                + "ERR_HTTP_INVALID_STATUS_CODE,ERR_HTTP_INVALID_STATUS_CODE,ERR_HTTP_HEADERS_SENT,"
                + "ERR_HTTP_HEADERS_SENT,ERR_HTTP_HEADERS_SENT";
        sameAsNode(js, java, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 200 OK\r\nConnection: close\r\n"
                + "Date: X\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n"
                + body + "\r\n0\r\n\r\n");
    }

    private static String code(Runnable r) {
        try {
            r.run();
            return "ok";
        } catch (NodeError e) {
            return e.code();
        }
    }
}
