package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The limits of {@link Http1Parser} with Node's defaults, each exactly at and one past the
 * limit: maxHeaderSize (URL or status text plus header names and values must stay below
 * 16 KiB, as Node counts: verified with node 20 at 16383 accepted, 16384 refused with 431),
 * maxHeadersCount and the chunk extension limit.
 */
class Http1ParserLimitsTest {

    /** A request whose URL, names and values add up to {@code total} bytes. */
    private static String requestCounting(int total) {
        // "/" (1) + "Host" "a" (5) + "X-Pad" (5) + value
        return "GET / HTTP/1.1\r\nHost: a\r\nX-Pad: " + "v".repeat(total - 11) + "\r\n\r\n";
    }

    @Test
    void headJustBelowTheDefaultLimitIsAccepted() {
        Http1Harness h = Http1Harness.request().feed(requestCounting(16383));
        assertThat(h.parser.error()).isNull();
        assertThat(h.events).endsWith("complete");
    }

    @Test
    void headReachingTheDefaultLimitFailsWithHeaderOverflow() {
        Http1Harness h = Http1Harness.request().feed(requestCounting(16384));
        assertThat(h.parser.error()).isEqualTo(Http1Error.HEADER_OVERFLOW);
        assertThat(h.errorCode()).isEqualTo("HPE_HEADER_OVERFLOW");
        assertThat(h.parser.error().httpStatus()).isEqualTo(431);
        Http1ParserRejectionTest.assertRefusesFurtherInput(h);
    }

    @Test
    void headerOverflowIsFoundEvenWhenBytesArriveOneByOne() {
        Http1Harness h = Http1Harness.request().feedByteByByte(requestCounting(16384));
        assertThat(h.parser.error()).isEqualTo(Http1Error.HEADER_OVERFLOW);
        Http1Harness ok = Http1Harness.request().feedByteByByte(requestCounting(16383));
        assertThat(ok.parser.error()).isNull();
    }

    @Test
    void oversizedUrlAloneOverflows() {
        Http1Harness h = Http1Harness.request().feed("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n\r\n");
        assertThat(h.parser.error()).isEqualTo(Http1Error.HEADER_OVERFLOW);
    }

    @Test
    void maxHeaderSizeIsConfigurable() {
        Http1Settings small = Http1Settings.DEFAULTS.withMaxHeaderSize(100);
        Http1Harness ok = new Http1Harness(Http1Parser.Kind.REQUEST, small).feed(requestCounting(99));
        assertThat(ok.parser.error()).isNull();
        Http1Harness over = new Http1Harness(Http1Parser.Kind.REQUEST, small).feed(requestCounting(100));
        assertThat(over.parser.error()).isEqualTo(Http1Error.HEADER_OVERFLOW);
    }

    @Test
    void eachMessageOfAConnectionGetsTheWholeHeaderBudget() {
        String one = requestCounting(16000);
        Http1Harness h = Http1Harness.request().feed(one + one + one);
        assertThat(h.parser.error()).isNull();
        assertThat(h.events.stream().filter("complete"::equals)).hasSize(3);
    }

    private static String requestWithHeaders(int count) {
        StringBuilder b = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < count; i++) {
            b.append("h").append(i).append(": v\r\n");
        }
        return b.append("\r\n").toString();
    }

    @Test
    void headersUpToMaxHeadersCountAreAllReported() {
        Http1Harness h = Http1Harness.request().feed(requestWithHeaders(2000));
        assertThat(h.events.stream().filter(e -> e.startsWith("header="))).hasSize(2000);
    }

    @Test
    void headersPastMaxHeadersCountAreCheckedButNotReported() {
        Http1Harness h = Http1Harness.request().feed(requestWithHeaders(2001));
        assertThat(h.parser.error()).isNull();
        assertThat(h.events.stream().filter(e -> e.startsWith("header="))).hasSize(2000).last().isEqualTo("header=h1999: v");
        Http1Harness bad = Http1Harness.request().feed(requestWithHeaders(2001).replace("h2000: v", "h2000: \u0001"));
        assertThat(bad.parser.error()).isEqualTo(Http1Error.INVALID_HEADER_TOKEN);
    }

    @Test
    void maxHeadersCountIsConfigurable() {
        Http1Settings three = Http1Settings.DEFAULTS.withMaxHeadersCount(3);
        Http1Harness h = new Http1Harness(Http1Parser.Kind.REQUEST, three).feed(requestWithHeaders(5));
        assertThat(h.events.stream().filter(e -> e.startsWith("header="))).hasSize(3);
    }

    private static String chunkWithExtension(int extensionBytes) {
        return "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;" + "e".repeat(extensionBytes)
                + "\r\nx\r\n0\r\n\r\n";
    }

    @Test
    void chunkExtensionsUpToTheLimitAreAccepted() {
        Http1Harness h = Http1Harness.request().feed(chunkWithExtension(16384));
        assertThat(h.parser.error()).isNull();
        assertThat(h.events).endsWith("complete");
    }

    @Test
    void chunkExtensionsPastTheLimitFailWith413() {
        Http1Harness h = Http1Harness.request().feedByteByByte(chunkWithExtension(16385));
        assertThat(h.parser.error()).isEqualTo(Http1Error.CHUNK_EXTENSIONS_OVERFLOW);
        assertThat(h.parser.error().httpStatus()).isEqualTo(413);
    }

    @Test
    void largeBodiesStreamThroughWithoutLimit() {
        int size = 1 << 20;
        byte[] head = Http1Harness.bytes("POST / HTTP/1.1\r\nContent-Length: " + size + "\r\n\r\n");
        long[] bodyBytes = {0};
        Http1Parser parser = new Http1Parser(Http1Parser.Kind.REQUEST, new Http1Handler() {
            @Override public void onBody(java.nio.ByteBuffer b, int off, int len) {
                bodyBytes[0] += len;
            }
        });
        parser.execute(head, 0, head.length);
        byte[] block = new byte[8192];
        for (int sent = 0; sent < size; sent += block.length) {
            assertThat(parser.execute(block, 0, block.length)).isEqualTo(block.length);
        }
        assertThat(parser.error()).isNull();
        assertThat(bodyBytes[0]).isEqualTo(size);
        assertThat(parser.finishState()).isZero();
    }
}
