package dev.eventide.buffer;

import static dev.eventide.buffer.BytesTest.assertNodeError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Encoding names: Node's aliases, case-insensitive, and ERR_UNKNOWN_ENCODING for the rest. */
class EncodingTest {
    @Test
    void everyNodeNameAndAliasIsRecognisedInAnyCase() {
        assertThat(Encoding.of("utf8")).isEqualTo(Encoding.UTF8);
        assertThat(Encoding.of("UTF-8")).isEqualTo(Encoding.UTF8);
        assertThat(Encoding.of("Ucs2")).isEqualTo(Encoding.UTF16LE);
        assertThat(Encoding.of("UCS-2")).isEqualTo(Encoding.UTF16LE);
        assertThat(Encoding.of("utf16le")).isEqualTo(Encoding.UTF16LE);
        assertThat(Encoding.of("UTF-16LE")).isEqualTo(Encoding.UTF16LE);
        assertThat(Encoding.of("binary")).isEqualTo(Encoding.LATIN1);
        assertThat(Encoding.of("LATIN1")).isEqualTo(Encoding.LATIN1);
        assertThat(Encoding.of("Ascii")).isEqualTo(Encoding.ASCII);
        assertThat(Encoding.of("HEX")).isEqualTo(Encoding.HEX);
        assertThat(Encoding.of("Base64")).isEqualTo(Encoding.BASE64);
        assertThat(Encoding.of("BASE64URL")).isEqualTo(Encoding.BASE64URL);
        assertThat(Encoding.of(null)).isEqualTo(Encoding.UTF8);
    }

    @Test
    void unknownNamesAreErrUnknownEncoding() {
        assertNodeError(() -> Encoding.of("utf16"), "ERR_UNKNOWN_ENCODING", "Unknown encoding: utf16");
        assertNodeError(() -> Encoding.of("buffer"), "ERR_UNKNOWN_ENCODING", null);
        assertNodeError(() -> Encoding.of(""), "ERR_UNKNOWN_ENCODING", "Unknown encoding: ");
        assertThat(Encoding.isEncoding("utf-16")).isFalse();
        assertThat(Encoding.isEncoding(null)).isFalse();
        assertThat(Encoding.isEncoding("BINARY")).isTrue();
    }

    @Test
    void anEmptyNameMeansUtf8WhereNodeTestsTheEncodingForTruthiness() {
        assertThat(Encoding.orUtf8("")).isEqualTo(Encoding.UTF8);
        assertThat(Encoding.orUtf8(null)).isEqualTo(Encoding.UTF8);
        assertThat(Encoding.orUtf8("hex")).isEqualTo(Encoding.HEX);
    }

    @Test
    void nodeNamesAreTheCanonicalSpellings() {
        assertThat(Encoding.UTF16LE.nodeName()).isEqualTo("utf16le");
        assertThat(Encoding.LATIN1.nodeName()).isEqualTo("latin1");
        assertThat(Encoding.BASE64URL.nodeName()).isEqualTo("base64url");
    }
}
