package dev.eventide.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * StringDecoder against Node's string_decoder: the output of every single write and of end(),
 * for byte-by-byte feeding and for random chunkings of ill-formed and well-formed input, in
 * every encoding. Skipped without node.
 */
class StringDecoderNodeTest {
    private static final String[] ENCODINGS = {"utf8", "utf16le", "base64", "base64url", "hex", "latin1", "ascii"};

    @Test
    void everyWriteAndEndMatchNodeForByteByByteAndRandomChunkings() throws Exception {
        Random random = new Random(21);
        List<String> inputs = new ArrayList<>(Utf8Test.CORPUS);
        inputs.addAll(BytesNodeTest.randomHex(random, 250, 14));
        inputs.add(HexFormat.of().formatHex(Bytes.from("h\u00e9llo \u20ac \ud83d\ude00 w\u00f6rld", Encoding.UTF8).toByteArray()));
        inputs.add(HexFormat.of().formatHex(Bytes.from("h\u00e9 \ud83d\ude00\ud83d \udc00x", Encoding.UTF16LE).toByteArray()));
        List<int[]> cuts = new ArrayList<>();
        for (String hex : inputs) {
            int n = hex.length() / 2;
            cuts.add(everyByte(n));
            cuts.add(randomCuts(random, n));
            cuts.add(randomCuts(random, n));
        }
        List<String> node = NodeOracle.run(script(inputs, cuts));
        int line = 0;
        for (int i = 0; i < inputs.size(); i++) {
            byte[] bytes = HexFormat.of().parseHex(inputs.get(i));
            for (int c = 0; c < 3; c++) {
                int[] cut = cuts.get(i * 3 + c);
                for (String e : ENCODINGS) {
                    assertThat(decode(bytes, cut, e)).as(e + " " + inputs.get(i) + " cut " + java.util.Arrays.toString(cut))
                            .isEqualTo(node.get(line++));
                }
            }
        }
    }

    @Test
    void endWithAFinalChunkMatchesNode() throws Exception {
        List<String> inputs = List.of("e282", "e282ac", "f09f98", "3dd8", "3dd800", "616263", "6162", "61", "c2", "");
        StringBuilder js = new StringBuilder(NodeOracle.UNITS_JS + "const { StringDecoder } = require('string_decoder');\n");
        js.append("for (const h of ").append(Utf8Test.jsArray(inputs)).append(") for (const e of ").append(BytesNodeTest.jsList(ENCODINGS))
                .append(") { const d = new StringDecoder(e); const b = Buffer.from(h, 'hex');")
                .append(" console.log(units(d.write(b.subarray(0, 1))) + '|' + units(d.end(b.subarray(1))) + '|' + units(d.end())); }\n");
        List<String> node = NodeOracle.run(js.toString());
        int line = 0;
        for (String h : inputs) {
            for (String e : ENCODINGS) {
                Bytes b = Bytes.wrap(HexFormat.of().parseHex(h));
                StringDecoder d = new StringDecoder(e);
                String actual = NodeOracle.units(d.write(b.subarray(0, 1))) + "|" + NodeOracle.units(d.end(b.subarray(1)))
                        + "|" + NodeOracle.units(d.end());
                assertThat(actual).as(e + " " + h).isEqualTo(node.get(line++));
            }
        }
    }

    private static String decode(byte[] bytes, int[] cut, String encoding) {
        StringDecoder d = new StringDecoder(encoding);
        Bytes all = Bytes.wrap(bytes);
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int to : cut) {
            out.append(NodeOracle.units(d.write(all.subarray(from, to)))).append(',');
            from = to;
        }
        out.append(NodeOracle.units(d.write(all.subarray(from)))).append(',');
        return out.append(NodeOracle.units(d.end())).toString();
    }

    private static String script(List<String> inputs, List<int[]> cuts) {
        StringBuilder js = new StringBuilder(NodeOracle.UNITS_JS + "const { StringDecoder } = require('string_decoder');\n");
        js.append("const inputs = ").append(Utf8Test.jsArray(inputs)).append(";\nconst cuts = [");
        for (int[] cut : cuts) {
            js.append(java.util.Arrays.toString(cut)).append(',');
        }
        js.append("];\nfor (let i = 0; i < inputs.length; i++) { const b = Buffer.from(inputs[i], 'hex');")
                .append(" for (let c = 0; c < 3; c++) for (const e of ").append(BytesNodeTest.jsList(ENCODINGS)).append(") {")
                .append("  const d = new StringDecoder(e); const out = []; let from = 0;")
                .append("  for (const to of cuts[i * 3 + c]) { out.push(units(d.write(b.subarray(from, to)))); from = to; }")
                .append("  out.push(units(d.write(b.subarray(from)))); out.push(units(d.end())); console.log(out.join(',')); } }\n");
        return js.toString();
    }

    private static int[] everyByte(int n) {
        int[] cut = new int[Math.max(0, n - 1)];
        for (int i = 0; i < cut.length; i++) {
            cut[i] = i + 1;
        }
        return cut;
    }

    /** Sorted cut points in [0, n], repeats allowed, so that empty chunks are fed too. */
    private static int[] randomCuts(Random random, int n) {
        int[] cut = new int[random.nextInt(5)];
        for (int i = 0; i < cut.length; i++) {
            cut[i] = random.nextInt(n + 1);
        }
        java.util.Arrays.sort(cut);
        return cut;
    }
}
