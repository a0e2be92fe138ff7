package dev.eventide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written SHA-256 agrees with the JDK's, across the padding edge cases. */
class HashingTest {

    @Test
    void knownVectorOfTheEmptyInput() {
        assertThat(Hashing.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void agreesWithTheJdkAroundEveryBlockBoundary() throws Exception {
        var random = new Random(42);
        for (int size : new int[] {1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_000}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            assertThat(Hashing.sha256(data)).as("size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void updatesInPiecesEqualOneUpdate() {
        byte[] data = "hello, eventide; hello, eventide; hello, eventide; hello!".repeat(5).getBytes();
        var pieces = new Hashing();
        for (int i = 0; i < data.length; i += 7) {
            pieces.update(data, i, Math.min(7, data.length - i));
        }
        assertThat(pieces.hex()).isEqualTo(Hashing.sha256(data));
    }
}
