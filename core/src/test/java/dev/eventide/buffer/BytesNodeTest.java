package dev.eventide.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bytes against Node itself: encodings both ways, lenient base64 and hex decoding, writes into
 * short room, and search, each over fixed corpora plus seeded random input. Skipped without node.
 */
class BytesNodeTest {
    private static final String[] ENCODINGS = {"utf8", "utf16le", "latin1", "ascii", "hex", "base64", "base64url"};

    @Test
    void encodingStringsMatchesNodeForEveryEncoding() throws Exception {
        List<String> inputs = randomStrings(new Random(11), 300, "aZ09+/=-_ \n\t\u00e9\u00ff\u0100\u20ac\ud83d\ude00\ud800\udc00gG%.");
        inputs.addAll(List.of("", "QUJD", "QUJD=QUJD", "YQ", "YQ=", "YQ==", "Y", "abc", "0x12", "zz00", "ff\u0130", "a b\nc", "____", "--++"));
        List<String> node = NodeOracle.run(stringsJs(inputs) + "for (const s of inputs) for (const e of "
                + jsList(ENCODINGS) + ") console.log(Buffer.from(s, e).toString('hex') + ' ' + Buffer.byteLength(s, e));\n");
        int line = 0;
        for (String s : inputs) {
            for (String e : ENCODINGS) {
                String actual = NodeOracle.hex(Bytes.from(s, e).toByteArray()) + " " + Bytes.byteLength(s, e);
                assertThat(actual).as(e + " " + NodeOracle.units(s)).isEqualTo(node.get(line++));
            }
        }
    }

    @Test
    void decodingBytesMatchesNodeForEveryEncoding() throws Exception {
        List<String> inputs = randomHex(new Random(12), 400, 10);
        List<String> node = NodeOracle.run(NodeOracle.UNITS_JS + "for (const h of " + Utf8Test.jsArray(inputs)
                + ") for (const e of " + jsList(ENCODINGS) + ") console.log(units(Buffer.from(h, 'hex').toString(e)));\n");
        int line = 0;
        for (String h : inputs) {
            for (String e : ENCODINGS) {
                String actual = NodeOracle.units(Bytes.wrap(HexFormat.of().parseHex(h)).toString(e));
                assertThat(actual).as(e + " " + h).isEqualTo(node.get(line++));
            }
        }
    }

    @Test
    void toStringRangesMatchNode() throws Exception {
        Bytes b = Bytes.from("h\u00e9llo w\u00f6rld");
        int[][] ranges = {{0, 3}, {1, 2}, {-5, 100}, {3, 1}, {5, 5}, {0, 0}, {2, 13}, {13, 20}, {100, 200}, {-1, -1}};
        StringBuilder js = new StringBuilder(NodeOracle.UNITS_JS + "const b = Buffer.from('h\\u00e9llo w\\u00f6rld');\n");
        for (int[] r : ranges) {
            for (String e : ENCODINGS) {
                js.append("console.log(units(b.toString('").append(e).append("', ").append(r[0]).append(", ").append(r[1]).append(")));\n");
            }
        }
        List<String> node = NodeOracle.run(js.toString());
        int line = 0;
        for (int[] r : ranges) {
            for (String e : ENCODINGS) {
                assertThat(NodeOracle.units(b.toString(e, r[0], r[1]))).as(e + " " + r[0] + ".." + r[1]).isEqualTo(node.get(line++));
            }
        }
    }

    @Test
    void writeIntoLimitedRoomMatchesNode() throws Exception {
        List<String> inputs = randomStrings(new Random(13), 150, "ab\u00e9\u20ac\ud83d\ude00\ud800f0=Q ");
        int[][] places = {{0, 10}, {1, 3}, {2, 2}, {3, 1}, {0, 4}, {5, 5}, {9, 1}, {4, 0}, {0, 7}};
        StringBuilder js = new StringBuilder(stringsJs(inputs)).append("const places = [");
        for (int[] p : places) {
            js.append('[').append(p[0]).append(',').append(p[1]).append("],");
        }
        js.append("];\nfor (const s of inputs) for (const e of ").append(jsList(ENCODINGS)).append(") for (const [o, l] of places) {")
                .append(" const b = Buffer.alloc(10, 0xee); const n = b.write(s, o, l, e); console.log(n + ' ' + b.toString('hex')); }\n");
        List<String> node = NodeOracle.run(js.toString());
        int line = 0;
        for (String s : inputs) {
            for (String e : ENCODINGS) {
                for (int[] p : places) {
                    Bytes b = Bytes.alloc(10, 0xee);
                    int n = b.write(s, p[0], p[1], Encoding.of(e));
                    assertThat(n + " " + b.toString("hex")).as(e + " " + p[0] + "," + p[1] + " " + NodeOracle.units(s))
                            .isEqualTo(node.get(line++));
                }
            }
        }
    }

