package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Node is the oracle: feeds the same raw messages to Node's own HTTP parser (llhttp through
 * {@code _http_common.HTTPParser}, with Node's default limits) and to {@link Http1Parser},
 * and compares the outcome: the {@code HPE_*} code, or how many messages completed. Skips
 * when {@code node} is not installed.
 */
class Http1NodeOracleTest {
    private static final String SCRIPT = """
            const { HTTPParser } = require('_http_common');
            const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            for (const { kind, b64 } of inputs) {
              const p = new HTTPParser();
              p.initialize(kind === 'response' ? HTTPParser.RESPONSE : HTTPParser.REQUEST, {}, 0, 0);
              let messages = 0;
              p[HTTPParser.kOnHeadersComplete] = () => {};
              p[HTTPParser.kOnMessageComplete] = () => { messages++; };
              p[HTTPParser.kOnBody] = () => {};
              p[HTTPParser.kOnHeaders] = () => {};
              p[HTTPParser.kOnExecute] = () => {};
              const r = p.execute(Buffer.from(b64, 'base64'));
              console.log(r instanceof Error ? r.code : 'OK ' + messages);
            }
            """;

    private static final String[] REQUESTS = {
        "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabc",
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;a@b\r\nx\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;a=\"b\"\r\nx\r\n0\r\nT: v\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n",
        "GET / HTTP/1.1\nHost: a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n",
        "GET / HTTP/1.1\r\nX: a\r\n  folded\r\n\r\n",
        "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
        "GET / HTTP/1.1\r\nX(y): a\r\n\r\n",
        "GET / HTTP/1.1\r\nX: a\u0001b\r\n\r\n",
        "FOO / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.2\r\n\r\n",
        "GET /a\u0001b HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\n Host: a\r\n\r\n",
        "GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n",
        "GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /3 HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nX: " + "a".repeat(16379) + "\r\n\r\n",
        "GET / HTTP/1.1\r\nX: " + "a".repeat(16380) + "\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;" + "e".repeat(16385) + "\r\nx\r\n0\r\n\r\n",
    };

    private static final String[] RESPONSES = {
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
        "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
    };

    @Test
    void outcomesMatchNodesOwnParser() throws Exception {
        List<String[]> cases = new ArrayList<>();
        for (String r : REQUESTS) {
            cases.add(new String[] {"request", r});
        }
        for (String r : RESPONSES) {
            cases.add(new String[] {"response", r});
        }
        List<String> node = runNode(cases);
        List<String> ours = new ArrayList<>();
        for (String[] c : cases) {
            ours.add(outcome(c[0].equals("request") ? Http1Parser.Kind.REQUEST : Http1Parser.Kind.RESPONSE, c[1]));
        }
        assertThat(ours).isEqualTo(node);
    }

    private static String outcome(Http1Parser.Kind kind, String input) {
        Http1Harness h = new Http1Harness(kind, Http1Settings.DEFAULTS).feed(input);
        if (h.parser.error() != null) {
            return h.parser.error().code();
        }
        return "OK " + h.events.stream().filter("complete"::equals).count();
    }

    private static List<String> runNode(List<String[]> cases) throws IOException, InterruptedException {
        Path script = Files.createTempFile("http1-oracle", ".js");
        try {
            Files.writeString(script, SCRIPT);
            Process node;
            try {
                node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                assumeTrue(false, "node is not installed: " + e.getMessage());
                return List.of();
            }
            StringBuilder json = new StringBuilder("[");
            for (String[] c : cases) {
                String b64 = Base64.getEncoder().encodeToString(c[1].getBytes(StandardCharsets.ISO_8859_1));
                json.append(json.length() > 1 ? "," : "").append("{\"kind\":\"").append(c[0])
                        .append("\",\"b64\":\"").append(b64).append("\"}");
            }
            try (var in = node.getOutputStream()) {
                in.write(json.append(']').toString().getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as(out).isZero();
            return out.lines().toList();
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
