package dev.eventide.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every strict-mode rejection of {@link Http1Parser}, one test each: the stable error code,
 * the status a Node server answers with, and that the parser refuses any further input.
 * The codes and reasons were checked against Node 20's llhttp (see Http1NodeOracleTest).
 */
class Http1ParserRejectionTest {

    private static Http1Harness rejected(String input, Http1Error expected) {
        Http1Harness h = Http1Harness.request().feed(input);
        assertThat(h.parser.error()).as("error for %s", input).isEqualTo(expected);
        assertThat(h.errorCode()).isEqualTo("HPE_" + expected.name());
        assertRefusesFurtherInput(h);
        return h;
    }

    /** After an error, execute consumes nothing, fires nothing and keeps the first error. */
    static void assertRefusesFurtherInput(Http1Harness h) {
        Http1Error before = h.parser.error();
        int events = h.events.size();
        byte[] more = Http1Harness.bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(h.parser.execute(more, 0, more.length)).isZero();
        assertThat(h.parser.error()).isEqualTo(before);
        assertThat(h.events).hasSize(events);
    }

    @Test
    void contentLengthTogetherWithTransferEncodingIsRejected() {
        rejected("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
                Http1Error.INVALID_TRANSFER_ENCODING);
    }

    @Test
    void transferEncodingFollowedByContentLengthIsRejected() {
        rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
                Http1Error.INVALID_CONTENT_LENGTH);
    }

    @Test
    void differingDuplicateContentLengthIsRejected() {
        rejected("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabc",
                Http1Error.UNEXPECTED_CONTENT_LENGTH);
    }

    @Test
    void equalDuplicateContentLengthIsRejectedToo() {
        // Node 20 (llhttp 9) refuses any second Content-Length, equal or not.
        Http1Harness h = rejected("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
                Http1Error.UNEXPECTED_CONTENT_LENGTH);
        assertThat(h.parser.errorReason()).isEqualTo("Duplicate Content-Length");
    }

    @Test
    void nonNumericContentLengthIsRejected() {
        rejected("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", Http1Error.INVALID_CONTENT_LENGTH);
    }

    @Test
    void contentLengthBeyondSixtyFourBitsIsRejected() {
        rejected("POST / HTTP/1.1\r\nContent-Length: 18446744073709551616\r\n\r\n", Http1Error.INVALID_CONTENT_LENGTH);
    }

    @Test
    void invalidChunkSizeIsRejected() {
        rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", Http1Error.INVALID_CHUNK_SIZE);
    }

    @Test
    void chunkSizeOverflowIsRejected() {
        rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n", Http1Error.INVALID_CHUNK_SIZE);
    }

    @Test
    void invalidChunkExtensionIsRejected() {
        Http1Harness h = rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;a@b\r\nx\r\n0\r\n\r\n",
                Http1Error.STRICT);
        assertThat(h.parser.errorReason()).isEqualTo("Invalid character in chunk extensions name");
    }

    @Test
    void chunkedThatIsNotTheLastCodingOfARequestIsRejected() {
        rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", Http1Error.INVALID_TRANSFER_ENCODING);
    }

    @Test
    void requestWithOnlyANonChunkedCodingIsRejected() {
        rejected("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", Http1Error.INVALID_TRANSFER_ENCODING);
    }

    @Test
    void bareLfEndingAHeaderLineIsRejected() {
        rejected("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n", Http1Error.CR_EXPECTED);
    }

    @Test
    void bareLfEndingTheRequestLineIsRejected() {
        rejected("GET / HTTP/1.1\nHost: a\r\n\r\n", Http1Error.INVALID_VERSION);
    }

    @Test
    void bareCrInsideHeadersIsRejected() {
        rejected("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n", Http1Error.LF_EXPECTED);
    }

    @Test
    void obsFoldIsRejected() {
        Http1Harness h = rejected("GET / HTTP/1.1\r\nX: a\r\n  folded\r\n\r\n", Http1Error.INVALID_HEADER_TOKEN);
        assertThat(h.parser.errorReason()).isEqualTo("Unexpected whitespace after header value");
    }

    @Test
    void whitespaceBeforeTheColonIsRejected() {
        rejected("GET / HTTP/1.1\r\nHost : a\r\n\r\n", Http1Error.INVALID_HEADER_TOKEN);
    }

    @Test
    void whitespaceBeforeTheColonOfAFramingHeaderIsRejected() {
        Http1Harness h = rejected("POST / HTTP/1.1\r\nContent-Length : 1\r\n\r\nx", Http1Error.INVALID_HEADER_TOKEN);
        assertThat(h.parser.errorReason()).isEqualTo("Invalid header field char");
    }

    @Test
    void invalidHeaderNameCharacterIsRejected() {
        rejected("GET / HTTP/1.1\r\nX(y): a\r\n\r\n", Http1Error.INVALID_HEADER_TOKEN);
    }

    @Test
    void controlCharacterInHeaderValueIsRejected() {
        Http1Harness h = rejected("GET / HTTP/1.1\r\nX: a\u0001b\r\n\r\n", Http1Error.INVALID_HEADER_TOKEN);
        assertThat(h.parser.errorReason()).isEqualTo("Invalid header value char");
    }

    @Test
    void nulInHeaderValueIsRejected() {
        rejected("GET / HTTP/1.1\r\nX: a\u0000b\r\n\r\n", Http1Error.INVALID_HEADER_TOKEN);
    }

    @Test
    void unknownMethodIsRejected() {
        rejected("FOO / HTTP/1.1\r\n\r\n", Http1Error.INVALID_METHOD);
    }

    @Test
    void lowerCaseMethodIsRejected() {
        rejected("get / HTTP/1.1\r\n\r\n", Http1Error.INVALID_METHOD);
    }

    @Test
    void unsupportedVersionIsRejected() {
        rejected("GET / HTTP/1.2\r\n\r\n", Http1Error.INVALID_VERSION);
    }

    @Test
    void malformedVersionIsRejected() {
        rejected("GET / HTTP/x.1\r\n\r\n", Http1Error.INVALID_VERSION);
    }

    @Test
    void controlCharacterInUrlIsRejected() {
        rejected("GET /a\u0001b HTTP/1.1\r\n\r\n", Http1Error.INVALID_URL);
    }

    @Test
    void nonAsciiByteInUrlIsRejected() {
        rejected("GET /caf\u00e9 HTTP/1.1\r\n\r\n", Http1Error.INVALID_URL);
    }

    @Test
    void spaceAfterTheStartLineIsRejected() {
        rejected("GET / HTTP/1.1\r\n Host: a\r\n\r\n", Http1Error.UNEXPECTED_SPACE);
    }

    @Test
    void dataAfterConnectionCloseIsRejected() {
        rejected("GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n", Http1Error.CLOSED_CONNECTION);
    }

    @Test
    void invalidStatusCodeIsRejected() {
        Http1Harness h = Http1Harness.response().feed("HTTP/1.1 2x0 OK\r\n\r\n");
        assertThat(h.parser.error()).isEqualTo(Http1Error.INVALID_STATUS);
        assertRefusesFurtherInput(h);
    }

    @Test
    void everyRejectionMapsToBadRequestAsInNode() {
        assertThat(Http1Error.INVALID_METHOD.httpStatus()).isEqualTo(400);
        assertThat(Http1Error.HEADER_OVERFLOW.httpStatus()).isEqualTo(431);
        assertThat(Http1Error.CHUNK_EXTENSIONS_OVERFLOW.httpStatus()).isEqualTo(413);
        Http1Harness h = Http1Harness.request().feed("FOO / HTTP/1.1\r\n\r\n");
        Http1ParseException e = h.parser.errorException(3);
        assertThat(e.code()).isEqualTo("HPE_INVALID_METHOD");
        assertThat(e.getMessage()).isEqualTo("Parse Error: Invalid method encountered");
        assertThat(e.bytesParsed()).isEqualTo(3);
    }
}
