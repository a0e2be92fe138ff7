package dev.eventide.zlib;

import static dev.eventide.zlib.ZlibConstants.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental engine without streams: round trips in every mode and level, chunk sizes,
 * flush modes, params, reset, and input split at every byte.
 */
class ZlibCodecTest {
    static final Bytes TEXT = Bytes.from(TestData.mixedText(200_000, 7));

    @Test
    void everyCompressorRoundTripsThroughItsDecompressorsAtEveryLevel() {
        ZlibMode[][] pairs = {{ZlibMode.GZIP, ZlibMode.GUNZIP}, {ZlibMode.GZIP, ZlibMode.UNZIP},
            {ZlibMode.DEFLATE, ZlibMode.INFLATE}, {ZlibMode.DEFLATE, ZlibMode.UNZIP},
            {ZlibMode.DEFLATERAW, ZlibMode.INFLATERAW}};
        for (int level = -1; level <= 9; level++) {
            ZlibOptions options = ZlibOptions.builder().level(level).build();
            for (ZlibMode[] pair : pairs) {
                Bytes packed = all(ZlibCodec.create(pair[0], options), TEXT, Z_FINISH);
                Bytes unpacked = all(ZlibCodec.create(pair[1], null), packed, Z_FINISH);
                assertThat(unpacked).as(pair[0] + " -> " + pair[1] + " level " + level).isEqualTo(TEXT);
            }
        }
    }

