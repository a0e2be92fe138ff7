package dev.eventide.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bytes' creation, views, copying, filling, comparing, strings and Java interop, with the
 * exact Node error for each bad argument. Numbers and search have their own tests.
 */
class BytesTest {
    static void assertNodeError(Executable call, String code, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(NodeError.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }

    @Test
    void allocIsZeroFilledAndRejectsNegativeSizes() {
        assertThat(Bytes.alloc(4).toByteArray()).containsExactly(0, 0, 0, 0);
        assertThat(Bytes.alloc(0).length()).isZero();
        assertNodeError(() -> Bytes.alloc(-1), "ERR_OUT_OF_RANGE", "The value of \"size\" is out of range. It must be >= 0 && <= 2147483639. Received -1");
        assertNodeError(() -> Bytes.allocUnsafe(-1), "ERR_OUT_OF_RANGE", null);
        assertNodeError(() -> Bytes.allocUnsafeSlow(-1), "ERR_OUT_OF_RANGE", null);
    }

    @Test
    void allocWithAFillRepeatsIt() {
        assertThat(Bytes.alloc(5, 0x101).toString("hex")).isEqualTo("0101010101");
        assertThat(Bytes.alloc(5, "ab").toString()).isEqualTo("ababa");
        assertThat(Bytes.alloc(5, "6162", Encoding.HEX).toString()).isEqualTo("ababa");
        assertThat(Bytes.alloc(3, Bytes.of(1, 2)).toString("hex")).isEqualTo("010201");
        assertThat(Bytes.alloc(0, "ab").length()).isZero();
        assertNodeError(() -> Bytes.alloc(2, "zz", Encoding.HEX), "ERR_INVALID_ARG_VALUE", "The argument 'value' is invalid. Received 'zz'");
    }

    @Test
    void allocUnsafeTakesSmallBuffersFromThePoolAlignedToEightBytes() {
        Bytes first = Bytes.allocUnsafe(10);
        Bytes second = Bytes.allocUnsafe(10);
        assertThat(second.array()).isSameAs(first.array());
        assertThat(second.byteOffset()).isEqualTo(first.byteOffset() + 16);
        assertThat(first.array()).hasSize(8192);
        assertThat(Bytes.allocUnsafe(4095).array()).hasSize(8192);
        assertThat(Bytes.allocUnsafe(4096).array()).hasSize(4096);
        assertThat(Bytes.allocUnsafe(0).length()).isZero();
        assertThat(Bytes.allocUnsafeSlow(10).array()).hasSize(10);
    }

    @Test
    void aRequestThatDoesNotFitTheRestOfThePoolStartsANewPool() {
        Bytes a = Bytes.allocUnsafe(4000);
        Bytes b = Bytes.allocUnsafe(4000);
        Bytes c = Bytes.allocUnsafe(4000);
        assertThat(b.array()).isSameAs(a.array());
        assertThat(c.array()).isNotSameAs(a.array());
        assertThat(c.byteOffset()).isZero();
    }

    @Test
    void poolSizeIsNodesDefaultAndCanBeChanged() {
        assertThat(Bytes.poolSize()).isEqualTo(8192);
        try {
            Bytes.poolSize(64);
            assertThat(Bytes.allocUnsafe(32).array()).hasSize(32);
            // The current 8 KiB slab is used up first; the next slab has the new size.
            Bytes small = Bytes.allocUnsafe(31);
            for (int i = 0; i < 300 && small.array().length != 64; i++) {
                small = Bytes.allocUnsafe(31);
            }
            assertThat(small.array()).hasSize(64);
            Bytes next = Bytes.allocUnsafe(31);
            assertThat(next.array()).isSameAs(small.array());
            assertThat(next.byteOffset()).isEqualTo(32);
            assertNodeError(() -> Bytes.poolSize(-1), "ERR_OUT_OF_RANGE", null);
        } finally {
            Bytes.poolSize(8192);
        }
    }

    @Test
    void fromCopiesArraysBuffersAndByteBuffersButWrapShares() {
        byte[] raw = {1, 2, 3};
        Bytes copy = Bytes.from(raw);
        Bytes view = Bytes.wrap(raw);
        raw[0] = 9;
        assertThat(copy.get(0)).isEqualTo(1);
        assertThat(view.get(0)).isEqualTo(9);
        assertThat(Bytes.wrap(raw, 1, 2).toString("hex")).isEqualTo("0203");
        Bytes again = Bytes.from(view);
        view.set(1, 7);
        assertThat(again.get(1)).isEqualTo(2);
        ByteBuffer bb = ByteBuffer.wrap(new byte[] {5, 6, 7});
        bb.get();
        assertThat(Bytes.from(bb).toString("hex")).isEqualTo("0607");
        assertThat(bb.position()).isEqualTo(1);
        assertThat(Bytes.of(1, 255, 256, -1).toString("hex")).isEqualTo("01ff00ff");
    }

    @Test
    void fromRejectsNullsAndBadRanges() {
        assertNodeError(() -> Bytes.from((String) null), "ERR_INVALID_ARG_TYPE", null);
        assertNodeError(() -> Bytes.from((byte[]) null), "ERR_INVALID_ARG_TYPE", null);
        assertNodeError(() -> Bytes.from((Bytes) null), "ERR_INVALID_ARG_TYPE", null);
        assertNodeError(() -> Bytes.from((ByteBuffer) null), "ERR_INVALID_ARG_TYPE", null);
        assertNodeError(() -> Bytes.wrap(new byte[2], 3, 0), "ERR_OUT_OF_RANGE", null);
        assertNodeError(() -> Bytes.wrap(new byte[2], 1, 2), "ERR_OUT_OF_RANGE", null);
        assertNodeError(() -> Bytes.from("x", "utf-7"), "ERR_UNKNOWN_ENCODING", "Unknown encoding: utf-7");
    }

    @Test
    void fromStringTreatsAMissingOrEmptyEncodingAsUtf8() {
        assertThat(Bytes.from("é", (String) null).toString("hex")).isEqualTo("c3a9");
        assertThat(Bytes.from("é", "").toString("hex")).isEqualTo("c3a9");
        assertThat(Bytes.from("é", "LATIN1").toString("hex")).isEqualTo("e9");
        assertThat(Bytes.byteLength("é", "")).isEqualTo(2);
        assertThat(Bytes.byteLength("é")).isEqualTo(2);
        assertThat(Bytes.byteLength("QUJD", Encoding.BASE64)).isEqualTo(3);
        assertNodeError(() -> Bytes.byteLength(null), "ERR_INVALID_ARG_TYPE", null);
        assertThat(Bytes.isEncoding("UCS-2")).isTrue();
        assertThat(Bytes.isEncoding("utf16")).isFalse();
    }

    @Test
    void concatJoinsTruncatesOrZeroPadsToTheTotalLength() {
        Bytes ab = Bytes.from("ab");
        Bytes cd = Bytes.from("cd");
        assertThat(Bytes.concat(ab, cd).toString()).isEqualTo("abcd");
        assertThat(Bytes.concat(List.of(ab, cd), 3).toString()).isEqualTo("abc");
        assertThat(Bytes.concat(List.of(ab, cd), 6).toString("hex")).isEqualTo("616263640000");
        assertThat(Bytes.concat(List.of()).length()).isZero();
        assertThat(Bytes.concat(List.of(), 5).length()).isZero();
        assertNodeError(() -> Bytes.concat(ab, null), "ERR_INVALID_ARG_TYPE",
                "The \"list[1]\" argument must be an instance of Buffer or Uint8Array. Received null");
        assertNodeError(() -> Bytes.concat(List.of(ab), -1), "ERR_OUT_OF_RANGE", null);
        assertNodeError(() -> Bytes.concat((List<Bytes>) null), "ERR_INVALID_ARG_TYPE", null);
    }

    @Test
    void compareOrdersByUnsignedBytesThenLength() {
        assertThat(Bytes.compare(Bytes.of(1), Bytes.of(0xFF))).isEqualTo(-1);
        assertThat(Bytes.compare(Bytes.of(0xFF), Bytes.of(1, 1))).isEqualTo(1);
        assertThat(Bytes.compare(Bytes.of(1), Bytes.of(1, 0))).isEqualTo(-1);
        assertThat(Bytes.of(1, 2).compare(Bytes.of(1, 2))).isZero();
        assertThat(Bytes.of(1, 2).compareTo(Bytes.of(1, 3))).isEqualTo(-1);
        assertNodeError(() -> Bytes.compare(null, Bytes.of()), "ERR_INVALID_ARG_TYPE",
                "The \"buf1\" argument must be an instance of Buffer or Uint8Array. Received null");
    }

    @Test
    void compareWithRangesFollowsNodesRules() {
        Bytes abc = Bytes.from("abc");
        Bytes abd = Bytes.from("abd");
        assertThat(abc.compare(abd, 0, 2, 0, 2)).isZero();
        assertThat(abc.compare(abd, 5, 3, 0, 3)).isEqualTo(1);
        assertThat(abc.compare(abd, 0, 3, 4, 3)).isEqualTo(-1);
        assertThat(abc.compare(abd, 3, 3, 3, 3)).isZero();
        assertThat(abc.compare(abd, 2, 3, 2, 3)).isEqualTo(-1);
        assertNodeError(() -> abc.compare(abd, 0, 5, 0, 3), "ERR_OUT_OF_RANGE",
                "The value of \"targetEnd\" is out of range. It must be >= 0 && <= 3. Received 5");
        assertNodeError(() -> abc.compare(abd, 0, 3, 0, 4), "ERR_OUT_OF_RANGE",
                "The value of \"sourceEnd\" is out of range. It must be >= 0 && <= 3. Received 4");
        assertNodeError(() -> abc.compare(abd, -1, 3, 0, 3), "ERR_OUT_OF_RANGE", null);
        assertNodeError(() -> abc.compare(abd, 0, 3, -1, 3), "ERR_OUT_OF_RANGE", null);
        assertNodeError(() -> abc.compare(null), "ERR_INVALID_ARG_TYPE", null);
    }

    @Test
    void equalsAndHashCodeFollowTheContent() {
        Bytes a = Bytes.from("xaby").subarray(1, 3);
        Bytes b = Bytes.from("ab");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Bytes.from("abc")).isNotEqualTo("ab");
    }

