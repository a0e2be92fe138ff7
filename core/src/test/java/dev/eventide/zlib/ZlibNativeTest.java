package dev.eventide.zlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The libdeflate fast path of the buffer forms ({@link NativeZlib}): when it is chosen, that its
 * output is valid for zlib, gzip(1) and node, and that every verdict on bad input equals the JDK
 * path's (which the other zlib tests hold to Node's). Tests that need the library are skipped
 * when it is not in use (no libdeflate, or no --enable-native-access=dev.eventide).
 */
class ZlibNativeTest {
    private static final Bytes TEXT = Bytes.from(TestData.mixedText(300_000, 7));
    private static final ZlibMode[] COMPRESSORS = {ZlibMode.GZIP, ZlibMode.DEFLATE, ZlibMode.DEFLATERAW};

    private static void assumeActive() {
        assumeTrue(NativeZlib.active(), "libdeflate is not in use (library or native access missing)");
    }

    private static ZlibSettings settings(ZlibMode mode, ZlibOptions options) {
        return ZlibSettings.of(mode, options);
    }

    private static ZlibOptions level(int level) {
        return ZlibOptions.builder().level(level).build();
    }

    private static ZlibMode inverse(ZlibMode mode) {
        return switch (mode) {
            case GZIP -> ZlibMode.GUNZIP;
            case DEFLATE -> ZlibMode.INFLATE;
            default -> ZlibMode.INFLATERAW;
        };
    }

    /** The output's length and CRC-32, or the error's code, errno and message. */
    private static String outcome(Supplier<Bytes> run) {
        try {
            Bytes b = run.get();
            return "ok " + b.length() + " " + Zlib.crc32(b);
        } catch (ZlibError e) {
            return e.code() + " " + e.errno() + " " + e.getMessage();
        } catch (NodeError e) {
            return e.code() + " " + e.getMessage();
        }
    }

    private static String both(ZlibMode mode, Bytes input, ZlibOptions options) {
        ZlibSettings s = settings(mode, options);
        String fast = outcome(() -> ZlibBuffers.run(s, input));
        String jdk = outcome(() -> ZlibBuffers.runJdk(s, input));
        assertThat(fast).as("%s of %s", mode, NodeOracle.hex(Arrays.copyOf(input.toByteArray(), Math.min(40, input.length()))))
                .isEqualTo(jdk);
        return fast;
    }

    // ---- selection ----

    @Test
    void libdeflateIsWantedOnlyWithNativeAccessAndWithoutTheJdkSwitch() {
        assertThat(NativeZlib.wanted(null, null, true)).isTrue();
        assertThat(NativeZlib.wanted(null, null, false)).isFalse();
        assertThat(NativeZlib.wanted("jdk", null, true)).isFalse();
        assertThat(NativeZlib.wanted(null, "jdk", true)).isFalse();
        assertThat(NativeZlib.wanted(null, " JDK ", true)).isFalse();
        assertThat(NativeZlib.wanted("native", "jdk", true)).as("the property wins").isTrue();
        assertThat(NativeZlib.wanted("native", null, false)).isFalse();
    }

    @Test
    void onlyOptionsLibdeflateHonoursExactlyTakeTheFastPath() {
        assertThat(NativeZlib.eligible(settings(ZlibMode.GZIP, null))).isTrue();
        for (int l = -1; l <= 9; l++) {
            assertThat(NativeZlib.eligible(settings(ZlibMode.DEFLATE, level(l)))).isTrue();
        }
        assertThat(NativeZlib.eligible(settings(ZlibMode.GZIP, ZlibOptions.builder().windowBits(14).build()))).isFalse();
        assertThat(NativeZlib.eligible(settings(ZlibMode.GZIP, ZlibOptions.builder().memLevel(9).build()))).isFalse();
        assertThat(NativeZlib.eligible(settings(ZlibMode.GZIP, ZlibOptions.builder().strategy(1).build()))).isFalse();
        assertThat(NativeZlib.eligible(settings(ZlibMode.DEFLATE, ZlibOptions.builder().dictionary(Bytes.from("d")).build())))
                .isFalse();
        assertThat(NativeZlib.eligible(settings(ZlibMode.GZIP, ZlibOptions.builder().maxOutputLength(100).build()))).isFalse();
        assertThat(NativeZlib.eligible(settings(ZlibMode.GZIP, ZlibOptions.builder().finishFlush(2).build()))).isFalse();
        for (ZlibMode m : new ZlibMode[] {ZlibMode.GUNZIP, ZlibMode.INFLATE, ZlibMode.UNZIP, ZlibMode.INFLATERAW}) {
            assertThat(NativeZlib.eligible(settings(m, null))).as("%s", m).isTrue();
            assertThat(NativeZlib.eligible(settings(m, ZlibOptions.builder().maxOutputLength(100).level(1).build()))).isTrue();
            assertThat(NativeZlib.eligible(settings(m, ZlibOptions.builder().windowBits(15).build()))).isTrue();
            assertThat(NativeZlib.eligible(settings(m, ZlibOptions.builder().windowBits(12).build()))).isFalse();
            assertThat(NativeZlib.eligible(settings(m, ZlibOptions.builder().finishFlush(2).build()))).isFalse();
        }
    }

