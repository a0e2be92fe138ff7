package dev.eventide.buffer;

/**
 * Node's fixed-width number methods of {@link Bytes} with the offset left out, which Node reads
 * as offset 0 ({@code buf.readUInt8()}, {@code buf.writeDoubleBE(v)}), kept apart from
 * {@link NumericView} so that each file stays readable. Same threading as {@link Bytes}.
 */
abstract sealed class ZeroOffsetView extends NumericView permits SearchView {
    ZeroOffsetView(byte[] array, int offset, int length) {
        super(array, offset, length);
    }

    public int readUInt8() {
        return readUInt8(0);
    }

    public int readInt8() {
        return readInt8(0);
    }

    public int readUInt16LE() {
        return readUInt16LE(0);
    }

    public int readUInt16BE() {
        return readUInt16BE(0);
    }

    public int readInt16LE() {
        return readInt16LE(0);
    }

    public int readInt16BE() {
        return readInt16BE(0);
    }

    public long readUInt32LE() {
        return readUInt32LE(0);
    }

    public long readUInt32BE() {
        return readUInt32BE(0);
    }

    public int readInt32LE() {
        return readInt32LE(0);
    }

    public int readInt32BE() {
        return readInt32BE(0);
    }

    public long readBigInt64LE() {
        return readBigInt64LE(0);
    }

    public long readBigInt64BE() {
        return readBigInt64BE(0);
    }

    public long readBigUInt64LE() {
        return readBigUInt64LE(0);
    }

    public long readBigUInt64BE() {
        return readBigUInt64BE(0);
    }

    public float readFloatLE() {
        return readFloatLE(0);
    }

    public float readFloatBE() {
        return readFloatBE(0);
    }

    public double readDoubleLE() {
        return readDoubleLE(0);
    }

    public double readDoubleBE() {
        return readDoubleBE(0);
    }

    /** Returns the offset after the value, as Node does. */
    public int writeUInt8(int value) {
        return writeUInt8(value, 0);
    }

    public int writeInt8(int value) {
        return writeInt8(value, 0);
    }

    public int writeUInt16LE(int value) {
        return writeUInt16LE(value, 0);
    }

    public int writeUInt16BE(int value) {
        return writeUInt16BE(value, 0);
    }

    public int writeInt16LE(int value) {
        return writeInt16LE(value, 0);
    }

    public int writeInt16BE(int value) {
        return writeInt16BE(value, 0);
    }

    public int writeUInt32LE(long value) {
        return writeUInt32LE(value, 0);
    }

    public int writeUInt32BE(long value) {
        return writeUInt32BE(value, 0);
    }

    public int writeInt32LE(int value) {
        return writeInt32LE(value, 0);
    }

    public int writeInt32BE(int value) {
        return writeInt32BE(value, 0);
    }

    public int writeBigInt64LE(long value) {
        return writeBigInt64LE(value, 0);
    }

    public int writeBigInt64BE(long value) {
        return writeBigInt64BE(value, 0);
    }

    public int writeBigUInt64LE(long value) {
        return writeBigUInt64LE(value, 0);
    }

    public int writeBigUInt64BE(long value) {
        return writeBigUInt64BE(value, 0);
    }

    public int writeFloatLE(double value) {
        return writeFloatLE(value, 0);
    }

    public int writeFloatBE(double value) {
        return writeFloatBE(value, 0);
    }

    public int writeDoubleLE(double value) {
        return writeDoubleLE(value, 0);
    }

    public int writeDoubleBE(double value) {
        return writeDoubleBE(value, 0);
    }
}
