package dev.eventide.buffer;

import static dev.eventide.buffer.BytesTest.assertNodeError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The number readers and writers by example; NumericViewNodeTest compares all of them with Node. */
class NumericViewTest {
    private final Bytes b = Bytes.of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x88);

    @Test
    void fixedWidthReadsHonourEndiannessAndSign() {
        assertThat(b.readUInt8(7)).isEqualTo(0x88);
        assertThat(b.readInt8(7)).isEqualTo(-120);
        assertThat(b.readUInt16LE(0)).isEqualTo(0x0201);
        assertThat(b.readUInt16BE(0)).isEqualTo(0x0102);
        assertThat(b.readInt16LE(6)).isEqualTo((short) 0x8807);
        assertThat(b.readInt16BE(6)).isEqualTo(0x0788);
        assertThat(b.readUInt32LE(4)).isEqualTo(0x88070605L);
        assertThat(b.readUInt32BE(4)).isEqualTo(0x05060788L);
        assertThat(b.readInt32LE(4)).isEqualTo(0x88070605);
        assertThat(b.readInt32BE(0)).isEqualTo(0x01020304);
        assertThat(b.readBigInt64LE(0)).isEqualTo(0x8807060504030201L);
        assertThat(b.readBigInt64BE(0)).isEqualTo(0x0102030405060788L);
        assertThat(Long.toUnsignedString(b.readBigUInt64LE(0))).isEqualTo("9801809732607083009");
        assertThat(b.readBigUInt64BE(0)).isEqualTo(0x0102030405060788L);
    }

    @Test
    void floatsRoundTripInBothByteOrders() {
        Bytes f = Bytes.alloc(8);
        assertThat(f.writeFloatLE(1.5, 0)).isEqualTo(4);
        assertThat(f.toString("hex")).isEqualTo("0000c03f00000000");
        assertThat(f.readFloatLE(0)).isEqualTo(1.5f);
        f.writeFloatBE(0.1, 4);
        assertThat(f.readFloatBE(4)).isEqualTo(0.1f);
        assertThat(f.writeDoubleBE(-2.5, 0)).isEqualTo(8);
        assertThat(f.toString("hex")).isEqualTo("c004000000000000");
        assertThat(f.readDoubleBE(0)).isEqualTo(-2.5);
        f.writeDoubleLE(Math.PI, 0);
        assertThat(f.readDoubleLE(0)).isEqualTo(Math.PI);
    }

    @Test
    void variableWidthReadsCoverOneToSixBytes() {
        assertThat(b.readUIntLE(0, 3)).isEqualTo(0x030201L);
        assertThat(b.readUIntBE(2, 6)).isEqualTo(0x030405060788L);
        assertThat(b.readIntLE(2, 6)).isEqualTo(0x880706050403L - (1L << 48));
        assertThat(b.readIntBE(7, 1)).isEqualTo(-120);
        assertNodeError(() -> b.readIntLE(0, 7), "ERR_OUT_OF_RANGE",
                "The value of \"byteLength\" is out of range. It must be >= 1 and <= 6. Received 7");
        assertNodeError(() -> b.readUIntBE(0, 0), "ERR_OUT_OF_RANGE", null);
    }

    @Test
    void writesReturnTheOffsetAfterTheValue() {
        Bytes w = Bytes.alloc(8);
        assertThat(w.writeUInt8(255, 0)).isEqualTo(1);
        assertThat(w.writeInt8(-1, 1)).isEqualTo(2);
        assertThat(w.writeUInt16BE(0xABCD, 2)).isEqualTo(4);
        assertThat(w.writeInt16LE(-2, 4)).isEqualTo(6);
        assertThat(w.writeUInt16LE(1, 6)).isEqualTo(8);
        assertThat(w.toString("hex")).isEqualTo("ffffabcdfeff0100");
        assertThat(w.writeUInt32LE(0xFFFFFFFFL, 0)).isEqualTo(4);
        assertThat(w.writeInt32BE(-2, 4)).isEqualTo(8);
        assertThat(w.toString("hex")).isEqualTo("fffffffffffffffe");
        assertThat(w.writeBigUInt64BE(1, 0)).isEqualTo(8);
        assertThat(w.writeBigInt64LE(-1, 0)).isEqualTo(8);
        assertThat(w.writeUIntBE(0x010203, 0, 3)).isEqualTo(3);
        assertThat(w.writeIntLE(-2, 3, 5)).isEqualTo(8);
        assertThat(w.toString("hex")).isEqualTo("010203feffffffff");
        assertThat(w.writeUInt32BE(1, 0)).isEqualTo(4);
        assertThat(w.writeInt32LE(1, 4)).isEqualTo(8);
        assertThat(w.writeBigInt64BE(2, 0)).isEqualTo(8);
        assertThat(w.writeBigUInt64LE(3, 0)).isEqualTo(8);
        assertThat(w.writeInt16BE(1, 0)).isEqualTo(2);
        assertThat(w.writeUIntLE(1, 0, 1)).isEqualTo(1);
        assertThat(w.writeIntBE(-1, 0, 2)).isEqualTo(2);
        assertThat(w.toString("hex")).isEqualTo("ffff000000000000");
    }

    @Test
    void outOfBoundsOffsetsGiveNodesTwoErrors() {
        Bytes four = Bytes.alloc(4);
        assertNodeError(() -> four.readUInt8(4), "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 and <= 3. Received 4");
        assertNodeError(() -> four.readUInt32LE(-1), "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 and <= 0. Received -1");
        assertNodeError(() -> four.readDoubleLE(0), "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds");
        assertNodeError(() -> four.writeBigInt64LE(0, 0), "ERR_BUFFER_OUT_OF_BOUNDS", null);
        assertNodeError(() -> four.writeUInt16LE(0, 3), "ERR_OUT_OF_RANGE", null);
    }

    @Test
    void outOfRangeValuesAreRejectedBeforeTheOffsetIsChecked() {
        Bytes four = Bytes.alloc(4);
        assertNodeError(() -> four.writeUInt8(256, 99), "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= 0 and <= 255. Received 256");
        assertNodeError(() -> four.writeInt16BE(-32769, 0), "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= -32768 and <= 32767. Received -32769");
        assertNodeError(() -> four.writeUInt32BE(1L << 33, 0), "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= 0 and <= 4294967295. Received 8_589_934_592");
        assertNodeError(() -> four.writeUIntLE(1L << 48, 0, 6), "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= 0 and < 2 ** 48. Received 281_474_976_710_656");
        assertNodeError(() -> four.writeIntBE(1L << 39, 0, 5), "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= -(2 ** 39) and < 2 ** 39. Received 549_755_813_888");
        assertNodeError(() -> four.writeIntLE(0, 0, 0), "ERR_OUT_OF_RANGE", null);
    }

    @Test
    void numbersWorkOnSlicesRelativeToTheirStart() {
        Bytes whole = Bytes.alloc(6);
        Bytes tail = whole.subarray(2);
        tail.writeUInt16BE(0x1234, 0);
        assertThat(whole.readUInt16BE(2)).isEqualTo(0x1234);
        assertNodeError(() -> tail.readUInt32LE(1), "ERR_OUT_OF_RANGE", null);
    }
}