    @Test
    void theJdkSwitchOrMissingAccessLeavesEveryFormOnTheJdkPath() {
        assumeTrue(!NativeZlib.active(), "libdeflate is in use in this JVM");
        assertThat(NativeZlib.run(settings(ZlibMode.GZIP, null), TEXT)).isNull();
        assertThat(Zlib.gzipSync(TEXT)).isEqualTo(ZlibBuffers.runJdk(settings(ZlibMode.GZIP, null), TEXT));
    }

    // ---- compression ----

    @Test
    void everyLevelRoundTripsThroughBothPaths() {
        assumeActive();
        for (ZlibMode mode : COMPRESSORS) {
            for (int l = -1; l <= 9; l++) {
                ZlibSettings s = settings(mode, level(l));
                Bytes packed = NativeZlib.run(s, TEXT);
                assertThat(packed).as("%s level %d took the fast path", mode, l).isNotNull();
                ZlibSettings back = settings(inverse(mode), null);
                assertThat(ZlibBuffers.runJdk(back, packed)).isEqualTo(TEXT);
                assertThat(ZlibBuffers.run(back, packed)).isEqualTo(TEXT);
                assertThat(NativeZlib.run(back, ZlibBuffers.runJdk(s, TEXT))).isEqualTo(TEXT);
            }
        }
    }

    @Test
    void gzipHeadersAreTheOnesZlibWrites() {
        assumeActive();
        for (int l = -1; l <= 9; l++) {
            byte[] ours = Zlib.gzipSync(TEXT, level(l)).toByteArray();
            byte[] jdk = ZlibBuffers.runJdk(settings(ZlibMode.GZIP, level(l)), TEXT).toByteArray();
            assertThat(NodeOracle.hex(Arrays.copyOf(ours, 10))).as("level %d", l).isEqualTo(NodeOracle.hex(Arrays.copyOf(jdk, 10)));
        }
        assertThat(NodeOracle.hex(Zlib.gzipSync("").toByteArray())).isEqualTo("1f8b080000000000000303000000000000000000");
    }

    @Test
    void smallInputsCompressOnTheJdkPathToNodesExactBytes() {
        assumeActive();
        Bytes small = Bytes.alloc(NativeZlib.MIN_COMPRESS - 1, 'a');
        assertThat(NativeZlib.run(settings(ZlibMode.DEFLATE, null), small)).isNull();
        assertThat(NativeZlib.run(settings(ZlibMode.DEFLATE, null), Bytes.concat(small, Bytes.from("x")))).isNotNull();
        assertThat(NodeOracle.hex(Zlib.deflateSync("a").toByteArray())).isEqualTo("789c4b040000620062");
    }

    @Test
    void smallAndIncompressibleInputsRoundTrip() {
        assumeActive();
        byte[] noise = new byte[100_000];
        new java.util.SplittableRandom(3).nextBytes(noise);
        for (Bytes input : List.of(Bytes.from("a"), Bytes.alloc(1024), Bytes.wrap(noise), Bytes.alloc(1 << 20))) {
            for (ZlibMode mode : COMPRESSORS) {
                assertThat(ZlibBuffers.run(settings(inverse(mode), null), ZlibBuffers.run(settings(mode, null), input)))
                        .isEqualTo(input);
            }
        }
    }

    // ---- decompression ----

