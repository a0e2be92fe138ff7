package dev.eventide.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** randomBytes, randomUUID, randomInt, getRandomValues and timingSafeEqual with Node's ranges and errors. */
class RandomTest {
    @Test
    void randomBytesHasTheSizeAskedAndNodesLimits() {
        assertThat(Crypto.randomBytes(0).length()).isZero();
        assertThat(Crypto.randomBytes(33).length()).isEqualTo(33);
        assertThat(Crypto.randomBytes(32)).isNotEqualTo(Crypto.randomBytes(32));
        assertThatThrownBy(() -> Crypto.randomBytes(-1))
                .hasMessage("The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received -1");
        assertThatThrownBy(() -> Crypto.randomBytes(1L << 31))
                .hasMessage("The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received 2147483648");
        assertThat(OnLoop.await(() -> Crypto.randomBytesAsync(16)).length()).isEqualTo(16);
        assertThatThrownBy(() -> OnLoop.await(() -> Crypto.randomBytesAsync(-5)))
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_OUT_OF_RANGE");
    }

    @Test
    void randomUuidIsVersion4() {
        String id = Crypto.randomUUID();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(Crypto.randomUUID()).isNotEqualTo(id);
    }

    @Test
    void randomIntStaysInRangeAndCoversIt() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            long v = Crypto.randomInt(-3, 3);
            assertThat(v).isBetween(-3L, 2L);
            seen.add(v);
        }
        assertThat(seen).hasSize(6);
        assertThat(Crypto.randomInt(1)).isZero();
        assertThat(Crypto.randomInt(0xFFFF_FFFF_FFFFL)).isBetween(0L, 0xFFFF_FFFF_FFFEL);
    }

    @Test
    void randomIntRejectsWhatNodeRejects() {
        assertThatThrownBy(() -> Crypto.randomInt(5, 5)).hasMessage(
                "The value of \"max\" is out of range. It must be greater than the value of \"min\" (5). Received 5");
        assertThatThrownBy(() -> Crypto.randomInt(1L << 48)).hasMessage(
                "The value of \"max\" is out of range. It must be <= 281474976710655. Received 281_474_976_710_656");
        assertThatThrownBy(() -> Crypto.randomInt(0, (1L << 48) + 1)).hasMessage(
                "The value of \"max - min\" is out of range. It must be <= 281474976710655. Received 281_474_976_710_657");
        assertThatThrownBy(() -> Crypto.randomInt(1L << 53)).extracting(e -> ((NodeError) e).code())
                .isEqualTo("ERR_INVALID_ARG_TYPE");
    }

    @Test
    void getRandomValuesFillsInPlaceUpToTheQuota() {
        Bytes b = Bytes.alloc(64);
        assertThat(Crypto.getRandomValues(b)).isSameAs(b);
        assertThat(b).isNotEqualTo(Bytes.alloc(64));
        byte[] a = new byte[65536];
        Crypto.getRandomValues(a);
        assertThatThrownBy(() -> Crypto.getRandomValues(new byte[65537])).hasMessage(
                "The ArrayBufferView's byte length (65537) exceeds the number of bytes of entropy available via this API (65536)");
    }

    @Test
    void timingSafeEqualComparesAndRejectsDifferentLengths() {
        assertThat(Crypto.timingSafeEqual(Bytes.from("abc"), "abc".getBytes())).isTrue();
        assertThat(Crypto.timingSafeEqual(Bytes.from("abc"), Bytes.from("abd"))).isFalse();
        assertThatThrownBy(() -> Crypto.timingSafeEqual(Bytes.alloc(1), Bytes.alloc(2)))
                .hasMessage("Input buffers must have the same byte length")
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH");
    }
}
