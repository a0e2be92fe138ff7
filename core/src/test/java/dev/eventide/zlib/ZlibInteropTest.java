package dev.eventide.zlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with other implementations: our gzip output through the {@code gzip} binary
 * and through node's zlib, and node's gzip, deflate and raw deflate output through ours, at
 * several levels. Each part is skipped when its program is absent.
 */
class ZlibInteropTest {
    private static final Bytes TEXT = Bytes.from(TestData.mixedText(1_500_000, 21));

    @Test
    void theGzipBinaryDecompressesOurGzip() throws Exception {
        NodeOracle.assumeProgram("gzip");
        for (int level : new int[] {0, 1, 6, 9}) {
            Bytes packed = Zlib.gzipSync(TEXT, ZlibOptions.builder().level(level).build());
            byte[] out = NodeOracle.exec(packed.toByteArray(), "gzip", "-d", "-c");
            assertThat(Bytes.wrap(out)).as("level " + level).isEqualTo(TEXT);
        }
        Bytes twoMembers = Bytes.concat(Zlib.gzipSync("one "), Zlib.gzipSync("two"));
        assertThat(new String(NodeOracle.exec(twoMembers.toByteArray(), "gzip", "-d", "-c"))).isEqualTo("one two");
    }

    @Test
    void weDecompressTheGzipBinarysOutputWithAFileName() throws Exception {
        NodeOracle.assumeProgram("gzip");
        Path file = Files.createTempFile("eventide-zlib-", ".txt");
        try {
            Files.write(file, TEXT.subarray(0, 200_000).toByteArray());
            byte[] packed = NodeOracle.exec(null, "gzip", "-9", "-c", file.toString()); // sets FNAME and mtime
            assertThat(packed[3] & 0x08).isEqualTo(0x08);
            assertThat(Zlib.gunzipSync(Bytes.wrap(packed))).isEqualTo(TEXT.subarray(0, 200_000));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void nodeDecompressesOurOutputInEveryFormat() throws Exception {
        Bytes text = TEXT.subarray(0, 100_000);
        String hexText = NodeOracle.hex(text.toByteArray());
        StringBuilder js = new StringBuilder("const z = require('zlib');\nconst text = Buffer.from('" + hexText + "', 'hex');\n");
        for (int level : new int[] {0, 1, 6, 9}) {
            ZlibOptions o = ZlibOptions.builder().level(level).build();
            js.append("console.log(z.gunzipSync(Buffer.from('").append(hex(Zlib.gzipSync(text, o)))
                    .append("', 'hex')).equals(text), z.inflateSync(Buffer.from('").append(hex(Zlib.deflateSync(text, o)))
                    .append("', 'hex')).equals(text), z.inflateRawSync(Buffer.from('").append(hex(Zlib.deflateRawSync(text, o)))
                    .append("', 'hex')).equals(text));\n");
        }
        assertThat(NodeOracle.run(js.toString())).containsOnly("true true true").hasSize(4);
    }

    @Test
    void weDecompressNodesOutputInEveryFormat() throws Exception {
        Bytes text = TEXT.subarray(0, 300_000);
        String js = "const z = require('zlib');\nconst text = Buffer.from(require('fs').readFileSync(0));\n"
                + "for (const level of [0, 1, 6, 9]) for (const f of ['gzipSync', 'deflateSync', 'deflateRawSync'])\n"
                + "  console.log(z[f](text, { level }).toString('hex'));\n"
                + "console.log(Buffer.concat([z.gzipSync('a'), z.gzipSync('b')]).toString('hex'));\n";
        Path script = Files.createTempFile("eventide-zlib-", ".js");
        try {
            Files.writeString(script, js);
            NodeOracle.assumeNode();
            List<String> lines = new String(NodeOracle.exec(text.toByteArray(), "node", script.toString())).lines().toList();
            ZlibMode[] modes = {ZlibMode.GUNZIP, ZlibMode.INFLATE, ZlibMode.INFLATERAW};
            for (int i = 0; i < 12; i++) {
                Bytes packed = Bytes.wrap(HexFormat.of().parseHex(lines.get(i)));
                assertThat(ZlibBuffers.sync(modes[i % 3], packed, null)).as("line " + i).isEqualTo(text);
                if (i % 3 != 2) {
                    assertThat(Zlib.unzipSync(packed)).isEqualTo(text);
                }
            }
            assertThat(Zlib.gunzipSync(Bytes.wrap(HexFormat.of().parseHex(lines.get(12)))).toString()).isEqualTo("ab");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String hex(Bytes b) {
        return NodeOracle.hex(b.toByteArray());
    }
}