    @Test
    void outputComesInChunksOfAtMostChunkSize() {
        List<Bytes> chunks = new ArrayList<>();
        ZlibCodec gzip = ZlibCodec.create(ZlibMode.GZIP, ZlibOptions.builder().level(0).chunkSize(64).build());
        gzip.write(TEXT.subarray(0, 10_000), Z_FINISH, chunks::add);
        assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isBetween(1, 64));
        ZlibCodec gunzip = ZlibCodec.create(ZlibMode.GUNZIP, ZlibOptions.builder().chunkSize(100).build());
        List<Bytes> out = new ArrayList<>();
        gunzip.write(Bytes.concat(chunks), Z_FINISH, out::add);
        assertThat(out).allSatisfy(c -> assertThat(c.length()).isBetween(1, 100));
        assertThat(Bytes.concat(out)).isEqualTo(TEXT.subarray(0, 10_000));
    }

    @Test
    void syncAndFullFlushMakeEverythingWrittenSoFarDecodable() {
        for (int flush : new int[] {Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_PARTIAL_FLUSH, Z_BLOCK}) {
            ZlibCodec deflate = ZlibCodec.create(ZlibMode.DEFLATE, null);
            ZlibCodec inflate = ZlibCodec.create(ZlibMode.INFLATE, null);
            Bytes first = all(deflate, Bytes.from("first part, "), flush);
            assertThat(all(inflate, first, Z_NO_FLUSH).toString()).as("flush " + flush).isEqualTo("first part, ");
            Bytes second = all(deflate, Bytes.from("second part"), Z_FINISH);
            assertThat(all(inflate, second, Z_FINISH).toString()).isEqualTo("second part");
        }
    }

    @Test
    void noFlushHoldsSmallInputBack() {
        ZlibCodec deflate = ZlibCodec.create(ZlibMode.DEFLATERAW, null);
        assertThat(all(deflate, Bytes.from("tiny"), Z_NO_FLUSH).length()).isZero();
        assertThat(all(deflate, Bytes.alloc(0), Z_FINISH).length()).isPositive();
    }

    @Test
    void paramsChangeTheLevelForDataWrittenNext() {
        ZlibCodec deflate = ZlibCodec.create(ZlibMode.DEFLATE, ZlibOptions.builder().level(0).build());
        Bytes stored = all(deflate, TEXT.subarray(0, 50_000), Z_SYNC_FLUSH);
        assertThat(stored.length()).isGreaterThan(50_000);
        deflate.params(9, Z_DEFAULT_STRATEGY);
        Bytes packed = all(deflate, TEXT.subarray(50_000, 100_000), Z_FINISH);
        assertThat(packed.length()).isLessThan(25_000);
        assertThat(Zlib.inflateSync(Bytes.concat(stored, packed))).isEqualTo(TEXT.subarray(0, 100_000));
        assertThatThrownBy(() -> deflate.params(10, 0)).hasMessage(
                "The value of \"level\" is out of range. It must be >= -1 and <= 9. Received 10");
    }

    @Test
    void resetStartsANewStreamWithTheSameOptions() {
        ZlibCodec gzip = ZlibCodec.create(ZlibMode.GZIP, null);
        Bytes a = all(gzip, Bytes.from("first"), Z_FINISH);
        gzip.reset();
        Bytes b = all(gzip, Bytes.from("second"), Z_FINISH);
        assertThat(a.subarray(0, 10)).isEqualTo(b.subarray(0, 10));
        assertThat(Zlib.gunzipSync(Bytes.concat(a, b)).toString()).isEqualTo("firstsecond");
        ZlibCodec unzip = ZlibCodec.create(ZlibMode.UNZIP, null);
        assertThat(all(unzip, a, Z_FINISH).toString()).isEqualTo("first");
        unzip.reset();
        assertThat(all(unzip, Zlib.deflateSync("zlib now"), Z_FINISH).toString()).isEqualTo("zlib now");
    }

    @Test
    void bytesWrittenCountsTheInputFed() {
        ZlibCodec gzip = ZlibCodec.create(ZlibMode.GZIP, null);
        all(gzip, Bytes.from("12345"), Z_NO_FLUSH);
        all(gzip, Bytes.from("678"), Z_FINISH);
        assertThat(gzip.bytesWritten()).isEqualTo(8);
    }

    @Test
    void gzipHeaderMatchesZlibsForEachLevelAndStrategy() {
        assertThat(header(-1, 0)).isEqualTo("1f8b0800000000000003");
        assertThat(header(1, 0)).isEqualTo("1f8b0800000000000403");
        assertThat(header(0, 0)).isEqualTo("1f8b0800000000000403");
        assertThat(header(9, 0)).isEqualTo("1f8b0800000000000203");
        assertThat(header(6, Z_HUFFMAN_ONLY)).isEqualTo("1f8b0800000000000403");
        assertThat(NodeOracle.hex(Zlib.gzipSync("").toByteArray())).isEqualTo("1f8b080000000000000303000000000000000000");
        assertThat(NodeOracle.hex(Zlib.deflateSync("a").toByteArray())).isEqualTo("789c4b040000620062");
    }

    @Test
    void everySplitOfAFullGzipHeaderDecodesTheSame() {
        // FTEXT|FHCRC|FEXTRA|FNAME|FCOMMENT with extra "abc", name "file.txt", comment "comment" (made by node).
        byte[] member = HexFormat.of().parseHex("1f8b081e000000000003030061626366696c652e74787400636f6d6d656e74005f2f"
                + "cb4bcc4d4d010087cce07105000000");
        for (int cut = 0; cut <= member.length; cut++) {
            ZlibCodec gunzip = ZlibCodec.create(ZlibMode.GUNZIP, null);
            Bytes first = all(gunzip, Bytes.wrap(member, 0, cut), Z_NO_FLUSH);
            Bytes rest = all(gunzip, Bytes.wrap(member, cut, member.length - cut), Z_FINISH);
            assertThat(Bytes.concat(first, rest).toString()).as("cut at " + cut).isEqualTo("named");
        }
        ZlibCodec bytewise = ZlibCodec.create(ZlibMode.UNZIP, null);
        List<Bytes> out = new ArrayList<>();
        for (int i = 0; i < member.length; i++) {
            bytewise.write(Bytes.wrap(member, i, 1), Z_NO_FLUSH, out::add);
        }
        bytewise.write(Bytes.alloc(0), Z_FINISH, out::add);
        assertThat(Bytes.concat(out).toString()).isEqualTo("named");
    }

    @Test
    void randomSplitsOfConcatenatedMembersDecodeTheSame() {
        Random random = new Random(3);
        Bytes two = Bytes.concat(Zlib.gzipSync(TEXT.subarray(0, 30_000)), Zlib.gzipSync(TEXT.subarray(30_000, 31_000)));
        for (int round = 0; round < 50; round++) {
            ZlibCodec gunzip = ZlibCodec.create(ZlibMode.GUNZIP, ZlibOptions.builder().chunkSize(1000).build());
            List<Bytes> out = new ArrayList<>();
            int at = 0;
            while (at < two.length()) {
                int n = Math.min(two.length() - at, 1 + random.nextInt(40));
                gunzip.write(two.subarray(at, at + n), Z_NO_FLUSH, out::add);
                at += n;
            }
            gunzip.write(Bytes.alloc(0), Z_FINISH, out::add);
            assertThat(Bytes.concat(out)).isEqualTo(TEXT.subarray(0, 31_000));
        }
    }

    @Test
    void dictionaryIsUsedByDeflateAndInflate() {
        Bytes dict = Bytes.from("hello world");
        ZlibOptions withDict = ZlibOptions.builder().dictionary(dict).build();
        Bytes packed = Zlib.deflateSync(Bytes.from("hello world hello"), withDict);
        assertThat(NodeOracle.hex(packed.toByteArray())).startsWith("78bb1a0b045d"); // FDICT and node's dictionary id
        assertThat(Zlib.inflateSync(packed, withDict).toString()).isEqualTo("hello world hello");
        Bytes raw = Zlib.deflateRawSync(Bytes.from("hello world hello"), withDict);
        assertThat(Zlib.inflateRawSync(raw, withDict).toString()).isEqualTo("hello world hello");
    }

    @Test
    void aDecompressorStopsAtItsBudgetAndResumesWhereItStopped() {
        Bytes packed = Zlib.gzipSync(TEXT);
        ZlibCodec gunzip = ZlibCodec.create(ZlibMode.GUNZIP, null);
        List<Bytes> out = new ArrayList<>();
        Bytes rest = packed;
        int rounds = 0;
        while (true) {
            int before = out.size();
            int taken = gunzip.write(rest, Z_FINISH, out::add, 20_000);
            rounds++;
            long made = out.subList(before, out.size()).stream().mapToLong(Bytes::length).sum();
            assertThat(made).isLessThan(20_000 + 16 * 1024);
            if (taken == rest.length()) {
                break;
            }
            rest = rest.subarray(taken);
        }
        assertThat(rounds).isGreaterThan(5);
        assertThat(Bytes.concat(out)).isEqualTo(TEXT);
        assertThat(gunzip.bytesWritten()).isEqualTo(packed.length());
    }

    @Test
    void aCodecIsClosedAfterAnError() {
        ZlibCodec gunzip = ZlibCodec.create(ZlibMode.GUNZIP, null);
        assertThatThrownBy(() -> all(gunzip, Bytes.from("not gzip"), Z_NO_FLUSH)).isInstanceOf(ZlibError.class);
        assertThat(gunzip.isClosed()).isTrue();
        assertThatThrownBy(() -> all(gunzip, Bytes.from("x"), Z_NO_FLUSH))
                .isInstanceOfSatisfying(ZlibError.class, e -> assertThat(e.code()).isEqualTo("Z_STREAM_ERROR"));
    }

    static Bytes all(ZlibCodec codec, Bytes input, int flush) {
        List<Bytes> out = new ArrayList<>();
        codec.write(input, flush, out::add);
        return Bytes.concat(out);
    }

    private static String header(int level, int strategy) {
        Bytes gz = Zlib.gzipSync(Bytes.from("x"), ZlibOptions.builder().level(level).strategy(strategy).build());
        return NodeOracle.hex(gz.subarray(0, 10).toByteArray());
    }
}
