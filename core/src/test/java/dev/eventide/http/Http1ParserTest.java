package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of {@link Http1Parser} on valid traffic: requests and responses, body framing,
 * keep-alive, pipelining, upgrades, pauses, and incremental input (the same events whatever
 * the read boundaries).
 */
class Http1ParserTest {
    private static final String CHUNKED_WITH_TRAILERS = "POST /upload HTTP/1.1\r\nHost: a\r\n"
            + "Transfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n"
            + "5;name=\"v a\"\r\nhello\r\n6\r\n world\r\n0\r\nX-Sum: 42\r\n\r\n";

    private static List<String> events(Http1Parser.Kind kind, String input, int chunk) {
        Http1Harness h = new Http1Harness(kind, Http1Settings.DEFAULTS);
        h.feedInChunks(Http1Harness.bytes(input), chunk);
        assertThat(h.parser.error()).isNull();
        return h.events;
    }

    @Test
    void simpleGetProducesMethodUrlHeadersAndCompletion() {
        Http1Harness h = Http1Harness.request().feed("GET /a?b=1 HTTP/1.1\r\nHost: example.com\r\n\r\n");
        assertThat(h.events).containsExactly("begin", "method=GET/GET", "url=/a?b=1",
                "header=Host: example.com", "headers v=1.1 keepAlive=true upgrade=false length=0", "complete");
        assertThat(h.consumed).isEqualTo(42);
    }

    @Test
    void contentLengthBodyIsReportedInPlace() {
        Http1Harness h = Http1Harness.request().feed("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(h.events).containsSubsequence("headers v=1.1 keepAlive=true upgrade=false length=5",
                "body=hello", "complete");
    }

    /** Extensions are reported before onChunkHeader, which fires once the size line ends (as llhttp). */
    @Test
    void chunkedBodyWithExtensionsAndTrailersIsParsed() {
        Http1Harness h = Http1Harness.request().feed(CHUNKED_WITH_TRAILERS);
        assertThat(h.parser.error()).isNull();
        assertThat(h.events).containsSubsequence("ext-name=name", "ext-value=\"v a\"", "chunk=5", "chunk=6",
                "chunk=0", "header=X-Sum: 42", "body=hello world", "complete");
    }

    @Test
    void byteByByteInputGivesTheSameEventsAsOneRead() {
        List<String> whole = events(Http1Parser.Kind.REQUEST, CHUNKED_WITH_TRAILERS, Integer.MAX_VALUE);
        assertThat(events(Http1Parser.Kind.REQUEST, CHUNKED_WITH_TRAILERS, 1)).isEqualTo(whole);
    }

