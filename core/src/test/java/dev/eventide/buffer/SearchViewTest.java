package dev.eventide.buffer;

import static dev.eventide.buffer.BytesTest.assertNodeError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** indexOf, lastIndexOf and includes by example; BytesNodeTest compares thousands of cases with Node. */
class SearchViewTest {
    private final Bytes abcabc = Bytes.from("abcabc");

    @Test
    void stringsAreFoundFromTheOffsetInEitherDirection() {
        assertThat(abcabc.indexOf("bc")).isEqualTo(1);
        assertThat(abcabc.indexOf("bc", 2)).isEqualTo(4);
        assertThat(abcabc.indexOf("bc", -2)).isEqualTo(4);
        assertThat(abcabc.indexOf("zz")).isEqualTo(-1);
        assertThat(abcabc.lastIndexOf("bc")).isEqualTo(4);
        assertThat(abcabc.lastIndexOf("bc", 3)).isEqualTo(1);
        assertThat(abcabc.lastIndexOf("bc", -100)).isEqualTo(-1);
        assertThat(abcabc.indexOf("ab", 5)).isEqualTo(-1);
        assertThat(abcabc.includes("ca")).isTrue();
        assertThat(abcabc.includes("ca", 3)).isFalse();
    }

    @Test
    void anEmptyNeedleMatchesAtTheClampedOffset() {
        assertThat(abcabc.indexOf("", 10)).isEqualTo(6);
        assertThat(abcabc.indexOf("", -100)).isZero();
        assertThat(abcabc.lastIndexOf("", -2)).isEqualTo(4);
        assertThat(Bytes.alloc(0).indexOf("")).isZero();
        assertThat(Bytes.alloc(0).indexOf("a")).isEqualTo(-1);
    }

    @Test
    void theEncodingTurnsTheNeedleIntoBytes() {
        assertThat(abcabc.indexOf("6263", Encoding.HEX)).isEqualTo(1);
        assertThat(abcabc.indexOf("YWI=", 1, Encoding.BASE64)).isEqualTo(3);
        assertThat(abcabc.includes("zz", Encoding.HEX)).isTrue();
        assertThat(abcabc.includes("6361", 0, Encoding.HEX)).isTrue();
        assertThat(abcabc.lastIndexOf("a", Encoding.LATIN1)).isEqualTo(3);
        assertThat(Bytes.from("x\u00e9").indexOf("\u00e9")).isEqualTo(1);
        assertThat(Bytes.from("x\u00e9", Encoding.LATIN1).indexOf("\u00e9", Encoding.LATIN1)).isEqualTo(1);
    }

    @Test
    void utf16leMatchesOnlyAtEvenOffsets() {
        Bytes odd = Bytes.from("ab\u0000b\u0000c", Encoding.LATIN1);
        assertThat(odd.indexOf("b", Encoding.UTF16LE)).isEqualTo(-1);
        assertThat(odd.indexOf(Bytes.from("b", Encoding.UTF16LE), 0, Encoding.UTF16LE)).isEqualTo(-1);
        assertThat(odd.indexOf(Bytes.from("b", Encoding.UTF16LE))).isEqualTo(1);
        assertThat(odd.lastIndexOf("b", Encoding.UTF16LE)).isEqualTo(-1);
        Bytes even = Bytes.from("xyb\u0000b\u0000", Encoding.LATIN1);
        assertThat(even.indexOf("b", Encoding.UTF16LE)).isEqualTo(2);
        assertThat(even.lastIndexOf("b", 3, Encoding.UTF16LE)).isEqualTo(2);
        assertThat(even.lastIndexOf("b", Encoding.UTF16LE)).isEqualTo(4);
    }

    @Test
    void bufferNeedlesInOddHaystacksKeepNodesUtf16Quirk() {
        assertThat(Bytes.from("abc").indexOf(Bytes.from("zz"), 0, Encoding.UTF16LE)).isEqualTo(2);
        assertThat(Bytes.from("abc").indexOf("z", 0, Encoding.UTF16LE)).isEqualTo(-1);
    }

    @Test
    void buffersAreFoundLikeStrings() {
        assertThat(abcabc.indexOf(Bytes.from("ca"))).isEqualTo(2);
        assertThat(abcabc.indexOf(Bytes.from("xcax").subarray(1, 3), 3)).isEqualTo(-1);
        assertThat(abcabc.lastIndexOf(Bytes.from("abc"))).isEqualTo(3);
        assertThat(abcabc.lastIndexOf(Bytes.from("abc"), 2)).isZero();
        assertThat(abcabc.includes(Bytes.from("cab"))).isTrue();
        assertThat(abcabc.includes(Bytes.from("cab"), 3)).isFalse();
    }

    @Test
    void numbersAreBytesModulo256() {
        assertThat(abcabc.indexOf(98)).isEqualTo(1);
        assertThat(abcabc.indexOf(98 + 256)).isEqualTo(1);
        assertThat(abcabc.indexOf(98, 2)).isEqualTo(4);
        assertThat(abcabc.lastIndexOf(98)).isEqualTo(4);
        assertThat(abcabc.lastIndexOf(98, -3)).isEqualTo(1);
        assertThat(abcabc.indexOf(98, 100)).isEqualTo(-1);
        assertThat(abcabc.includes(99)).isTrue();
        assertThat(abcabc.includes(99, 6)).isFalse();
        assertThat(Bytes.of(0xFF).indexOf(-1)).isZero();
    }

    @Test
    void nullNeedlesAreInvalidArgTypes() {
        assertNodeError(() -> abcabc.indexOf((String) null), "ERR_INVALID_ARG_TYPE", null);
        assertNodeError(() -> abcabc.indexOf((Bytes) null), "ERR_INVALID_ARG_TYPE", null);
        assertNodeError(() -> abcabc.indexOf("a", 0, (Encoding) null), "ERR_INVALID_ARG_TYPE", null);
    }
}
