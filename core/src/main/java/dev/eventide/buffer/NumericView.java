package dev.eventide.buffer;

import dev.eventide.errors.ErrorCode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The fixed-width number readers and writers of {@link Bytes} (Node's {@code readUInt16LE},
 * {@code writeDoubleBE}, ...), kept apart so that each file stays readable. Same threading as
 * {@link Bytes}: not thread-safe, used by one thread at a time.
 *
 * <p>Bounds follow Node's {@code boundsError}: an offset outside {@code [0, length - size]}
 * is ERR_OUT_OF_RANGE, or ERR_BUFFER_OUT_OF_BOUNDS when the buffer is shorter than the value.
 * Writes check the value's range first, then the offset, and return {@code offset + size}.
 * 64-bit values are Java longs: the BigUInt64 methods read and write the same bits as BigInt64.
 */
abstract sealed class NumericView permits ZeroOffsetView {
    private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = view(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = view(long[].class, ByteOrder.BIG_ENDIAN);

    /** The backing store; shared with every slice of the same memory. */
    final byte[] array;
    /** Where this view starts in {@link #array}. */
    final int offset;
    /** The number of bytes in this view; {@code offset + length <= array.length}. */
    final int length;

    NumericView(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    private static VarHandle view(Class<?> type, ByteOrder order) {
        return MethodHandles.byteArrayViewVarHandle(type, order);
    }

    /** Checks that {@code size} bytes at {@code at} are inside; returns the array index. */
    final int index(int at, int size) {
        if (at < 0 || at > length - size) {
            if (length - size < 0) {
                throw ErrorCode.ERR_BUFFER_OUT_OF_BOUNDS.make();
            }
            throw BufferErrors.outOfRange("offset", ">= 0 and <= " + (length - size), at);
        }
        return offset + at;
    }

    public int readUInt8(int offset) {
        return array[index(offset, 1)] & 0xFF;
    }

    public int readInt8(int offset) {
        return array[index(offset, 1)];
    }

    public int readUInt16LE(int offset) {
        return (short) SHORT_LE.get(array, index(offset, 2)) & 0xFFFF;
    }

    public int readUInt16BE(int offset) {
        return (short) SHORT_BE.get(array, index(offset, 2)) & 0xFFFF;
    }

    public int readInt16LE(int offset) {
        return (short) SHORT_LE.get(array, index(offset, 2));
    }

    public int readInt16BE(int offset) {
        return (short) SHORT_BE.get(array, index(offset, 2));
    }

    public long readUInt32LE(int offset) {
        return (int) INT_LE.get(array, index(offset, 4)) & 0xFFFFFFFFL;
    }

    public long readUInt32BE(int offset) {
        return (int) INT_BE.get(array, index(offset, 4)) & 0xFFFFFFFFL;
    }

    public int readInt32LE(int offset) {
        return (int) INT_LE.get(array, index(offset, 4));
    }

    public int readInt32BE(int offset) {
        return (int) INT_BE.get(array, index(offset, 4));
    }

    public long readBigInt64LE(int offset) {
        return (long) LONG_LE.get(array, index(offset, 8));
    }

    public long readBigInt64BE(int offset) {
        return (long) LONG_BE.get(array, index(offset, 8));
    }

    /** The 64 bits as an unsigned value; use {@link Long#toUnsignedString(long)} to print it. */
    public long readBigUInt64LE(int offset) {
        return readBigInt64LE(offset);
    }

    /** The 64 bits as an unsigned value; use {@link Long#toUnsignedString(long)} to print it. */
    public long readBigUInt64BE(int offset) {
        return readBigInt64BE(offset);
    }

    public float readFloatLE(int offset) {
        return Float.intBitsToFloat(readInt32LE(offset));
    }

    public float readFloatBE(int offset) {
        return Float.intBitsToFloat(readInt32BE(offset));
    }

    public double readDoubleLE(int offset) {
        return Double.longBitsToDouble(readBigInt64LE(offset));
    }

    public double readDoubleBE(int offset) {
        return Double.longBitsToDouble(readBigInt64BE(offset));
    }

    /** An unsigned little-endian integer of 1 to 6 bytes. */
    public long readUIntLE(int offset, int byteLength) {
        int at = index(offset, checkByteLength(byteLength));
        long value = 0;
        for (int i = byteLength - 1; i >= 0; i--) {
            value = value << 8 | (array[at + i] & 0xFF);
        }
        return value;
    }

    /** An unsigned big-endian integer of 1 to 6 bytes. */
    public long readUIntBE(int offset, int byteLength) {
        int at = index(offset, checkByteLength(byteLength));
        long value = 0;
        for (int i = 0; i < byteLength; i++) {
            value = value << 8 | (array[at + i] & 0xFF);
        }
        return value;
    }

    /** A two's complement little-endian integer of 1 to 6 bytes. */
    public long readIntLE(int offset, int byteLength) {
        int shift = 64 - 8 * byteLength;
        return readUIntLE(offset, byteLength) << shift >> shift;
    }

    /** A two's complement big-endian integer of 1 to 6 bytes. */
    public long readIntBE(int offset, int byteLength) {
        int shift = 64 - 8 * byteLength;
        return readUIntBE(offset, byteLength) << shift >> shift;
    }

    public int writeUInt8(int value, int offset) {
        array[index(offset, checkValue(value, 1, false))] = (byte) value;
        return offset + 1;
    }

    public int writeInt8(int value, int offset) {
        array[index(offset, checkValue(value, 1, true))] = (byte) value;
        return offset + 1;
    }

    public int writeUInt16LE(int value, int offset) {
        SHORT_LE.set(array, index(offset, checkValue(value, 2, false)), (short) value);
        return offset + 2;
    }

    public int writeUInt16BE(int value, int offset) {
        SHORT_BE.set(array, index(offset, checkValue(value, 2, false)), (short) value);
        return offset + 2;
    }

    public int writeInt16LE(int value, int offset) {
        SHORT_LE.set(array, index(offset, checkValue(value, 2, true)), (short) value);
        return offset + 2;
    }

    public int writeInt16BE(int value, int offset) {
        SHORT_BE.set(array, index(offset, checkValue(value, 2, true)), (short) value);
        return offset + 2;
    }

    public int writeUInt32LE(long value, int offset) {
        INT_LE.set(array, index(offset, checkValue(value, 4, false)), (int) value);
        return offset + 4;
    }

    public int writeUInt32BE(long value, int offset) {
        INT_BE.set(array, index(offset, checkValue(value, 4, false)), (int) value);
        return offset + 4;
    }

    public int writeInt32LE(int value, int offset) {
        INT_LE.set(array, index(offset, 4), value);
        return offset + 4;
    }

    public int writeInt32BE(int value, int offset) {
        INT_BE.set(array, index(offset, 4), value);
        return offset + 4;
    }

    public int writeBigInt64LE(long value, int offset) {
        LONG_LE.set(array, index(offset, 8), value);
        return offset + 8;
    }

    public int writeBigInt64BE(long value, int offset) {
        LONG_BE.set(array, index(offset, 8), value);
        return offset + 8;
    }

    /** Writes the 64 bits of {@code value}, read as unsigned (every long is in range). */
    public int writeBigUInt64LE(long value, int offset) {
        return writeBigInt64LE(value, offset);
    }

    /** Writes the 64 bits of {@code value}, read as unsigned (every long is in range). */
    public int writeBigUInt64BE(long value, int offset) {
        return writeBigInt64BE(value, offset);
    }

    /** Rounds {@code value} to the nearest float, as Node's Float32Array store does. */
    public int writeFloatLE(double value, int offset) {
        return writeInt32LE(Float.floatToRawIntBits((float) value), offset);
    }

    public int writeFloatBE(double value, int offset) {
        return writeInt32BE(Float.floatToRawIntBits((float) value), offset);
    }

    public int writeDoubleLE(double value, int offset) {
        return writeBigInt64LE(Double.doubleToRawLongBits(value), offset);
    }

    public int writeDoubleBE(double value, int offset) {
        return writeBigInt64BE(Double.doubleToRawLongBits(value), offset);
    }

    public int writeUIntLE(long value, int offset, int byteLength) {
        int at = index(offset, checkValue(value, checkByteLength(byteLength), false));
        for (int i = 0; i < byteLength; i++) {
            array[at + i] = (byte) (value >>> (8 * i));
        }
        return offset + byteLength;
    }

    public int writeUIntBE(long value, int offset, int byteLength) {
        int at = index(offset, checkValue(value, checkByteLength(byteLength), false));
        for (int i = 0; i < byteLength; i++) {
            array[at + byteLength - 1 - i] = (byte) (value >>> (8 * i));
        }
        return offset + byteLength;
    }

    public int writeIntLE(long value, int offset, int byteLength) {
        checkValue(value, checkByteLength(byteLength), true);
        return writeUIntLE(value & ((1L << (8 * byteLength)) - 1), offset, byteLength);
    }

    public int writeIntBE(long value, int offset, int byteLength) {
        checkValue(value, checkByteLength(byteLength), true);
        return writeUIntBE(value & ((1L << (8 * byteLength)) - 1), offset, byteLength);
    }

    private static int checkByteLength(int byteLength) {
        if (byteLength < 1 || byteLength > 6) {
            throw BufferErrors.outOfRange("byteLength", ">= 1 and <= 6", byteLength);
        }
        return byteLength;
    }

    /** Node's checkInt: ERR_OUT_OF_RANGE with Node's wording when the value does not fit. */
    private static int checkValue(long value, int size, boolean signed) {
        int bits = 8 * size;
        long min = signed ? -(1L << (bits - 1)) : 0;
        long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        if (value >= min && value <= max) {
            return size;
        }
        String range;
        if (size <= 4) {
            range = ">= " + min + " and <= " + max;
        } else if (signed) {
            range = ">= -(2 ** " + (bits - 1) + ") and < 2 ** " + (bits - 1);
        } else {
            range = ">= 0 and < 2 ** " + bits;
        }
        throw BufferErrors.outOfRange("value", range, value);
    }
}
