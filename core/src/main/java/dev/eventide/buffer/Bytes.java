package dev.eventide.buffer;

import dev.eventide.errors.Errors;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node's {@code Buffer} for Java: a fixed-length view of bytes with Node's encodings, search,
 * copy, fill and number methods, named {@code Bytes} because {@code java.nio.Buffer} takes the
 * name. Not thread-safe, like a Java array or Node's Buffer: one thread uses it at a time.
 *
 * <p>The bytes live in a {@code byte[]} at an offset; {@link #subarray} and {@link #slice}
 * share that array (writes show through both, as in Node), small {@link #allocUnsafe}
 * buffers share this thread's 8 KiB pool, and {@link #toByteBuffer()} / {@link #wrap} view
 * the same memory from and to {@code java.nio}. Errors carry Node's codes:
 * ERR_OUT_OF_RANGE, ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE and
 * ERR_UNKNOWN_ENCODING. The search methods are in {@link SearchView} and the number methods
 * in {@link NumericView} and {@link ZeroOffsetView}, the in-place rewrites (fill, swap16/32/64,
 * reverse) in {@link MutationView}, so that each file stays readable.
 */
public final class Bytes extends MutationView implements Comparable<Bytes> {
    Bytes(byte[] array, int offset, int length) {
        super(array, offset, length);
    }

    /** Node's Buffer.alloc(size): zero-filled, never from the pool. */
    public static Bytes alloc(int size) {
        return new Bytes(new byte[checkSize(size)], 0, size);
    }

    /** Node's Buffer.alloc(size, fill) with a byte value (taken modulo 256). */
    public static Bytes alloc(int size, int fill) {
        return alloc(size).fill(fill);
    }

    /** Node's Buffer.alloc(size, fill) with the UTF-8 bytes of {@code fill} repeated. */
    public static Bytes alloc(int size, String fill) {
        return alloc(size, fill, Encoding.UTF8);
    }

    public static Bytes alloc(int size, String fill, Encoding encoding) {
        return size == 0 ? alloc(0) : alloc(size).fill(fill, encoding);
    }

    public static Bytes alloc(int size, Bytes fill) {
        return size == 0 ? alloc(0) : alloc(size).fill(fill);
    }

    /** Node's Buffer.allocUnsafe: small sizes come from this thread's pool (always zeroed here). */
    public static Bytes allocUnsafe(int size) {
        return BytesPool.allocate(checkSize(size));
    }

    /** Node's Buffer.allocUnsafeSlow: never from the pool. */
    public static Bytes allocUnsafeSlow(int size) {
        return alloc(size);
    }

    /** Node's Buffer.poolSize (8192 by default); shared by all threads, read at each allocation. */
    public static int poolSize() {
        return BytesPool.poolSize();
    }

    public static void poolSize(int size) {
        BytesPool.poolSize(size);
    }

    /** The UTF-8 bytes of {@code string}, lone surrogates as EF BF BD. */
    public static Bytes from(String string) {
        return from(string, Encoding.UTF8);
    }

    /** Node's Buffer.from(string, encoding); null or "" means UTF-8, as in Node. */
    public static Bytes from(String string, String encoding) {
        return from(string, Encoding.orUtf8(encoding));
    }

    public static Bytes from(String string, Encoding encoding) {
        BufferErrors.requireString(string, "string");
        byte[] bytes = Codecs.encode(encoding, string);
        return new Bytes(bytes, 0, bytes.length);
    }

    /** A copy of {@code bytes} (Node's Buffer.from(array)); see {@link #wrap} to share instead. */
    public static Bytes from(byte[] bytes) {
        Errors.requireNonNull(bytes, "bytes", "an instance of byte[]");
        return new Bytes(bytes.clone(), 0, bytes.length);
    }

    /** A copy of another buffer's bytes (Node's Buffer.from(buffer)). */
    public static Bytes from(Bytes other) {
        BufferErrors.requireBytes(other, "buffer");
        return new Bytes(other.toByteArray(), 0, other.length);
    }

    /** A copy of the remaining bytes of {@code buffer}, leaving its position where it was. */
    public static Bytes from(ByteBuffer buffer) {
        Errors.requireNonNull(buffer, "buffer", "an instance of ByteBuffer");
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(buffer.position(), copy);
        return new Bytes(copy, 0, copy.length);
    }

    /** Node's Buffer.of / Buffer.from([..]): each value is taken modulo 256. */
    public static Bytes of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return new Bytes(bytes, 0, bytes.length);
    }

    /** A view of {@code array} without copying (Node's Buffer.from(arrayBuffer)). */
    public static Bytes wrap(byte[] array) {
        return wrap(Errors.requireNonNull(array, "array", "an instance of byte[]"), 0, array.length);
    }

    /** A view of {@code array[offset, offset + length)} without copying. */
    public static Bytes wrap(byte[] array, int offset, int length) {
        Errors.requireNonNull(array, "array", "an instance of byte[]");
        BufferErrors.validateOffset(offset, "offset", array.length);
        BufferErrors.validateOffset(length, "length", array.length - offset);
        return new Bytes(array, offset, length);
    }

    /** Node's Buffer.concat(list): the bytes of every element in order, in a new buffer. */
    public static Bytes concat(List<Bytes> list) {
        Errors.requireNonNull(list, "list", "an instance of Array");
        long total = 0;
        for (int i = 0; i < list.size(); i++) {
            total += BufferErrors.requireBytes(list.get(i), "list[" + i + "]").length;
        }
        return concat(list, (int) Math.min(total, Integer.MAX_VALUE));
    }

    public static Bytes concat(Bytes... list) {
        return concat(Arrays.asList(list));
    }

    /**
     * Node's Buffer.concat(list, totalLength): the result has exactly {@code totalLength} bytes,
     * truncated, or zero-filled past the end of the list.
     */
    public static Bytes concat(List<Bytes> list, int totalLength) {
        Errors.requireNonNull(list, "list", "an instance of Array");
        if (list.isEmpty()) {
            return alloc(0);
        }
        BufferErrors.validateOffset(totalLength, "length", BufferErrors.MAX_LENGTH);
        Bytes out = allocUnsafe(totalLength);
        int pos = 0;
        for (int i = 0; i < list.size(); i++) {
            Bytes b = BufferErrors.requireBytes(list.get(i), "list[" + i + "]");
            int n = Math.min(b.length, totalLength - pos);
            System.arraycopy(b.array, b.offset, out.array, out.offset + pos, n);
            pos += n;
        }
        Arrays.fill(out.array, out.offset + pos, out.offset + totalLength, (byte) 0);
        return out;
    }

    /** Node's Buffer.compare(a, b): -1, 0 or 1 by unsigned byte order, then length. */
    public static int compare(Bytes a, Bytes b) {
        BufferErrors.requireBytes(a, "buf1");
        BufferErrors.requireBytes(b, "buf2");
        return Integer.signum(Arrays.compareUnsigned(a.array, a.offset, a.offset + a.length,
                b.array, b.offset, b.offset + b.length));
    }

    /** Node's Buffer.byteLength(string): its length in UTF-8. */
    public static int byteLength(String string) {
        return byteLength(string, Encoding.UTF8);
    }

    public static int byteLength(String string, String encoding) {
        return byteLength(string, Encoding.orUtf8(encoding));
    }

    /** Node's Buffer.byteLength; for base64 Node's estimate (3/4 of the unpadded length). */
    public static int byteLength(String string, Encoding encoding) {
        return Codecs.byteLength(encoding, BufferErrors.requireString(string, "string"));
    }

    /** Node's Buffer.isEncoding. */
    public static boolean isEncoding(String name) {
        return Encoding.isEncoding(name);
    }

    private static int checkSize(int size) {
        return BufferErrors.validateOffset(size, "size", BufferErrors.MAX_LENGTH);
    }

    public int length() {
        return length;
    }

    /** Where this buffer starts in {@link #array()} (Node's buf.byteOffset). */
    public int byteOffset() {
        return offset;
    }

    /** The backing array, shared, not copied (Node's buf.buffer); mind {@link #byteOffset()}. */
    public byte[] array() {
        return array;
    }

    /** Node's buf[index], as 0..255; an index outside the buffer is ERR_OUT_OF_RANGE. */
    public int get(int index) {
        return array[checkIndex(index)] & 0xFF;
    }

    /** Node's buf[index] = value: the value is taken modulo 256, as a Uint8Array stores it. */
    public void set(int index, int value) {
        array[checkIndex(index)] = (byte) value;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= length) {
            throw BufferErrors.outOfRange("index", ">= 0 and < " + length, index);
        }
        return offset + index;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /** A ByteBuffer over the same memory (position 0, limit length), for NIO channels. */
    public ByteBuffer toByteBuffer() {
        return ByteBuffer.wrap(array, offset, length).slice();
    }

    /** The bytes from {@code start} to the end, sharing memory; negative counts from the end. */
    public Bytes subarray(int start) {
        return subarray(start, length);
    }

    /**
     * Node's buf.subarray(start, end): a view sharing this memory. Negative indices count from
     * the end; indices are clamped to the buffer, and end before start gives an empty view.
     */
    public Bytes subarray(int start, int end) {
        int from = clampIndex(start);
        int to = Math.max(from, clampIndex(end));
        return new Bytes(array, offset + from, to - from);
    }

    /** The same as {@link #subarray(int)}: in Node 20, slice shares memory too. */
    public Bytes slice(int start) {
        return subarray(start);
    }

    public Bytes slice(int start, int end) {
        return subarray(start, end);
    }

    private int clampIndex(int index) {
        return index < 0 ? Math.max(0, length + index) : Math.min(index, length);
    }

    /** The bytes decoded as UTF-8, as Node's buf.toString() (not a debug form: see {@link #inspect()}). */
    @Override
    public String toString() {
        return Utf8.decode(array, offset, offset + length);
    }

    public String toString(Encoding encoding) {
        return toString(encoding, 0, length);
    }

    /** Node's buf.toString(encoding); an unknown name is ERR_UNKNOWN_ENCODING (null means UTF-8). */
    public String toString(String encoding) {
        return toString(encoding, 0, length);
    }

    /**
     * Node's buf.toString(encoding, start, end): start and end are clamped into the buffer and an
     * empty range gives "" without looking at the encoding name, as Node does.
     */
    public String toString(String encoding, int start, int end) {
        return isEmptyRange(start, end) ? "" : toString(Encoding.of(encoding), start, end);
    }

    public String toString(Encoding encoding, int start, int end) {
        Errors.requireNonNull(encoding, "encoding", "an Encoding");
        if (isEmptyRange(start, end)) {
            return "";
        }
        return Codecs.decode(encoding, array, offset + Math.max(0, start), offset + Math.min(end, length));
    }

    private boolean isEmptyRange(int start, int end) {
        return start >= length || Math.min(end, length) <= Math.max(0, start);
    }

    /**
     * Node's buf.toJSON(): {@code {"type": "Buffer", "data": [bytes as 0..255]}}, in that order,
     * unmodifiable; a JSON library writes it as JSON.stringify writes a Buffer.
     */
    public Map<String, Object> toJSON() {
        Integer[] data = new Integer[length];
        for (int i = 0; i < length; i++) {
            data[i] = array[offset + i] & 0xFF;
        }
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("type", "Buffer");
        json.put("data", List.of(data));
        return Collections.unmodifiableMap(json);
    }

    /** Node's util.inspect form: {@code <Buffer 68 69>}, at most 50 bytes then "... n more bytes". */
    public String inspect() {
        return Codecs.inspect(array, offset, length);
    }

    /** Writes {@code string} as UTF-8 at 0; returns the number of bytes written (whole characters). */
    public int write(String string) {
        return write(string, 0, length, Encoding.UTF8);
    }

    public int write(String string, Encoding encoding) {
        return write(string, 0, length, encoding);
    }

    public int write(String string, int offset) {
        return write(string, offset, Encoding.UTF8);
    }

    public int write(String string, int offset, Encoding encoding) {
        BufferErrors.validateOffset(offset, "offset", length);
        return write(string, offset, length - offset, encoding);
    }

    public int write(String string, int offset, int length) {
        return write(string, offset, length, Encoding.UTF8);
    }

    /** Node's buf.write(string, encoding) with the encoding's name; "" means UTF-8, as in Node. */
    public int write(String string, String encoding) {
        return write(string, 0, length, Encoding.orUtf8(encoding));
    }

    public int write(String string, int offset, String encoding) {
        return write(string, offset, Encoding.orUtf8(encoding));
    }

    public int write(String string, int offset, int length, String encoding) {
        return write(string, offset, length, Encoding.orUtf8(encoding));
    }

    /**
     * Node's buf.write(string, offset, length, encoding): writes at most {@code length} bytes,
     * never part of a character (UTF-8, UTF-16), stopping at the first bad pair (hex).
     */
    public int write(String string, int offset, int length, Encoding encoding) {
        BufferErrors.requireString(string, "string");
        Errors.requireNonNull(encoding, "encoding", "an Encoding");
        BufferErrors.validateOffset(offset, "offset", this.length);
        BufferErrors.validateOffset(length, "length", this.length);
        int cap = Math.min(length, this.length - offset);
        return Codecs.write(encoding, string, array, this.offset + offset, cap);
    }

    /** Node's buf.compare(target): -1, 0 or 1. */
    public int compare(Bytes target) {
        BufferErrors.requireBytes(target, "target");
        return compare(this, target);
    }

    /**
     * Node's buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd); the ends must
     * lie within their buffers (ERR_OUT_OF_RANGE), the starts only be non-negative.
     */
    public int compare(Bytes target, int targetStart, int targetEnd, int sourceStart, int sourceEnd) {
        BufferErrors.requireBytes(target, "target");
        BufferErrors.validateOffset(targetStart, "targetStart", BufferErrors.MAX_LENGTH);
        BufferErrors.validateOffset(targetEnd, "targetEnd", target.length);
        BufferErrors.validateOffset(sourceStart, "sourceStart", BufferErrors.MAX_LENGTH);
        BufferErrors.validateOffset(sourceEnd, "sourceEnd", length);
        if (sourceStart >= sourceEnd) {
            return targetStart >= targetEnd ? 0 : -1;
        }
        if (targetStart >= targetEnd) {
            return 1;
        }
        return compare(subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
    }

    @Override
    public int compareTo(Bytes other) {
        return compare(other);
    }

    /** True when {@code other} is a Bytes with the same content (Node's buf.equals). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes b
                && Arrays.equals(array, offset, offset + length, b.array, b.offset, b.offset + b.length);
    }

    /** A hash of the content; like a ByteBuffer's, it changes when the bytes change. */
    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    public int copy(Bytes target) {
        return copy(target, 0, 0, length);
    }

    public int copy(Bytes target, int targetStart) {
        return copy(target, targetStart, 0, length);
    }

    /**
     * Node's buf.copy(target, targetStart, sourceStart, sourceEnd): copies as much as fits
     * (overlapping regions of one array are fine) and returns the number of bytes copied.
     */
    public int copy(Bytes target, int targetStart, int sourceStart, int sourceEnd) {
        BufferErrors.requireBytes(target, "target");
        if (targetStart < 0) {
            throw BufferErrors.outOfRange("targetStart", ">= 0", targetStart);
        }
        BufferErrors.validateOffset(sourceStart, "sourceStart", length);
        if (sourceEnd < 0) {
            throw BufferErrors.outOfRange("sourceEnd", ">= 0", sourceEnd);
        }
        if (targetStart >= target.length || sourceStart >= sourceEnd) {
            return 0;
        }
        int n = Math.min(Math.min(sourceEnd, length) - sourceStart, target.length - targetStart);
        System.arraycopy(array, offset + sourceStart, target.array, target.offset + targetStart, n);
        return n;
    }
}
