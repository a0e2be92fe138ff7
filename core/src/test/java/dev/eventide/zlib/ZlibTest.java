package dev.eventide.zlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The facade: crc32 against Node 20.15+, argument checks of the buffer forms, the output limit
 * of the buffer forms, and Node's constants.
 */
class ZlibTest {
    @Test
    void crc32MatchesNodeForDataAndStartValues() throws Exception {
        Random random = new Random(5);
        List<String> hexes = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[random.nextInt(i < 100 ? 20 : 5000)];
            random.nextBytes(data);
            hexes.add(HexFormat.of().formatHex(data));
            starts.add(i % 3 == 0 ? 0 : i % 3 == 1 ? random.nextLong(0x1_0000_0000L) : 0xFFFF_FFFFL);
        }
        StringBuilder js = new StringBuilder("const z = require('zlib');\nif (!z.crc32) { console.log('none'); process.exit(0); }\n");
        js.append("for (const [h, v] of ").append(pairs(hexes, starts)).append(") console.log(z.crc32(Buffer.from(h, 'hex'), v));\n");
        js.append("console.log(z.crc32('h\\u00e9llo\\u20ac'), z.crc32('lo', z.crc32('hel')), z.crc32('', 5));\n");
        List<String> node = NodeOracle.run(js.toString());
        org.junit.jupiter.api.Assumptions.assumeFalse(node.get(0).equals("none"), "this node has no zlib.crc32");
        for (int i = 0; i < hexes.size(); i++) {
            assertThat(Zlib.crc32(Bytes.wrap(HexFormat.of().parseHex(hexes.get(i))), starts.get(i)))
                    .as(hexes.get(i) + " from " + starts.get(i)).isEqualTo(Long.parseLong(node.get(i)));
        }
        assertThat(Zlib.crc32("h\u00e9llo\u20ac") + " " + Zlib.crc32("lo", Zlib.crc32("hel")) + " " + Zlib.crc32("", 5))
                .isEqualTo(node.get(hexes.size()));
    }

    @Test
    void crc32ChecksItsArgumentsAsNode() {
        assertThatThrownBy(() -> Zlib.crc32("a", -1)).hasMessage(
                "The value of \"value\" is out of range. It must be >= 0 && <= 4294967295. Received -1");
        assertThatThrownBy(() -> Zlib.crc32("a", 4294967296L)).hasMessage(
                "The value of \"value\" is out of range. It must be >= 0 && <= 4294967295. Received 4294967296");
        assertThatThrownBy(() -> Zlib.crc32((Bytes) null)).isInstanceOfSatisfying(NodeError.class, e -> assertThat(
                e.code() + " " + e.getMessage()).isEqualTo("ERR_INVALID_ARG_TYPE The \"data\" argument must be of type "
                + "string or an instance of Buffer, TypedArray, or DataView. Received null"));
        assertThat(Zlib.crc32("hello")).isEqualTo(907060870L);
        assertThat(Zlib.crc32("hello", 12345)).isEqualTo(1779074256L);
    }

    @Test
    void bufferFormsRefuseMissingData() {
        assertThatThrownBy(() -> Zlib.gzipSync((Bytes) null)).isInstanceOfSatisfying(NodeError.class, e -> assertThat(
                e.code() + " " + e.getMessage()).isEqualTo("ERR_INVALID_ARG_TYPE The \"buffer\" argument must be of type "
                + "string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer. Received null"));
    }

    @Test
    void bufferFormsStopAtMaxOutputLengthWithNodesMessage() {
        Bytes packed = Zlib.gzipSync(Bytes.alloc(1000));
        assertThat(Zlib.gunzipSync(packed, ZlibOptions.builder().maxOutputLength(1000).build()).length()).isEqualTo(1000);
        for (ZlibMode mode : new ZlibMode[] {ZlibMode.GUNZIP, ZlibMode.UNZIP}) {
            assertThatThrownBy(() -> ZlibBuffers.sync(mode, packed, ZlibOptions.builder().maxOutputLength(999).build()))
                    .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.code() + " " + e.getMessage())
                            .isEqualTo("ERR_BUFFER_TOO_LARGE Cannot create a Buffer larger than 999 bytes"));
        }
        assertThatThrownBy(() -> Zlib.inflateSync(Zlib.deflateSync(Bytes.alloc(1000)),
                ZlibOptions.builder().maxOutputLength(100).build())).hasMessage("Cannot create a Buffer larger than 100 bytes");
    }

    @Test
    void constantsHaveNodesValues() throws Exception {
        List<String> node = NodeOracle.run("const c = require('zlib').constants;\nfor (const k of ['Z_NO_FLUSH', "
                + "'Z_PARTIAL_FLUSH', 'Z_SYNC_FLUSH', 'Z_FULL_FLUSH', 'Z_FINISH', 'Z_BLOCK', 'Z_OK', 'Z_STREAM_END', "
                + "'Z_NEED_DICT', 'Z_ERRNO', 'Z_STREAM_ERROR', 'Z_DATA_ERROR', 'Z_MEM_ERROR', 'Z_BUF_ERROR', "
                + "'Z_VERSION_ERROR', 'Z_NO_COMPRESSION', 'Z_BEST_SPEED', 'Z_BEST_COMPRESSION', 'Z_DEFAULT_COMPRESSION', "
                + "'Z_FILTERED', 'Z_HUFFMAN_ONLY', 'Z_RLE', 'Z_FIXED', 'Z_DEFAULT_STRATEGY', 'ZLIB_VERNUM', 'DEFLATE', "
                + "'INFLATE', 'GZIP', 'GUNZIP', 'DEFLATERAW', 'INFLATERAW', 'UNZIP', 'Z_MIN_WINDOWBITS', "
                + "'Z_MAX_WINDOWBITS', 'Z_DEFAULT_WINDOWBITS', 'Z_MIN_CHUNK', 'Z_DEFAULT_CHUNK', 'Z_MIN_MEMLEVEL', "
                + "'Z_MAX_MEMLEVEL', 'Z_DEFAULT_MEMLEVEL', 'Z_MIN_LEVEL', 'Z_MAX_LEVEL', 'Z_DEFAULT_LEVEL']) "
                + "console.log(k + '=' + c[k]);\n");
        for (String line : node) {
            String[] kv = line.split("=");
            assertThat(ZlibConstants.class.getField(kv[0]).getInt(null)).as(kv[0]).isEqualTo(Integer.parseInt(kv[1]));
        }
        assertThat(node).hasSize(43);
        for (ZlibMode mode : ZlibMode.values()) {
            assertThat(ZlibConstants.class.getField(mode.name()).getInt(null)).isEqualTo(mode.code());
        }
    }

    private static String pairs(List<String> hexes, List<Long> starts) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < hexes.size(); i++) {
            out.append("['").append(hexes.get(i)).append("',").append(starts.get(i)).append("],");
        }
        return out.append("]").toString();
    }
}
