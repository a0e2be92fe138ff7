package dev.eventide.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * swap16/swap32/swap64, reverse and fill with encoding names, against node: every length 0..17,
 * views that start inside their array, and the error Node raises for a bad length. Skipped
 * without node.
 */
class MutationViewNodeTest {
    /** The outcome as the node side prints it: the bytes in hex, or "CODE: message". */
    static String outcome(Supplier<Object> op) {
        try {
            Object r = op.get();
            return r instanceof Bytes b ? NodeOracle.hex(b.toByteArray()) : String.valueOf(r);
        } catch (NodeError e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    static final String OUTCOME_JS = """
            const t = (f) => { try { const r = f(); return Buffer.isBuffer(r) ? r.toString('hex') : String(r); }
              catch (e) { return e.code + ': ' + e.message; } };
            const seq = (n) => { const b = Buffer.alloc(n + 3); for (let i = 0; i < b.length; i++) b[i] = i * 37 + 1; return b.subarray(3); };
            """;

    /** The same bytes as OUTCOME_JS's seq(n): a view three bytes into its array. */
    static Bytes seq(int n) {
        Bytes b = Bytes.alloc(n + 3);
        for (int i = 0; i < b.length(); i++) {
            b.set(i, i * 37 + 1);
        }
        return b.subarray(3);
    }

    @Test
    void swapsAndReverseMatchNodeForEveryLengthUpTo17() throws Exception {
        List<String> ours = new ArrayList<>();
        for (int n = 0; n <= 17; n++) {
            int len = n;
            ours.add(outcome(() -> seq(len).swap16()));
            ours.add(outcome(() -> seq(len).swap32()));
            ours.add(outcome(() -> seq(len).swap64()));
            ours.add(outcome(() -> seq(len).reverse()));
        }
        List<String> node = NodeOracle.run(OUTCOME_JS + """
                for (let n = 0; n <= 17; n++) {
                  console.log(t(() => seq(n).swap16())); console.log(t(() => seq(n).swap32()));
                  console.log(t(() => seq(n).swap64())); console.log(t(() => seq(n).reverse()));
                }
                """);
        assertThat(ours).isEqualTo(node);
        assertThat(ours).contains("ERR_INVALID_BUFFER_SIZE: Buffer size must be a multiple of 16-bits",
                "ERR_INVALID_BUFFER_SIZE: Buffer size must be a multiple of 64-bits");
    }

    @Test
    void swapsWorkInPlaceAndReturnTheSameBuffer() {
        Bytes whole = Bytes.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Bytes view = whole.subarray(1, 9);
        assertThat(view.swap64()).isSameAs(view);
        assertThat(whole).isEqualTo(Bytes.of(1, 9, 8, 7, 6, 5, 4, 3, 2, 10));
        assertThat(view.swap16().swap16().swap32().swap32()).isEqualTo(Bytes.of(9, 8, 7, 6, 5, 4, 3, 2));
        assertThat(whole.subarray(2, 5).reverse()).isEqualTo(Bytes.of(6, 7, 8));
        assertThatThrownBy(() -> Bytes.alloc(3).swap16()).isInstanceOf(NodeError.class)
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_INVALID_BUFFER_SIZE");
    }

    @Test
    void fillTakesEncodingNamesAsNodeDoes() throws Exception {
        String[][] cases = {{"ab", "hex"}, {"ab", "HEX"}, {"YWI=", "base64"}, {"a\u00e9", "latin1"}, {"a\u00e9", "utf-8"},
            {"\u20ac", "ucs2"}, {"a", ""}, {"a", "bogus"}, {"zz", "hex"}};
        List<String> ours = new ArrayList<>();
        StringBuilder js = new StringBuilder(OUTCOME_JS);
        for (String[] c : cases) {
            ours.add(outcome(() -> Bytes.alloc(7).fill(c[0], c[1])));
            ours.add(outcome(() -> Bytes.alloc(7).fill(c[0], 2, c[1])));
            ours.add(outcome(() -> Bytes.alloc(7).fill(c[0], 1, 4, c[1])));
            String v = NodeOracle.js(c[0]);
            String e = NodeOracle.js(c[1]);
            js.append("console.log(t(() => Buffer.alloc(7).fill(").append(v).append(", ").append(e).append(")));\n")
                    .append("console.log(t(() => Buffer.alloc(7).fill(").append(v).append(", 2, ").append(e).append(")));\n")
                    .append("console.log(t(() => Buffer.alloc(7).fill(").append(v).append(", 1, 4, ").append(e).append(")));\n");
        }
        assertThat(ours).isEqualTo(NodeOracle.run(js.toString()));
        assertThat(ours).contains("ERR_UNKNOWN_ENCODING: Unknown encoding: bogus");
    }
}
