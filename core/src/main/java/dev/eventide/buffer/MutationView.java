package dev.eventide.buffer;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.Errors;
import java.util.Arrays;

/**
 * The methods of {@link Bytes} that rewrite its bytes in place (Node's {@code fill},
 * {@code swap16}/{@code swap32}/{@code swap64} and {@code reverse}), kept apart so that each
 * file stays readable. Each returns the buffer itself, as Node's do. Same threading as
 * {@link Bytes}.
 */
abstract sealed class MutationView extends SearchView permits Bytes {
    MutationView(byte[] array, int offset, int length) {
        super(array, offset, length);
    }

    private Bytes self() {
        return (Bytes) this;
    }

    /** Node's buf.swap16(): swaps each pair of bytes; the length must be even. */
    public Bytes swap16() {
        checkMultiple(2, 16);
        for (int i = offset, end = offset + length; i < end; i += 2) {
            swap(i, i + 1);
        }
        return self();
    }

    /** Node's buf.swap32(): reverses each group of four bytes. */
    public Bytes swap32() {
        checkMultiple(4, 32);
        for (int i = offset, end = offset + length; i < end; i += 4) {
            swap(i, i + 3);
            swap(i + 1, i + 2);
        }
        return self();
    }

    /** Node's buf.swap64(): reverses each group of eight bytes. */
    public Bytes swap64() {
        checkMultiple(8, 64);
        for (int i = offset, end = offset + length; i < end; i += 8) {
            for (int j = 0; j < 4; j++) {
                swap(i + j, i + 7 - j);
            }
        }
        return self();
    }

    /** Node's buf.reverse() (TypedArray's): the bytes in reverse order, in place. */
    public Bytes reverse() {
        for (int i = offset, j = offset + length - 1; i < j; i++, j--) {
            swap(i, j);
        }
        return self();
    }

    private void checkMultiple(int size, int bits) {
        if (length % size != 0) {
            throw ErrorCode.ERR_INVALID_BUFFER_SIZE.make(bits + "-bits");
        }
    }

    private void swap(int i, int j) {
        byte t = array[i];
        array[i] = array[j];
        array[j] = t;
    }

    /** Fills with {@code value} modulo 256 (Node's buf.fill(number)). */
    public Bytes fill(int value) {
        Arrays.fill(array, offset, offset + length, (byte) value);
        return self();
    }

    public Bytes fill(int value, int offset, int end) {
        checkFillRange(offset, end);
        Arrays.fill(array, this.offset + offset, this.offset + Math.max(offset, end), (byte) value);
        return self();
    }

    public Bytes fill(String value) {
        return fill(value, Encoding.UTF8);
    }

    public Bytes fill(String value, Encoding encoding) {
        return fill(value, 0, length, encoding);
    }

    /**
     * Node's buf.fill(string, offset, end, encoding): repeats the encoded bytes over the range;
     * "" fills zeros, a string that encodes to nothing (bad hex) is ERR_INVALID_ARG_VALUE.
     */
    public Bytes fill(String value, int offset, int end, Encoding encoding) {
        BufferErrors.requireString(value, "value");
        Errors.requireNonNull(encoding, "encoding", "an Encoding");
        checkFillRange(offset, end);
        if (offset >= end) {
            return self();
        }
        if (value.isEmpty()) {
            return fill(0, offset, end);
        }
        byte[] pattern = Codecs.encode(encoding, value);
        if (pattern.length == 0) {
            throw BufferErrors.invalidFillValue(value);
        }
        repeat(pattern, 0, pattern.length, offset, end);
        return self();
    }

    /** Node's buf.fill(string, encoding); "" as the encoding means UTF-8, as in Node. */
    public Bytes fill(String value, String encoding) {
        return fill(value, 0, length, Encoding.orUtf8(encoding));
    }

    /** Node's buf.fill(string, offset, encoding): to the end of the buffer. */
    public Bytes fill(String value, int offset, String encoding) {
        return fill(value, offset, length, Encoding.orUtf8(encoding));
    }

    public Bytes fill(String value, int offset, int end, String encoding) {
        return fill(value, offset, end, Encoding.orUtf8(encoding));
    }

    public Bytes fill(Bytes value) {
        return fill(value, 0, length);
    }

    /** Repeats {@code value}'s bytes over the range; an empty value is ERR_INVALID_ARG_VALUE. */
    public Bytes fill(Bytes value, int offset, int end) {
        BufferErrors.requireBytes(value, "value");
        checkFillRange(offset, end);
        if (offset >= end) {
            return self();
        }
        if (value.length == 0) {
            throw BufferErrors.invalidFillValue(value);
        }
        // A pattern in this very array could be overwritten while it is repeated: copy it first.
        Bytes pattern = value.array == array ? Bytes.from(value) : value;
        repeat(pattern.array, pattern.offset, pattern.length, offset, end);
        return self();
    }

    private void checkFillRange(int offset, int end) {
        BufferErrors.validateOffset(offset, "offset", BufferErrors.MAX_LENGTH);
        BufferErrors.validateOffset(end, "end", length);
    }

    /** Copies the pattern once, then doubles the filled prefix until the range is full. */
    private void repeat(byte[] pattern, int from, int size, int start, int end) {
        int base = offset + start;
        int total = end - start;
        int filled = Math.min(size, total);
        System.arraycopy(pattern, from, array, base, filled);
        while (filled < total) {
            int n = Math.min(filled, total - filled);
            System.arraycopy(array, base, array, base + filled, n);
            filled += n;
        }
    }
}
