package dev.eventide.buffer;

import static dev.eventide.buffer.MutationViewNodeTest.OUTCOME_JS;
import static dev.eventide.buffer.MutationViewNodeTest.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bytes methods that take an encoding's name as a String where Node does (write, indexOf,
 * lastIndexOf, includes; fill is in MutationViewNodeTest) and toJSON, against node. The node
 * part is skipped without node.
 */
class BytesEncodingNamesNodeTest {
    private static final String[] NAMES = {"hex", "HEX", "base64", "latin1", "utf16le", "ucs2", "utf8", "", "bogus"};

    @Test
    void writeWithAnEncodingNameMatchesNode() throws Exception {
        String[] values = {"ff00ee", "YWJj", "\u00e9t\u00e9", "\u20ac!"};
        List<String> ours = new ArrayList<>();
        StringBuilder js = new StringBuilder(OUTCOME_JS + "const w = (f) => { const b = Buffer.alloc(6); const n = f(b); return n + ' ' + b.toString('hex'); };\n");
        for (String v : values) {
            for (String e : NAMES) {
                ours.add(outcome(() -> written(b -> b.write(v, e))));
                ours.add(outcome(() -> written(b -> b.write(v, 1, e))));
                ours.add(outcome(() -> written(b -> b.write(v, 2, 3, e))));
                String jv = NodeOracle.js(v);
                String je = NodeOracle.js(e);
                js.append("console.log(t(() => w((b) => b.write(").append(jv).append(", ").append(je).append("))));\n")
                        .append("console.log(t(() => w((b) => b.write(").append(jv).append(", 1, ").append(je).append("))));\n")
                        .append("console.log(t(() => w((b) => b.write(").append(jv).append(", 2, 3, ").append(je).append("))));\n");
            }
        }
        assertThat(ours).isEqualTo(NodeOracle.run(js.toString()));
    }

    private static String written(java.util.function.ToIntFunction<Bytes> write) {
        Bytes b = Bytes.alloc(6);
        int n = write.applyAsInt(b);
        return n + " " + NodeOracle.hex(b.toByteArray());
    }

    @Test
    void searchWithAnEncodingNameMatchesNode() throws Exception {
        Bytes hay = Bytes.from("h\u00e9llo world, hello\u20ac w\u00f6rld");
        String jsHay = "const hay = Buffer.from(" + NodeOracle.js("h\u00e9llo world, hello\u20ac w\u00f6rld") + ");\n";
        String[][] needles = {{"6f", "hex"}, {"6f20", "HEX"}, {"bw==", "base64"}, {"w\u00f6", "latin1"}, {"w\u00f6", "utf8"},
            {"o", ""}, {"o", "bogus"}, {"l", "ucs2"}};
        List<String> ours = new ArrayList<>();
        StringBuilder js = new StringBuilder(OUTCOME_JS + jsHay);
        for (String[] n : needles) {
            ours.add(outcome(() -> hay.indexOf(n[0], n[1])));
            ours.add(outcome(() -> hay.indexOf(n[0], 6, n[1])));
            ours.add(outcome(() -> hay.lastIndexOf(n[0], n[1])));
            ours.add(outcome(() -> hay.lastIndexOf(n[0], -8, n[1])));
            ours.add(outcome(() -> hay.includes(n[0], n[1])));
            ours.add(outcome(() -> hay.includes(n[0], 20, n[1])));
            ours.add(outcome(() -> hay.indexOf(Bytes.from(n[0]), 2, n[1])));
            String v = NodeOracle.js(n[0]);
            String e = NodeOracle.js(n[1]);
            for (String call : new String[] {"indexOf(" + v + ", " + e + ")", "indexOf(" + v + ", 6, " + e + ")",
                "lastIndexOf(" + v + ", " + e + ")", "lastIndexOf(" + v + ", -8, " + e + ")", "includes(" + v + ", " + e + ")",
                "includes(" + v + ", 20, " + e + ")", "indexOf(Buffer.from(" + v + "), 2, " + e + ")"}) {
                js.append("console.log(t(() => hay.").append(call).append("));\n");
            }
        }
        assertThat(ours).isEqualTo(NodeOracle.run(js.toString()));
        assertThat(ours).contains("ERR_UNKNOWN_ENCODING: Unknown encoding: ", "ERR_UNKNOWN_ENCODING: Unknown encoding: bogus");
    }

    @Test
    void toJsonIsTypeBufferAndTheBytesAsNumbersAsNodePrintsIt() throws Exception {
        Bytes b = Bytes.of(0, 1, 127, 128, 255).subarray(1);
        Map<String, Object> json = b.toJSON();
        assertThat(json.keySet()).containsExactly("type", "data");
        assertThat(json.get("data")).isEqualTo(List.of(1, 127, 128, 255));
        assertThat(Bytes.alloc(0).toJSON().get("data")).isEqualTo(List.of());
        String ours = "{\"type\":\"" + json.get("type") + "\",\"data\":" + json.get("data").toString().replace(" ", "") + "}";
        assertThat(List.of(ours)).isEqualTo(NodeOracle.run(
                "console.log(JSON.stringify(Buffer.from([0, 1, 127, 128, 255]).subarray(1)));\n"));
    }
}
