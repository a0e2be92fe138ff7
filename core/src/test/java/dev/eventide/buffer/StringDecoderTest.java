package dev.eventide.buffer;

import static dev.eventide.buffer.BytesTest.assertNodeError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** StringDecoder by example; StringDecoderNodeTest compares random chunkings with Node. */
class StringDecoderTest {
    @Test
    void utf8CharactersSplitAcrossChunksAreHeldBack() {
        StringDecoder d = new StringDecoder();
        Bytes euro = Bytes.from("a\u20acb");
        assertThat(d.write(euro.subarray(0, 2))).isEqualTo("a");
        assertThat(d.write(euro.subarray(2, 3))).isEmpty();
        assertThat(d.write(euro.subarray(3))).isEqualTo("\u20acb");
        assertThat(d.end()).isEmpty();
    }

    @Test
    void anUnfinishedUtf8CharacterEndsAsOneReplacement() {
        StringDecoder d = new StringDecoder("utf8");
        assertThat(d.write(Bytes.of(0xf0, 0x9f, 0x98))).isEmpty();
        assertThat(d.end()).isEqualTo("\ufffd");
        assertThat(d.write(Bytes.of(0x41))).isEqualTo("A");
    }

    @Test
    void aByteThatCannotContinueEndsTheHeldCharacterEarly() {
        StringDecoder d = new StringDecoder();
        assertThat(d.write(Bytes.of(0xe2))).isEmpty();
        assertThat(d.write(Bytes.of(0x41, 0x42))).isEqualTo("\ufffdAB");
    }

    @Test
    void utf16leHoldsOddBytesAndHighSurrogates() {
        StringDecoder d = new StringDecoder(Encoding.UTF16LE);
        Bytes smile = Bytes.from("\ud83d\ude00", Encoding.UTF16LE);
        assertThat(d.write(smile.subarray(0, 2))).isEmpty();
        assertThat(d.write(smile.subarray(2))).isEqualTo("\ud83d\ude00");
        // As in Node, a unit completed from a held odd byte is emitted even when it is a high surrogate.
        assertThat(d.write(smile.subarray(0, 1))).isEmpty();
        assertThat(d.write(smile.subarray(1, 2))).isEqualTo("\ud83d");
        assertThat(d.write(smile.subarray(2))).isEqualTo("\ude00");
        assertThat(d.write(Bytes.of(0x41))).isEmpty();
        assertThat(d.end()).isEmpty();
        assertThat(d.write(Bytes.of(0x3d, 0xd8))).isEmpty();
        assertThat(d.end()).isEqualTo("\ud83d");
    }

    @Test
    void base64EmitsWholeGroupsOfThreeBytesAndPadsAtTheEnd() {
        StringDecoder d = new StringDecoder("base64");
        assertThat(d.write(Bytes.from("ab"))).isEmpty();
        assertThat(d.write(Bytes.from("cd"))).isEqualTo("YWJj");
        assertThat(d.end()).isEqualTo("ZA==");
        StringDecoder url = new StringDecoder(Encoding.BASE64URL);
        assertThat(url.end(Bytes.of(0xfb, 0xff))).isEqualTo("-_8");
    }

    @Test
    void singleByteEncodingsNeverHoldAnythingBack() {
        assertThat(new StringDecoder("hex").write(Bytes.of(0xab))).isEqualTo("ab");
        assertThat(new StringDecoder("latin1").write(Bytes.of(0xe9))).isEqualTo("\u00e9");
        assertThat(new StringDecoder("ascii").write(Bytes.of(0xe9))).isEqualTo("i");
        assertThat(new StringDecoder("binary").end()).isEmpty();
    }

    @Test
    void endWithAChunkWritesItFirst() {
        StringDecoder d = new StringDecoder();
        assertThat(d.write(Bytes.of(0xc3))).isEmpty();
        assertThat(d.end(Bytes.of(0xa9, 0xc3))).isEqualTo("\u00e9\ufffd");
    }

    @Test
    void encodingNamesFollowNode() {
        assertThat(new StringDecoder("").encoding()).isEqualTo(Encoding.UTF8);
        assertThat(new StringDecoder((String) null).encoding()).isEqualTo(Encoding.UTF8);
        assertThat(new StringDecoder("UCS2").encoding()).isEqualTo(Encoding.UTF16LE);
        assertNodeError(() -> new StringDecoder("buffer"), "ERR_UNKNOWN_ENCODING", "Unknown encoding: buffer");
        assertNodeError(() -> new StringDecoder((Encoding) null), "ERR_INVALID_ARG_TYPE", null);
        assertNodeError(() -> new StringDecoder().write(null), "ERR_INVALID_ARG_TYPE",
                "The \"buf\" argument must be an instance of Buffer, TypedArray, or DataView. Received null");
    }
}