    @Test
    void subarrayAndSliceShareMemoryAndClampLikeNode() {
        Bytes b = Bytes.from("abcdef");
        Bytes mid = b.subarray(1, 4);
        mid.set(0, 'X');
        assertThat(b.toString()).isEqualTo("aXcdef");
        assertThat(b.slice(-2).toString()).isEqualTo("ef");
        assertThat(b.slice(-100, 2).toString()).isEqualTo("aX");
        assertThat(b.subarray(4, 1).length()).isZero();
        assertThat(b.subarray(2, -1).toString()).isEqualTo("cde");
        assertThat(b.subarray(10).length()).isZero();
        assertThat(b.slice(1, 3).byteOffset()).isEqualTo(b.byteOffset() + 1);
    }

    @Test
    void getAndSetAreNodesIndexingWithJavaBoundsErrors() {
        Bytes b = Bytes.alloc(2);
        b.set(0, 256 + 7);
        b.set(1, -1);
        assertThat(b.get(0)).isEqualTo(7);
        assertThat(b.get(1)).isEqualTo(255);
        assertNodeError(() -> b.get(2), "ERR_OUT_OF_RANGE", "The value of \"index\" is out of range. It must be >= 0 and < 2. Received 2");
        assertNodeError(() -> b.set(-1, 0), "ERR_OUT_OF_RANGE", null);
    }