    @Test
    void concatenatedMembersAllDecompressAsNodeDoes() {
        assumeActive();
        Bytes a = Zlib.gzipSync("first ");
        Bytes b = Zlib.gzipSync(TEXT);
        Bytes c = ZlibBuffers.runJdk(settings(ZlibMode.GZIP, null), Bytes.from(" third"));
        Bytes all = Bytes.concat(a, b, c);
        Bytes expected = Bytes.concat(Bytes.from("first "), TEXT, Bytes.from(" third"));
        assertThat(NativeZlib.run(settings(ZlibMode.GUNZIP, null), all)).isEqualTo(expected);
        assertThat(NativeZlib.run(settings(ZlibMode.UNZIP, null), all)).isEqualTo(expected);
        assertThat(both(ZlibMode.GUNZIP, Bytes.concat(a, b, Bytes.alloc(3), c), null))
                .isEqualTo(outcome(() -> Bytes.concat(Bytes.from("first "), TEXT)));
        for (Bytes tail : List.of(Bytes.from("garbage"), Bytes.of(0x1f), Bytes.of(0x1f, 0x8b), Zlib.deflateSync("z"),
                a.subarray(0, a.length() - 1))) {
            both(ZlibMode.GUNZIP, Bytes.concat(a, tail), null);
            both(ZlibMode.UNZIP, Bytes.concat(a, tail), null);
            both(ZlibMode.INFLATE, Bytes.concat(Zlib.deflateSync("zz"), tail), null);
            both(ZlibMode.INFLATERAW, Bytes.concat(Zlib.deflateRawSync("rr"), tail), null);
        }
    }

    @Test
    void everyTruncationAndCorruptionFailsAsTheJdkPathFails() {
        assumeActive();
        Bytes text = Bytes.from(TestData.mixedText(3000, 11));
        for (ZlibMode mode : COMPRESSORS) {
            byte[] packed = ZlibBuffers.run(settings(mode, null), text).toByteArray();
            ZlibMode back = inverse(mode);
            for (int n = 0; n < packed.length; n++) {
                both(back, Bytes.wrap(Arrays.copyOf(packed, n)), null);
                if (back != ZlibMode.INFLATERAW) {
                    both(ZlibMode.UNZIP, Bytes.wrap(Arrays.copyOf(packed, n)), null);
                }
            }
            for (int i = 0; i < packed.length; i += Math.max(1, i / 8)) {
                for (int mask : new int[] {0x01, 0x10, 0x80, 0xff}) {
                    byte[] bad = packed.clone();
                    bad[i] ^= (byte) mask;
                    both(back, Bytes.wrap(bad), null);
                }
            }
        }
    }

    @Test
    void aGzipHeaderCrcIsCheckedAsZlibChecksIt() {
        assumeActive();
        byte[] plain = Zlib.gzipSync("header crc").toByteArray();
        for (int crc : new int[] {0x0000, 0xffff, headerCrc(plain)}) {
            byte[] withCrc = new byte[plain.length + 2];
            System.arraycopy(plain, 0, withCrc, 0, 10);
            withCrc[3] = 0x02;
            withCrc[10] = (byte) crc;
            withCrc[11] = (byte) (crc >>> 8);
            System.arraycopy(plain, 10, withCrc, 12, plain.length - 10);
            both(ZlibMode.GUNZIP, Bytes.wrap(withCrc), null);
        }
        assertThat(Zlib.gunzipSync(Bytes.wrap(plain)).toString()).isEqualTo("header crc");
    }

    private static int headerCrc(byte[] member) {
        CRC32 crc = new CRC32();
        byte[] head = Arrays.copyOf(member, 10);
        head[3] = 0x02;
        crc.update(head);
        return (int) crc.getValue() & 0xffff;
    }

    @Test
    void maxOutputLengthIsExactAndReportedAsTheJdkPathReportsIt() {
        assumeActive();
        Bytes gz = Zlib.gzipSync(TEXT);
        Bytes twice = Bytes.concat(gz, gz);
        ZlibOptions exact = ZlibOptions.builder().maxOutputLength(TEXT.length()).build();
        ZlibOptions under = ZlibOptions.builder().maxOutputLength(TEXT.length() - 1).build();
        assertThat(NativeZlib.run(settings(ZlibMode.GUNZIP, exact), gz)).isEqualTo(TEXT);
        assertThat(NativeZlib.run(settings(ZlibMode.GUNZIP, under), gz)).isNull();
        assertThat(both(ZlibMode.GUNZIP, gz, under))
                .isEqualTo("ERR_BUFFER_TOO_LARGE Cannot create a Buffer larger than " + (TEXT.length() - 1) + " bytes");
        ZlibOptions two = ZlibOptions.builder().maxOutputLength(2L * TEXT.length()).build();
        assertThat(NativeZlib.run(settings(ZlibMode.GUNZIP, two), twice)).isEqualTo(Bytes.concat(TEXT, TEXT));
        both(ZlibMode.GUNZIP, twice, ZlibOptions.builder().maxOutputLength(2L * TEXT.length() - 1).build());
        both(ZlibMode.INFLATE, Zlib.deflateSync(TEXT), under);
        both(ZlibMode.INFLATERAW, Zlib.deflateRawSync(TEXT), exact);
    }

