package dev.eventide.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * UTF-8 decoding and encoding: the JDK decoder must equal the WHATWG reference decoder on every
 * short sequence, and both must equal Node on a corpus of ill-formed input.
 */
class Utf8Test {
    /** Bytes at every boundary the decoder cares about. */
    private static final int[] EDGES = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
        0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFB,
        0xFC, 0xFD, 0xFE, 0xFF};

    /** Ill-formed (and a few well-formed) sequences, in hex. */
    static final List<String> CORPUS = List.of(
            "", "41", "c2", "e282", "f09f98", "f09f", "e0", "f4", "c241", "e24182", "f09f4198",
            "c080", "c1bf", "e08080", "e09fbf", "f0808080", "f08fbfbf", "f8888080", "fc8480808080",
            "eda080", "edbfbf", "eda080edb080", "edb080eda080", "f4908080", "f48fbfbf", "f5", "f5808080",
            "f7bfbfbf", "fe", "ff", "feff", "80", "bf", "808080", "8080808080", "c2c2", "e2e282ac",
            "f09f98c2a9", "efbbbf41", "e282ac", "f09f9880", "c2a9e282acf09f9880", "41e2", "e2828241",
            "f0908080", "f090", "f0c0", "e1bf", "e1bfc0", "edc080", "ed9fbf", "ee8080", "efbfbd",
            "c3", "c3a9c3", "f4bf", "f48f", "e0a0", "e0a080", "00ff00", "7f80ff");

    @Test
    void jdkDecoderDiffersFromWhatwgOnEncodedSurrogatesWhichIsWhyDecodeChecksItsResult() {
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(new String(surrogate, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFFFD");
        assertThat(Utf8.decode(surrogate, 0, 3)).isEqualTo("\uFFFD\uFFFD\uFFFD");
    }

    @Test
    void decodeEqualsTheWhatwgReferenceOnEverySequenceOfUpToThreeEdgeBytes() {
        byte[] buf = new byte[3];
        for (int a : EDGES) {
            for (int b : EDGES) {
                for (int c : EDGES) {
                    buf[0] = (byte) a;
                    buf[1] = (byte) b;
                    buf[2] = (byte) c;
                    for (int len = 1; len <= 3; len++) {
                        assertThat(Utf8.decode(buf, 0, len)).as(HexFormat.of().formatHex(buf, 0, len))
                                .isEqualTo(Utf8.decodeStrict(buf, 0, len));
                    }
                }
            }
        }
    }

    @Test
    void decodeEqualsTheWhatwgReferenceOnRandomLongerSequences() {
        Random random = new Random(42);
        for (int round = 0; round < 200_000; round++) {
            byte[] buf = randomNasty(random, 1 + random.nextInt(9));
            assertThat(Utf8.decode(buf, 0, buf.length)).as(HexFormat.of().formatHex(buf))
                    .isEqualTo(Utf8.decodeStrict(buf, 0, buf.length));
        }
    }

    @Test
    void decodingReplacesMaximalSubpartsWithOneReplacementEach() {
        assertThat(decode("e282")).isEqualTo("\uFFFD");
        assertThat(decode("e24182")).isEqualTo("\uFFFDA\uFFFD");
        assertThat(decode("c080")).isEqualTo("\uFFFD\uFFFD");
        assertThat(decode("eda080")).isEqualTo("\uFFFD\uFFFD\uFFFD");
        assertThat(decode("f4908080")).isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFD");
        assertThat(decode("f09f98")).isEqualTo("\uFFFD");
        assertThat(decode("f09f9880")).isEqualTo("\uD83D\uDE00");
        assertThat(decode("efbbbf41")).isEqualTo("\uFEFFA");
    }

    @Test
    void encodingTurnsLoneSurrogatesIntoReplacementCharacters() {
        assertThat(Utf8.encode("a\uD800b")).containsExactly(0x61, 0xEF, 0xBF, 0xBD, 0x62);
        assertThat(Utf8.encode("\uDC00")).containsExactly(0xEF, 0xBF, 0xBD);
        assertThat(Utf8.encode("\uD83D\uDE00")).containsExactly(0xF0, 0x9F, 0x98, 0x80);
        assertThat(Utf8.encode("\uDE00\uD83D")).containsExactly(0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD);
        assertThat(Utf8.encode("é€")).containsExactly(0xC3, 0xA9, 0xE2, 0x82, 0xAC);
    }

    @Test
    void byteLengthCountsLoneSurrogatesAsThreeBytes() {
        assertThat(Utf8.byteLength("")).isZero();
        assertThat(Utf8.byteLength("abc")).isEqualTo(3);
        assertThat(Utf8.byteLength("é€")).isEqualTo(5);
        assertThat(Utf8.byteLength("\uD83D\uDE00")).isEqualTo(4);
        assertThat(Utf8.byteLength("\uD800")).isEqualTo(3);
        assertThat(Utf8.byteLength("\uD800\uD800\uDC00")).isEqualTo(7);
    }

    @Test
    void writeNeverStartsACharacterThatDoesNotFit() {
        byte[] out = new byte[8];
        assertThat(Utf8.write("a€", out, 0, 3)).isEqualTo(1);
        assertThat(Utf8.write("\uD83D\uDE00", out, 0, 3)).isZero();
        assertThat(Utf8.write("\uD83D\uDE00", out, 0, 4)).isEqualTo(4);
        assertThat(Utf8.write("é", out, 7, 1)).isZero();
        assertThat(Utf8.write("\uD800x", out, 0, 2)).isZero();
    }

    @Test
    void decodingMatchesNodeOnTheCorpusAndOnRandomNastyBytes() throws Exception {
        List<String> inputs = new ArrayList<>(CORPUS);
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            inputs.add(HexFormat.of().formatHex(randomNasty(random, random.nextInt(12))));
        }
        List<String> expected = NodeOracle.run(NodeOracle.UNITS_JS + "for (const h of " + jsArray(inputs)
                + ") console.log(units(Buffer.from(h, 'hex').toString('utf8')));\n");
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(NodeOracle.units(decode(inputs.get(i)))).as(inputs.get(i)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void encodingMatchesNodeOnStringsWithLoneAndPairedSurrogates() throws Exception {
        List<String> inputs = new ArrayList<>(List.of("", "a", "é", "€", "\uD83D\uDE00", "\uD800", "\uDC00",
                "\uDC00\uD800", "a\uD800\uD800\uDC00b", "\uFFFF\uFFFE", "\u0000\u007F\u0080\u07FF\u0800"));
        Random random = new Random(3);
        char[] pool = {'a', '\u00E9', '\u07FF', '\u0800', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFD', '\u0000'};
        for (int i = 0; i < 1000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                s.append(pool[random.nextInt(pool.length)]);
            }
            inputs.add(s.toString());
        }
        StringBuilder script = new StringBuilder("const inputs = [");
        for (String s : inputs) {
            script.append(NodeOracle.js(s)).append(",\n");
        }
        script.append("];\nfor (const s of inputs) console.log(Buffer.from(s).toString('hex') + ' ' + Buffer.byteLength(s));\n");
        List<String> expected = NodeOracle.run(script.toString());
        for (int i = 0; i < inputs.size(); i++) {
            String s = inputs.get(i);
            assertThat(NodeOracle.hex(Utf8.encode(s)) + " " + Utf8.byteLength(s)).as(NodeOracle.units(s))
                    .isEqualTo(expected.get(i));
        }
    }

    static byte[] randomNasty(Random random, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : EDGES[random.nextInt(EDGES.length)]);
        }
        return out;
    }

    static String jsArray(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            out.append(NodeOracle.js(v)).append(',');
        }
        return out.append(']').toString();
    }

    private static String decode(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return Utf8.decode(b, 0, b.length);
    }
}
