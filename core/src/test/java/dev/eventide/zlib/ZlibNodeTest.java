package dev.eventide.zlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decompression verdicts against Node itself: every truncation and many corruptions of gzip,
 * zlib and raw streams, trailing data after members, window sizes, dictionaries and
 * finishFlush, each run through node's *Sync function and ours, comparing the output or the
 * error's code, errno and message. Skipped without node.
 */
class ZlibNodeTest {
    private record Case(String mode, byte[] input, int finishFlush, int windowBits, String dictionary) {
        Case(String mode, byte[] input) {
            this(mode, input, ZlibConstants.Z_FINISH, 0, null);
        }
    }

    @Test
    void truncatedAndCorruptStreamsFailAsNodeFails() throws Exception {
        List<Case> cases = new ArrayList<>();
        byte[] gz = Zlib.gzipSync("hello world hello world, hello again").toByteArray();
        byte[] zl = Zlib.deflateSync("hello world hello world, hello again").toByteArray();
        byte[] raw = Zlib.deflateRawSync("hello world hello world, hello again").toByteArray();
        for (int n = 0; n <= gz.length; n++) {
            cases.add(new Case("gunzip", java.util.Arrays.copyOf(gz, n)));
            cases.add(new Case("unzip", java.util.Arrays.copyOf(gz, n)));
            cases.add(new Case("gunzip", java.util.Arrays.copyOf(gz, n), ZlibConstants.Z_SYNC_FLUSH, 0, null));
        }
        for (int n = 0; n <= zl.length; n++) {
            cases.add(new Case("inflate", java.util.Arrays.copyOf(zl, n)));
            cases.add(new Case("unzip", java.util.Arrays.copyOf(zl, n)));
            cases.add(new Case("inflateRaw", java.util.Arrays.copyOf(raw, Math.min(n, raw.length))));
        }
        for (int i = 0; i < gz.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xff}) {
                cases.add(new Case("gunzip", flip(gz, i, mask)));
                if (i < zl.length) {
                    cases.add(new Case("inflate", flip(zl, i, mask)));
                }
                if (i < raw.length) {
                    cases.add(new Case("inflateRaw", flip(raw, i, mask)));
                }
            }
        }
        compareWithNode(cases);
    }

    @Test
    void dataAfterAStreamIsHandledAsNodeHandlesIt() throws Exception {
        byte[] g1 = Zlib.gzipSync("first member ").toByteArray();
        byte[] g2 = Zlib.gzipSync("second member").toByteArray();
        byte[] zl = Zlib.deflateSync("zlib data").toByteArray();
        byte[][] tails = {g2, "garbage".getBytes(), new byte[10], {0x1f}, {0x1f, (byte) 0x8b}, {0, 0x41},
            concat(new byte[] {0}, g2), concat(g2, "xx".getBytes()), zl, concat(zl, g2), {0x1f, 0x00}, {0x78}, {0x1f, (byte) 0x8b, 8, 0}};
        List<Case> cases = new ArrayList<>();
        for (byte[] tail : tails) {
            for (String mode : new String[] {"gunzip", "unzip"}) {
                cases.add(new Case(mode, concat(g1, tail)));
            }
            cases.add(new Case("inflate", concat(zl, tail)));
            cases.add(new Case("unzip", concat(zl, tail)));
            cases.add(new Case("unzip", tail));
            cases.add(new Case("gunzip", tail));
            cases.add(new Case("inflate", tail));
        }
        compareWithNode(cases);
    }

    @Test
    void windowSizesAndDictionariesAreCheckedAsNodeChecksThem() throws Exception {
        byte[] zl = Zlib.deflateSync("window").toByteArray();
        Bytes dict = Bytes.from("hello world");
        byte[] withDict = Zlib.deflateSync(Bytes.from("hello world hello"), ZlibOptions.builder().dictionary(dict).build())
                .toByteArray();
        List<Case> cases = new ArrayList<>();
        for (int bits = 8; bits <= 15; bits++) {
            cases.add(new Case("inflate", zl, ZlibConstants.Z_FINISH, bits, null));
            cases.add(new Case("unzip", zl, ZlibConstants.Z_FINISH, bits, null));
            cases.add(new Case("inflate", new byte[] {(byte) 0x88, (byte) 0x1d, 0, 0}, ZlibConstants.Z_FINISH, bits, null));
        }
        for (int b = 0; b < 256; b += 5) {
            cases.add(new Case("inflate", new byte[] {(byte) 0x78, (byte) b, 3, 0, 0, 0, 0, 1}));
            cases.add(new Case("inflate", new byte[] {(byte) b, (byte) 0x9c, 3, 0, 0, 0, 0, 1}));
        }
        cases.add(new Case("inflate", withDict));
        cases.add(new Case("inflate", withDict, ZlibConstants.Z_FINISH, 0, "hello world"));
        cases.add(new Case("inflate", withDict, ZlibConstants.Z_FINISH, 0, "nope"));
        cases.add(new Case("unzip", withDict));
        compareWithNode(cases);
    }

    private static void compareWithNode(List<Case> cases) throws Exception {
        StringBuilder js = new StringBuilder("const z = require('zlib');\nconst cases = [\n");
        for (Case c : cases) {
            js.append("['").append(c.mode).append("','").append(NodeOracle.hex(c.input)).append("',")
                    .append(c.finishFlush).append(',').append(c.windowBits).append(',')
                    .append(c.dictionary == null ? "null" : "'" + c.dictionary + "'").append("],\n");
        }
        js.append("];\nfor (const [m, h, ff, wb, d] of cases) {\n"
                + "  const o = { finishFlush: ff };\n  if (wb) o.windowBits = wb;\n  if (d) o.dictionary = Buffer.from(d);\n"
                + "  try { console.log('ok ' + z[m + 'Sync'](Buffer.from(h, 'hex'), o).toString('hex')); }\n"
                + "  catch (e) { console.log('err ' + e.code + ' ' + e.errno + ' ' + e.message); }\n}\n");
        List<String> node = NodeOracle.run(js.toString());
        assertThat(node).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            assertThat(ours(c)).as(c.mode + " " + NodeOracle.hex(c.input) + " ff=" + c.finishFlush + " wb=" + c.windowBits
                    + " dict=" + c.dictionary).isEqualTo(node.get(i));
        }
    }

    private static String ours(Case c) {
        ZlibOptions.Builder o = ZlibOptions.builder().finishFlush(c.finishFlush);
        if (c.windowBits != 0) {
            o.windowBits(c.windowBits);
        }
        if (c.dictionary != null) {
            o.dictionary(Bytes.from(c.dictionary));
        }
        ZlibMode mode = switch (c.mode) {
            case "gunzip" -> ZlibMode.GUNZIP;
            case "unzip" -> ZlibMode.UNZIP;
            case "inflate" -> ZlibMode.INFLATE;
            default -> ZlibMode.INFLATERAW;
        };
        try {
            Bytes out = ZlibBuffers.sync(mode, Bytes.wrap(c.input), o.build());
            return "ok " + HexFormat.of().formatHex(out.toByteArray());
        } catch (ZlibError e) {
            return "err " + e.code() + " " + e.errno() + " " + e.getMessage();
        } catch (NodeError e) {
            return "err " + e.code() + " undefined " + e.getMessage();
        }
    }

    private static byte[] flip(byte[] a, int i, int mask) {
        byte[] b = a.clone();
        b[i] ^= (byte) mask;
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
