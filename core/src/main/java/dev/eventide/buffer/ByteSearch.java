package dev.eventide.buffer;

import java.util.Arrays;

/**
 * Node's buffer search (src/node_buffer.cc IndexOfString, IndexOfBuffer, IndexOfNumber):
 * where the search starts for a given byteOffset, and the UTF-16 mode that only matches at
 * even positions. Stateless; callable from any thread.
 *
 * <p>Node quirk kept on purpose: a buffer needle searched with encoding utf16le in a haystack
 * of odd length answers {@code length - 1} instead of -1 when nothing matches (the C++ compares
 * "not found" against the odd byte length). A string needle rounds the haystack down first and
 * has no such quirk.
 */
final class ByteSearch {
    private ByteSearch() {}

    /** Node's IndexOfOffset: the first index to look at, or -1 when nothing can match. */
    static long startOffset(long length, long offset, long needleLength, boolean forward) {
        if (offset < 0) {
            if (offset + length >= 0) {
                return length + offset;
            }
            return forward || needleLength == 0 ? 0 : -1;
        }
        if (offset + needleLength <= length) {
            return offset;
        }
        if (needleLength == 0) {
            return length;
        }
        return forward ? -1 : length - 1;
    }

    /**
     * Searches {@code needle} in {@code hay}; {@code units} selects UTF-16 mode and
     * {@code evenHaystack} the string-needle rounding described in the class comment.
     */
    static int indexOf(Bytes hay, byte[] needle, int nOff, int nLen, long byteOffset,
                       boolean units, boolean evenHaystack, boolean forward) {
        int hayLen = evenHaystack ? hay.length & ~1 : hay.length;
        long start = startOffset(hayLen, byteOffset, nLen, forward);
        if (nLen == 0) {
            return (int) start;
        }
        if (hayLen == 0 || start <= -1) {
            return -1;
        }
        if ((forward && nLen + start > hayLen) || nLen > hayLen) {
            return -1;
        }
        long result;
        if (units) {
            if (hayLen < 2 || nLen < 2) {
                return -1;
            }
            result = 2L * search(hay.array, hay.offset, hayLen / 2, needle, nOff, nLen / 2, 2, (int) start / 2, forward);
        } else {
            result = search(hay.array, hay.offset, hayLen, needle, nOff, nLen, 1, (int) start, forward);
        }
        return result == hayLen ? -1 : (int) result;
    }

    /** Node's IndexOfNumber: memchr / memrchr from the start offset. */
    static int indexOfByte(Bytes hay, int value, long byteOffset, boolean forward) {
        long start = startOffset(hay.length, byteOffset, 1, forward);
        if (start <= -1 || hay.length == 0) {
            return -1;
        }
        byte b = (byte) value;
        byte[] a = hay.array;
        int base = hay.offset;
        if (forward) {
            for (int i = (int) start; i < hay.length; i++) {
                if (a[base + i] == b) {
                    return i;
                }
            }
        } else {
            for (int i = (int) start; i >= 0; i--) {
                if (a[base + i] == b) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Finds a needle of {@code nCount} elements of {@code width} bytes in a haystack of
     * {@code hCount} elements, starting at element {@code start}; returns the element index, or
     * {@code hCount} when absent (as Node's SearchString).
     */
    private static int search(byte[] h, int hOff, int hCount, byte[] n, int nOff, int nCount,
                              int width, int start, boolean forward) {
        int last = hCount - nCount;
        if (last < 0) {
            return hCount;
        }
        int bytes = nCount * width;
        if (forward) {
            for (int i = start; i <= last; i++) {
                if (matches(h, hOff + i * width, n, nOff, bytes)) {
                    return i;
                }
            }
        } else {
            for (int i = Math.min(start, last); i >= 0; i--) {
                if (matches(h, hOff + i * width, n, nOff, bytes)) {
                    return i;
                }
            }
        }
        return hCount;
    }

    private static boolean matches(byte[] h, int at, byte[] n, int nOff, int bytes) {
        return h[at] == n[nOff] && Arrays.equals(h, at, at + bytes, n, nOff, nOff + bytes);
    }
}