    @Test
    void toByteArrayCopiesAndToByteBufferViews() {
        Bytes b = Bytes.from("xabc").subarray(1);
        byte[] copy = b.toByteArray();
        copy[0] = 'Z';
        assertThat(b.toString()).isEqualTo("abc");
        ByteBuffer view = b.toByteBuffer();
        assertThat(view.position()).isZero();
        assertThat(view.remaining()).isEqualTo(3);
        view.put(0, (byte) 'Q');
        assertThat(b.toString()).isEqualTo("Qbc");
    }

    @Test
    void copyCopiesWhatFitsAndValidatesLikeNode() {
        Bytes src = Bytes.from("abc");
        Bytes dst = Bytes.alloc(3);
        assertThat(src.copy(dst, 1, 0, 10)).isEqualTo(2);
        assertThat(dst.toString("hex")).isEqualTo("006162");
        assertThat(src.copy(dst, 5)).isZero();
        assertThat(src.copy(dst, 0, 2, 1)).isZero();
        assertThat(src.copy(dst)).isEqualTo(3);
        assertThat(dst.toString()).isEqualTo("abc");
        assertNodeError(() -> src.copy(dst, -1), "ERR_OUT_OF_RANGE", "The value of \"targetStart\" is out of range. It must be >= 0. Received -1");
        assertNodeError(() -> src.copy(dst, 0, 4, 4), "ERR_OUT_OF_RANGE",
                "The value of \"sourceStart\" is out of range. It must be >= 0 && <= 3. Received 4");
        assertNodeError(() -> src.copy(dst, 0, 0, -1), "ERR_OUT_OF_RANGE", "The value of \"sourceEnd\" is out of range. It must be >= 0. Received -1");
        assertNodeError(() -> src.copy(null), "ERR_INVALID_ARG_TYPE", null);
    }

    @Test
    void copyWithinOneArrayHandlesOverlap() {
        Bytes b = Bytes.from("abcdef");
        assertThat(b.copy(b.subarray(2), 0, 0, 4)).isEqualTo(4);
        assertThat(b.toString()).isEqualTo("ababcd");
    }