    @Test
    void randomSplitsGiveTheSameEventsAsOneRead() {
        String input = CHUNKED_WITH_TRAILERS + "GET /next HTTP/1.1\r\nConnection: keep-alive\r\n\r\n";
        List<String> whole = events(Http1Parser.Kind.REQUEST, input, Integer.MAX_VALUE);
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] in = Http1Harness.bytes(input);
            Http1Harness h = Http1Harness.request();
            int at = 0;
            while (at < in.length) {
                int n = Math.min(in.length - at, 1 + random.nextInt(12));
                assertThat(h.parser.execute(in, at, n)).isEqualTo(n);
                at += n;
            }
            assertThat(h.events).isEqualTo(whole);
        }
    }

    @Test
    void pipelinedRequestsInOneBufferAreAllParsed() {
        Http1Harness h = Http1Harness.request().feed("GET /1 HTTP/1.1\r\n\r\n"
                + "POST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi"
                + "GET /3 HTTP/1.1\r\n\r\n");
        assertThat(h.events.stream().filter(e -> e.startsWith("url=") || e.equals("reset") || e.startsWith("body")))
                .containsExactly("url=/1", "reset", "url=/2", "body=hi", "reset", "url=/3");
        assertThat(h.events.stream().filter("complete"::equals)).hasSize(3);
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() {
        assertThat(Http1Harness.request().feed("GET / HTTP/1.0\r\n\r\n").events)
                .contains("headers v=1.0 keepAlive=false upgrade=false length=0");
        assertThat(Http1Harness.request().feed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").events)
                .contains("headers v=1.0 keepAlive=true upgrade=false length=0");
    }

    @Test
    void http11KeepsAliveUnlessAConnectionTokenSaysClose() {
        assertThat(Http1Harness.request().feed("GET / HTTP/1.1\r\nConnection: foo, bar\r\n\r\n").events)
                .contains("headers v=1.1 keepAlive=true upgrade=false length=0");
        assertThat(Http1Harness.request().feed("GET / HTTP/1.1\r\nConnection: foo, CLOSE\r\n\r\n").events)
                .contains("headers v=1.1 keepAlive=false upgrade=false length=0");
        assertThat(Http1Harness.request().feed("GET / HTTP/1.1\r\nConnection: closed\r\n\r\n").events)
                .contains("headers v=1.1 keepAlive=true upgrade=false length=0");
    }

    @Test
    void upgradeStopsParsingAndHandsBackTheRemainingBytes() {
        String head = "GET /chat HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n";
        Http1Harness h = Http1Harness.request().feed(head + "\u0081\u0005hello");
        assertThat(h.parser.error()).isEqualTo(Http1Error.PAUSED_UPGRADE);
        assertThat(h.parser.upgrade()).isTrue();
        assertThat(h.consumed).isEqualTo(head.length());
        assertThat(h.events).endsWith("headers v=1.1 keepAlive=true upgrade=true length=0", "complete");
    }

    @Test
    void connectHandsBackTheTunnelBytes() {
        String head = "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n";
        Http1Harness h = Http1Harness.request().feed(head + "\u0016\u0003\u0001");
        assertThat(h.parser.error()).isEqualTo(Http1Error.PAUSED_UPGRADE);
        assertThat(h.events).contains("url=example.com:443");
        assertThat(h.consumed).isEqualTo(head.length());
    }

    @Test
    void pauseStopsAfterTheCallbackAndResumeContinuesWithTheRest() {
        Http1Harness h = Http1Harness.request();
        h.pauseAfterMessage = true;
        byte[] in = Http1Harness.bytes("GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n");
        int n = h.parser.execute(in, 0, in.length);
        assertThat(h.parser.error()).isEqualTo(Http1Error.PAUSED);
        assertThat(n).isEqualTo(19);
        assertThat(h.parser.execute(in, n, in.length - n)).isZero();
        h.parser.resume();
        h.pauseAfterMessage = false;
        assertThat(h.parser.execute(in, n, in.length - n)).isEqualTo(in.length - n);
        assertThat(h.events.stream().filter(e -> e.startsWith("url="))).containsExactly("url=/1", "url=/2");
    }

    @Test
    void directByteBuffersAreParsedAndTheirPositionAdvances() {
        byte[] in = Http1Harness.bytes("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        ByteBuffer direct = ByteBuffer.allocateDirect(in.length).put(in).flip();
        Http1Harness h = Http1Harness.request();
        assertThat(h.parser.execute(direct)).isEqualTo(in.length);
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(h.events).contains("body=abc", "complete");
    }

    @Test
    void responseWithContentLengthIsParsed() {
        Http1Harness h = Http1Harness.response().feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        assertThat(h.events).containsExactly("begin", "status=200 OK", "header=Content-Length: 2",
                "headers v=1.1 keepAlive=true upgrade=false length=2", "body=ok", "complete");
    }

    @Test
    void noBodyStatusesEndAtTheHeaders() {
        for (String status : List.of("204 No Content", "304 Not Modified", "100 Continue", "103 Early Hints")) {
            Http1Harness h = Http1Harness.response().feed("HTTP/1.1 " + status + "\r\nContent-Length: 10\r\n\r\n");
            assertThat(h.events).as(status).endsWith("complete");
            assertThat(h.parser.finishState()).isZero();
        }
    }

    @Test
    void headResponseFlagSkipsTheAnnouncedBody() {
        Http1Harness h = Http1Harness.response();
        h.parser.headResponse(true);
        h.feed("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
        assertThat(h.events.stream().filter("complete"::equals)).hasSize(2);
        assertThat(h.events).contains("body=x");
        assertThat(h.parser.flags() & Http1Parser.F_SKIPBODY).isZero();
    }

    @Test
    void responseWithoutLengthReadsUntilEof() {
        Http1Harness h = Http1Harness.response().feed("HTTP/1.1 200 OK\r\n\r\nsome data");
        assertThat(h.events).doesNotContain("complete");
        assertThat(h.parser.finishState()).isEqualTo(1);
        h.feed(" and more");
        assertThat(h.parser.finish()).isNull();
        assertThat(h.events).endsWith("body=some data and more", "complete");
    }

    @Test
    void eofInsideAMessageIsAnError() {
        Http1Harness h = Http1Harness.request().feed("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\nabc");
        assertThat(h.parser.finish()).isEqualTo(Http1Error.INVALID_EOF_STATE);
    }

    @Test
    void switchingProtocolsResponseHandsBackTheRest() {
        String head = "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n";
        Http1Harness h = Http1Harness.response().feed(head + "frames");
        assertThat(h.parser.error()).isEqualTo(Http1Error.PAUSED_UPGRADE);
        assertThat(h.consumed).isEqualTo(head.length());
    }

    @Test
    void wellKnownMethodsAndHeaderNamesAreConstants() {
        assertThat(Http1Method.of(24).text()).isSameAs(Http1Method.M_SEARCH.text()).isEqualTo("M-SEARCH");
        byte[] name = Http1Harness.bytes("xContent-TYPE");
        assertThat(Http1HeaderNames.lookup(name, 1, 12)).isSameAs(Http1HeaderNames.lookup(Http1Harness.bytes("content-type"), 0, 12));
        assertThat(Http1HeaderNames.lookup(name, 0, 5)).isNull();
    }

    @Test
    void resetLetsOneParserServeANewConnection() {
        Http1Harness h = Http1Harness.request().feed("BAD");
        assertThat(h.parser.error()).isNotNull();
        h.parser.reset();
        h.events.clear();
        h.feed("GET / HTTP/1.1\r\n\r\n");
        assertThat(h.events).startsWith("begin").endsWith("complete");
    }
}
