package dev.eventide.buffer;

import static dev.eventide.buffer.MutationViewNodeTest.OUTCOME_JS;
import static dev.eventide.buffer.MutationViewNodeTest.outcome;
import static dev.eventide.buffer.MutationViewNodeTest.seq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The number methods with the offset left out (offset 0), against node: every read on an
 * 8-byte view and on one too short, and every write with its value only. Skipped without node.
 */
class ZeroOffsetViewNodeTest {
    private static final String[] READS = {"readUInt8", "readInt8", "readUInt16LE", "readUInt16BE", "readInt16LE",
        "readInt16BE", "readUInt32LE", "readUInt32BE", "readInt32LE", "readInt32BE", "readBigInt64LE", "readBigInt64BE",
        "readBigUInt64LE", "readBigUInt64BE", "readFloatLE", "readFloatBE", "readDoubleLE", "readDoubleBE"};

    @Test
    void readsWithoutAnOffsetReadAtZeroAsNodeDoes() throws Exception {
        List<String> ours = new ArrayList<>();
        for (int n : new int[] {8, 1}) {
            Bytes b = seq(n);
            ours.add(outcome(b::readUInt8));
            ours.add(outcome(b::readInt8));
            ours.add(outcome(b::readUInt16LE));
            ours.add(outcome(b::readUInt16BE));
            ours.add(outcome(b::readInt16LE));
            ours.add(outcome(b::readInt16BE));
            ours.add(outcome(b::readUInt32LE));
            ours.add(outcome(b::readUInt32BE));
            ours.add(outcome(b::readInt32LE));
            ours.add(outcome(b::readInt32BE));
            ours.add(outcome(b::readBigInt64LE));
            ours.add(outcome(b::readBigInt64BE));
            ours.add(outcome(() -> Long.toUnsignedString(b.readBigUInt64LE())));
            ours.add(outcome(() -> Long.toUnsignedString(b.readBigUInt64BE())));
            ours.add(outcome(() -> jsNumber(b.readFloatLE())));
            ours.add(outcome(() -> jsNumber(b.readFloatBE())));
            ours.add(outcome(() -> jsNumber(b.readDoubleLE())));
            ours.add(outcome(() -> jsNumber(b.readDoubleBE())));
        }
        StringBuilder js = new StringBuilder(OUTCOME_JS);
        for (int n : new int[] {8, 1}) {
            for (String r : READS) {
                js.append("console.log(t(() => seq(").append(n).append(").").append(r).append("()));\n");
            }
        }
        assertThat(ours).isEqualTo(NodeOracle.run(js.toString()));
        assertThat(ours.get(18)).isEqualTo(ours.get(0)); // readUInt8 fits in one byte
        assertThat(ours.get(19 + 1)).startsWith("ERR_BUFFER_OUT_OF_BOUNDS");
    }

    /** How node prints a number: plain decimals from 1e-7 to 1e21, else d.ddde+N; Java finds the digits. */
    private static String jsNumber(double d) {
        double abs = Math.abs(d);
        if (d == Math.rint(d) && abs < 1e21) {
            return new java.math.BigDecimal(Double.toString(d)).toBigInteger().toString();
        }
        if (abs >= 1e-7 && abs < 1e21) {
            return new java.math.BigDecimal(Double.toString(d)).toPlainString();
        }
        String s = Double.toString(d).replace(".0E", "E");
        return s.contains("E-") ? s.replace("E", "e") : s.replace("E", "e+");
    }

    @Test
    void writesWithoutAnOffsetWriteAtZeroAndReturnTheEnd() throws Exception {
        List<String> ours = new ArrayList<>();
        ours.add(outcome(() -> seq(8).writeUInt8(200) + " " + hexOf(b -> b.writeUInt8(200))));
        ours.add(outcome(() -> hexOf(b -> b.writeInt8(-2))));
        ours.add(outcome(() -> hexOf(b -> b.writeUInt16LE(0xBEEF))));
        ours.add(outcome(() -> hexOf(b -> b.writeUInt16BE(0xBEEF))));
        ours.add(outcome(() -> hexOf(b -> b.writeInt16LE(-2))));
        ours.add(outcome(() -> hexOf(b -> b.writeInt16BE(-2))));
        ours.add(outcome(() -> hexOf(b -> b.writeUInt32LE(0xDEADBEEFL))));
        ours.add(outcome(() -> hexOf(b -> b.writeUInt32BE(0xDEADBEEFL))));
        ours.add(outcome(() -> hexOf(b -> b.writeInt32LE(-5))));
        ours.add(outcome(() -> hexOf(b -> b.writeInt32BE(-5))));
        ours.add(outcome(() -> hexOf(b -> b.writeBigInt64LE(-5))));
        ours.add(outcome(() -> hexOf(b -> b.writeBigInt64BE(-5))));
        ours.add(outcome(() -> hexOf(b -> b.writeBigUInt64LE(0x0102030405060708L))));
        ours.add(outcome(() -> hexOf(b -> b.writeBigUInt64BE(0x0102030405060708L))));
        ours.add(outcome(() -> hexOf(b -> b.writeFloatLE(1.5))));
        ours.add(outcome(() -> hexOf(b -> b.writeFloatBE(1.5))));
        ours.add(outcome(() -> hexOf(b -> b.writeDoubleLE(-0.1))));
        ours.add(outcome(() -> hexOf(b -> b.writeDoubleBE(-0.1))));
        ours.add(outcome(() -> seq(1).writeUInt16LE(1)));
        ours.add(outcome(() -> seq(8).writeUInt8(256)));
        List<String> node = NodeOracle.run(OUTCOME_JS + """
                const h = (f) => { const b = seq(8); const end = f(b); return end + ' ' + b.toString('hex'); };
                console.log(t(() => seq(8).writeUInt8(200) + ' ' + h((b) => b.writeUInt8(200))));
                for (const f of [(b) => b.writeInt8(-2), (b) => b.writeUInt16LE(0xBEEF), (b) => b.writeUInt16BE(0xBEEF),
                  (b) => b.writeInt16LE(-2), (b) => b.writeInt16BE(-2), (b) => b.writeUInt32LE(0xDEADBEEF),
                  (b) => b.writeUInt32BE(0xDEADBEEF), (b) => b.writeInt32LE(-5), (b) => b.writeInt32BE(-5),
                  (b) => b.writeBigInt64LE(-5n), (b) => b.writeBigInt64BE(-5n), (b) => b.writeBigUInt64LE(0x0102030405060708n),
                  (b) => b.writeBigUInt64BE(0x0102030405060708n), (b) => b.writeFloatLE(1.5), (b) => b.writeFloatBE(1.5),
                  (b) => b.writeDoubleLE(-0.1), (b) => b.writeDoubleBE(-0.1)]) console.log(t(() => h(f)));
                console.log(t(() => seq(1).writeUInt16LE(1)));
                console.log(t(() => seq(8).writeUInt8(256)));
                """);
        assertThat(ours).isEqualTo(node);
    }

    private static String hexOf(java.util.function.ToIntFunction<Bytes> write) {
        Bytes b = seq(8);
        int end = write.applyAsInt(b);
        return end + " " + NodeOracle.hex(b.toByteArray());
    }
}