    @Test
    void fillRepeatsNumbersStringsAndBuffersOverARange() {
        Bytes b = Bytes.alloc(6);
        assertThat(b.fill(0x141).toString("hex")).isEqualTo("414141414141");
        assertThat(b.fill("xy", 1, 6, Encoding.UTF8).toString()).isEqualTo("Axyxyx");
        assertThat(b.fill(0, 2, 4).toString("hex")).isEqualTo("417800007978");
        assertThat(b.fill("").toString("hex")).isEqualTo("000000000000");
        assertThat(b.fill("\u20ac").toString("hex")).isEqualTo("e282ace282ac");
        assertThat(b.fill("00ff", Encoding.HEX).toString("hex")).isEqualTo("00ff00ff00ff");
        assertThat(b.fill(Bytes.of(1, 2, 3, 4), 1, 6).toString("hex")).isEqualTo("000102030401");
        assertThat(b.fill(b.subarray(1, 3)).toString("hex")).isEqualTo("010201020102");
        assertThat(b.fill("a", 4, 2, Encoding.UTF8).toString("hex")).isEqualTo("010201020102");
    }

    @Test
    void fillRejectsBadRangesAndEmptyPatterns() {
        Bytes b = Bytes.alloc(3);
        assertNodeError(() -> b.fill("a", 2, 5, Encoding.UTF8), "ERR_OUT_OF_RANGE",
                "The value of \"end\" is out of range. It must be >= 0 && <= 3. Received 5");
        assertNodeError(() -> b.fill(1, -1, 2), "ERR_OUT_OF_RANGE", null);
        assertNodeError(() -> b.fill("zz", Encoding.HEX), "ERR_INVALID_ARG_VALUE", "The argument 'value' is invalid. Received 'zz'");
        assertNodeError(() -> b.fill(Bytes.alloc(0)), "ERR_INVALID_ARG_VALUE", "The argument 'value' is invalid. Received <Buffer >");
        assertNodeError(() -> b.fill((String) null), "ERR_INVALID_ARG_TYPE", null);
        assertNodeError(() -> b.fill((Bytes) null), "ERR_INVALID_ARG_TYPE", null);
    }

    @Test
    void toStringDecodesRangesAndChecksTheEncodingOnlyWhenNeeded() {
        Bytes b = Bytes.from("héllo");
        assertThat(b.toString()).isEqualTo("héllo");
        assertThat(b.toString(Encoding.HEX)).isEqualTo("68c3a96c6c6f");
        assertThat(b.toString((String) null)).isEqualTo("héllo");
        assertThat(b.toString("utf8", 3, 100)).isEqualTo("llo");
        assertThat(b.toString(Encoding.LATIN1, -3, 2)).isEqualTo("hÃ");
        assertThat(b.toString("nope", 4, 2)).isEmpty();
        assertThat(Bytes.alloc(0).toString("nope")).isEmpty();
        assertNodeError(() -> b.toString("nope"), "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope");
        assertNodeError(() -> b.toString(""), "ERR_UNKNOWN_ENCODING", "Unknown encoding: ");
    }

    @Test
    void inspectPrintsLikeNode() {
        assertThat(Bytes.from("hi").inspect()).isEqualTo("<Buffer 68 69>");
        assertThat(Bytes.alloc(0).inspect()).isEqualTo("<Buffer >");
        assertThat(Bytes.alloc(51).inspect()).endsWith(" 00 ... 1 more byte>");
        assertThat(Bytes.alloc(60).inspect()).endsWith(" ... 10 more bytes>");
    }

    @Test
    void writeEncodesIntoTheBufferAndReturnsTheBytesWritten() {
        Bytes b = Bytes.alloc(4);
        assertThat(b.write("héllo")).isEqualTo(4);
        assertThat(b.toString("hex")).isEqualTo("68c3a96c");
        assertThat(b.write("ab", Encoding.HEX)).isEqualTo(1);
        assertThat(b.write("\u20ac", 2)).isZero();
        assertThat(b.write("zz", 1, Encoding.UTF16LE)).isEqualTo(2);
        assertThat(b.write("xyz", 1, 1)).isEqualTo(1);
        assertThat(b.toString("hex")).isEqualTo("ab78006c");
        assertNodeError(() -> b.write("a", 5), "ERR_OUT_OF_RANGE", "The value of \"offset\" is out of range. It must be >= 0 && <= 4. Received 5");
        assertNodeError(() -> b.write("a", 0, 5), "ERR_OUT_OF_RANGE", "The value of \"length\" is out of range. It must be >= 0 && <= 4. Received 5");
        assertNodeError(() -> b.write(null), "ERR_INVALID_ARG_TYPE", null);
    }
}
