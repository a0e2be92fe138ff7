package dev.eventide.buffer;

import dev.eventide.errors.Errors;

/**
 * The search methods of {@link Bytes} (Node's {@code indexOf}, {@code lastIndexOf} and
 * {@code includes} for strings, buffers and byte values), kept apart so that each file stays
 * readable; the rules are in {@link ByteSearch}. Same threading as {@link Bytes}.
 *
 * <p>Without a byteOffset, indexOf starts at 0 and lastIndexOf at the end; a negative
 * byteOffset counts from the end. A string needle is encoded first (UTF-8 by default).
 */
abstract sealed class SearchView extends ZeroOffsetView permits MutationView {
    private static final byte[] EMPTY = new byte[0];

    SearchView(byte[] array, int offset, int length) {
        super(array, offset, length);
    }

    public int indexOf(String value) {
        return indexOf(value, 0, Encoding.UTF8);
    }

    public int indexOf(String value, int byteOffset) {
        return indexOf(value, byteOffset, Encoding.UTF8);
    }

    public int indexOf(String value, Encoding encoding) {
        return indexOf(value, 0, encoding);
    }

    /** Node's buf.indexOf(string, byteOffset, encoding); a negative offset counts from the end. */
    public int indexOf(String value, int byteOffset, Encoding encoding) {
        return searchString(value, byteOffset, encoding, true);
    }

    /** Node's buf.indexOf(string, encoding) with the encoding's name (unknown or "": ERR_UNKNOWN_ENCODING). */
    public int indexOf(String value, String encoding) {
        return indexOf(value, 0, Encoding.of(encoding));
    }

    public int indexOf(String value, int byteOffset, String encoding) {
        return indexOf(value, byteOffset, Encoding.of(encoding));
    }

    /** As Node, the name only matters when it is UTF-16LE's; an unknown one is ignored for bytes. */
    public int indexOf(Bytes value, int byteOffset, String encoding) {
        return indexOf(value, byteOffset, lenient(encoding));
    }

    public int indexOf(Bytes value) {
        return indexOf(value, 0, Encoding.UTF8);
    }

    public int indexOf(Bytes value, int byteOffset) {
        return indexOf(value, byteOffset, Encoding.UTF8);
    }

    /** The encoding matters only for UTF-16LE, which matches at even offsets only. */
    public int indexOf(Bytes value, int byteOffset, Encoding encoding) {
        return searchBytes(value, byteOffset, encoding, true);
    }

    /** Node's buf.indexOf(number): the first byte equal to {@code value} modulo 256. */
    public int indexOf(int value) {
        return ByteSearch.indexOfByte((Bytes) this, value, 0, true);
    }

    public int indexOf(int value, int byteOffset) {
        return ByteSearch.indexOfByte((Bytes) this, value, byteOffset, true);
    }

    public int lastIndexOf(String value) {
        return lastIndexOf(value, length, Encoding.UTF8);
    }

    public int lastIndexOf(String value, int byteOffset) {
        return lastIndexOf(value, byteOffset, Encoding.UTF8);
    }

    public int lastIndexOf(String value, Encoding encoding) {
        return lastIndexOf(value, length, encoding);
    }

    public int lastIndexOf(String value, int byteOffset, Encoding encoding) {
        return searchString(value, byteOffset, encoding, false);
    }

    public int lastIndexOf(String value, String encoding) {
        return lastIndexOf(value, length, Encoding.of(encoding));
    }

    public int lastIndexOf(String value, int byteOffset, String encoding) {
        return lastIndexOf(value, byteOffset, Encoding.of(encoding));
    }

    public int lastIndexOf(Bytes value, int byteOffset, String encoding) {
        return lastIndexOf(value, byteOffset, lenient(encoding));
    }

    public int lastIndexOf(Bytes value) {
        return lastIndexOf(value, length, Encoding.UTF8);
    }

    public int lastIndexOf(Bytes value, int byteOffset) {
        return lastIndexOf(value, byteOffset, Encoding.UTF8);
    }

    public int lastIndexOf(Bytes value, int byteOffset, Encoding encoding) {
        return searchBytes(value, byteOffset, encoding, false);
    }

    public int lastIndexOf(int value) {
        return ByteSearch.indexOfByte((Bytes) this, value, length, false);
    }

    public int lastIndexOf(int value, int byteOffset) {
        return ByteSearch.indexOfByte((Bytes) this, value, byteOffset, false);
    }

    public boolean includes(String value) {
        return indexOf(value) != -1;
    }

    public boolean includes(String value, int byteOffset) {
        return indexOf(value, byteOffset) != -1;
    }

    public boolean includes(String value, Encoding encoding) {
        return indexOf(value, encoding) != -1;
    }

    public boolean includes(String value, int byteOffset, Encoding encoding) {
        return indexOf(value, byteOffset, encoding) != -1;
    }

    public boolean includes(String value, String encoding) {
        return indexOf(value, encoding) != -1;
    }

    public boolean includes(String value, int byteOffset, String encoding) {
        return indexOf(value, byteOffset, encoding) != -1;
    }

    public boolean includes(Bytes value, int byteOffset, String encoding) {
        return indexOf(value, byteOffset, encoding) != -1;
    }

    public boolean includes(Bytes value) {
        return indexOf(value) != -1;
    }

    public boolean includes(Bytes value, int byteOffset) {
        return indexOf(value, byteOffset) != -1;
    }

    public boolean includes(int value) {
        return indexOf(value) != -1;
    }

    public boolean includes(int value, int byteOffset) {
        return indexOf(value, byteOffset) != -1;
    }

    private static Encoding lenient(String encoding) {
        return Encoding.isEncoding(encoding) ? Encoding.of(encoding) : Encoding.UTF8;
    }

    private int searchString(String value, int byteOffset, Encoding encoding, boolean forward) {
        BufferErrors.requireString(value, "value");
        Errors.requireNonNull(encoding, "encoding", "an Encoding");
        byte[] needle = value.isEmpty() ? EMPTY : Codecs.encode(encoding, value);
        // Node searches utf8, latin1 and utf16le strings natively (utf16le rounding the
        // haystack down to whole units); other encodings go through a temporary buffer.
        boolean units = encoding == Encoding.UTF16LE;
        return ByteSearch.indexOf((Bytes) this, needle, 0, needle.length, byteOffset, units, units, forward);
    }

    private int searchBytes(Bytes value, int byteOffset, Encoding encoding, boolean forward) {
        BufferErrors.requireBytes(value, "value");
        Errors.requireNonNull(encoding, "encoding", "an Encoding");
        boolean units = encoding == Encoding.UTF16LE;
        return ByteSearch.indexOf((Bytes) this, value.array, value.offset, value.length, byteOffset, units, false, forward);
    }
}