    @Test
    void aZipBombStopsAtTheLimitAndTheFirstGuessStaysBounded() {
        assumeActive();
        Bytes bomb = ZlibBombTest.zeroBomb(64);
        ZlibOptions limit = ZlibOptions.builder().maxOutputLength(4 << 20).build();
        assertThat(NativeZlib.run(settings(ZlibMode.GUNZIP, limit), bomb)).isNull();
        assertThatThrownBy(() -> Zlib.gunzipSync(bomb, limit)).isInstanceOfSatisfying(NodeError.class,
                e -> assertThat(e.code()).isEqualTo("ERR_BUFFER_TOO_LARGE"));
        assertThat(Zlib.gunzipSync(bomb).length()).isEqualTo(64 << 20);
        // An ISIZE that claims 4 GiB on a tiny input is not believed past deflate's ratio.
        MemorySegment liar = MemorySegment.ofArray(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0,
            -1, -1, -1, -1});
        assertThat(NativeZlib.guess(liar, true)).isEqualTo(20 * 1032 + (64 << 10));
        assertThat(NativeZlib.guess(MemorySegment.ofArray(new byte[1000]), false)).isEqualTo(64 << 10);
    }

    @Test
    void thePromiseFormsAndVirtualThreadsUseTheFastPathToo() throws Exception {
        assumeActive();
        List<Object> log = new ArrayList<>();
        EventLoop.run(() -> Zlib.gzip(TEXT).thenCompose(packed -> Zlib.gunzip(packed)).then(back -> log.add(back.equals(TEXT))));
        assertThat(log).containsExactly(true);
        Bytes[] fromVirtual = new Bytes[1];
        Thread.ofVirtual().start(() -> fromVirtual[0] = Zlib.inflateSync(Zlib.deflateSync(TEXT, level(1)))).join();
        assertThat(fromVirtual[0]).isEqualTo(TEXT);
    }

    // ---- interop ----

    @Test
    void gzipDecompressesEveryLevel() throws Exception {
        assumeActive();
        NodeOracle.assumeProgram("gzip");
        for (int l : new int[] {0, 1, 6, 9}) {
            byte[] out = NodeOracle.exec(Zlib.gzipSync(TEXT, level(l)).toByteArray(), "gzip", "-d", "-c");
            assertThat(Bytes.wrap(out)).as("level %d", l).isEqualTo(TEXT);
        }
    }

    @Test
    void nodeDecompressesEveryFormat() throws Exception {
        assumeActive();
        NodeOracle.assumeNode();
        Path dir = Files.createTempDirectory("eventide-native-");
        try {
            Files.write(dir.resolve("gz"), Zlib.gzipSync(TEXT, level(9)).toByteArray());
            Files.write(dir.resolve("zl"), Zlib.deflateSync(TEXT, level(1)).toByteArray());
            Files.write(dir.resolve("raw"), Zlib.deflateRawSync(TEXT).toByteArray());
            String d = dir.toString().replace("\\", "/");
            List<String> lines = NodeOracle.run("const z = require('zlib'), fs = require('fs');\n"
                    + "for (const [f, fn] of [['gz', 'gunzipSync'], ['zl', 'inflateSync'], ['raw', 'inflateRawSync']])\n"
                    + "  console.log(z.crc32 ? z.crc32(z[fn](fs.readFileSync('" + d + "/' + f))) : z[fn](fs.readFileSync('"
                    + d + "/' + f)).length);\n");
            long expected = Zlib.crc32(TEXT);
            assertThat(lines).allSatisfy(line -> assertThat(line).isIn(String.valueOf(expected), String.valueOf(TEXT.length())))
                    .hasSize(3);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