    @Test
    void searchMatchesNodeForStringsBuffersAndBytesAtEveryOffset() throws Exception {
        Random random = new Random(14);
        List<String> hays = randomStrings(random, 60, "ab\u0000");
        List<String> needles = randomStrings(random, 12, "ab\u0000");
        needles.add("");
        String[] encodings = {"utf8", "utf16le", "latin1", "hex"};
        String js = stringsJs(hays) + "const needles = " + Utf8Test.jsArray(needles) + ";\n"
                + "for (const h of inputs) { const b = Buffer.from(h, 'latin1');"
                + " for (const n of needles) for (const e of " + jsList(encodings) + ") { const nb = Buffer.from(n, 'latin1');"
                + "  const out = []; for (let o = -9; o <= 9; o++) out.push(b.indexOf(n, o, e), b.lastIndexOf(n, o, e),"
                + "   b.indexOf(nb, o, e), b.lastIndexOf(nb, o, e));"
                + "  out.push(b.indexOf(n, e), b.lastIndexOf(n, e), b.indexOf(nb, undefined, e), b.lastIndexOf(nb, undefined, e));"
                + "  console.log(out.join(',')); }"
                + " const nums = []; for (let o = -9; o <= 9; o++) for (const v of [0, 97, 98, 353, -159]) nums.push(b.indexOf(v, o), b.lastIndexOf(v, o));"
                + " console.log(nums.join(',')); }\n";
        List<String> node = NodeOracle.run(js);
        int line = 0;
        for (String h : hays) {
            Bytes b = Bytes.from(h, Encoding.LATIN1);
            for (String n : needles) {
                for (String e : encodings) {
                    Encoding enc = Encoding.of(e);
                    Bytes nb = Bytes.from(n, Encoding.LATIN1);
                    List<Integer> out = new ArrayList<>();
                    for (int o = -9; o <= 9; o++) {
                        out.addAll(List.of(b.indexOf(n, o, enc), b.lastIndexOf(n, o, enc), b.indexOf(nb, o, enc), b.lastIndexOf(nb, o, enc)));
                    }
                    out.addAll(List.of(b.indexOf(n, enc), b.lastIndexOf(n, enc), b.indexOf(nb, 0, enc), b.lastIndexOf(nb, b.length(), enc)));
                    assertThat(join(out)).as(e + " [" + NodeOracle.units(h) + "] in [" + NodeOracle.units(n) + "]").isEqualTo(node.get(line++));
                }
            }
            List<Integer> nums = new ArrayList<>();
            for (int o = -9; o <= 9; o++) {
                for (int v : new int[] {0, 97, 98, 353, -159}) {
                    nums.addAll(List.of(b.indexOf(v, o), b.lastIndexOf(v, o)));
                }
            }
            assertThat(join(nums)).as("bytes in " + NodeOracle.units(h)).isEqualTo(node.get(line++));
        }
    }

    static List<String> randomStrings(Random random, int count, String alphabet) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.add(s.toString());
        }
        return out;
    }

    static List<String> randomHex(Random random, int count, int maxBytes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(HexFormat.of().formatHex(Utf8Test.randomNasty(random, random.nextInt(maxBytes + 1))));
        }
        return out;
    }

    static String stringsJs(List<String> inputs) {
        return "const inputs = " + Utf8Test.jsArray(inputs) + ";\n";
    }

    static String jsList(String[] values) {
        return Utf8Test.jsArray(List.of(values));
    }

    private static <T> String join(List<T> values) {
        return String.join(",", values.stream().map((Function<T, String>) String::valueOf).toList());
    }
}
