package dev.eventide.zlib;

import java.util.zip.CRC32;

/**
 * An incremental gzip member header parser (RFC 1952): fed any split of the input, it keeps only
 * a few bytes of state, so an endless file name cannot grow memory. It checks what zlib checks,
 * in zlib's order and with zlib's messages: the magic after two bytes, method and flags after
 * four, the header CRC when FHCRC is set. Not thread-safe: its decompressor's thread.
 *
 * <pre>
 *   FIXED(10 bytes) -> [XLEN(2) -> EXTRA(xlen)] -> [NAME..0] -> [COMMENT..0] -> [HCRC(2)] -> DONE
 * </pre>
 */
final class GzipHeader {
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;

    private static final int FIXED = 0;
    private static final int XLEN = 1;
    private static final int EXTRA = 2;
    private static final int NAME = 3;
    private static final int COMMENT = 4;
    private static final int HCRC = 5;
    private static final int DONE = 6;

    private final byte[] fixed = new byte[10];
    /** The CRC-32 of every header byte before the HCRC field. */
    private final CRC32 crc = new CRC32();
    private int state;
    /** Bytes of the current fixed-size field collected so far. */
    private int got;
    private int flags;
    /** Bytes of FEXTRA still to skip. */
    private int extraLeft;

    void reset() {
        crc.reset();
        state = FIXED;
        got = 0;
        flags = 0;
        extraLeft = 0;
    }

    boolean done() {
        return state == DONE;
    }

    /** Consumes header bytes from {@code a[pos, end)}; returns where the header stopped. */
    int parse(byte[] a, int pos, int end) {
        while (pos < end && state != DONE) {
            int start = pos;
            int field = state;
            pos = switch (field) {
                case FIXED -> fixed(a, pos, end);
                case XLEN -> xlen(a, pos, end);
                case EXTRA -> extra(pos, end);
                case NAME, COMMENT -> zeroTerminated(a, pos, end);
                default -> hcrc(a, pos, end);
            };
            if (field != HCRC) {
                crc.update(a, start, pos - start);
            }
        }
        return pos;
    }

    private int fixed(byte[] a, int pos, int end) {
        while (pos < end && got < 10) {
            fixed[got++] = a[pos++];
            if (got == 2 && ((fixed[0] & 0xff) != 0x1f || (fixed[1] & 0xff) != 0x8b)) {
                throw ZlibErrors.dataError("incorrect header check");
            }
            if (got == 4) {
                checkMethodAndFlags();
            }
        }
        if (got == 10) {
            got = 0;
            next(FIXED);
        }
        return pos;
    }

    private void checkMethodAndFlags() {
        if (fixed[2] != 8) {
            throw ZlibErrors.dataError("unknown compression method");
        }
        flags = fixed[3] & 0xff;
        if ((flags & 0xe0) != 0) {
            throw ZlibErrors.dataError("unknown header flags set");
        }
    }

    private int xlen(byte[] a, int pos, int end) {
        while (pos < end && got < 2) {
            fixed[got++] = a[pos++];
        }
        if (got == 2) {
            got = 0;
            extraLeft = (fixed[0] & 0xff) | (fixed[1] & 0xff) << 8;
            state = EXTRA;
            if (extraLeft == 0) {
                next(EXTRA);
            }
        }
        return pos;
    }

    private int extra(int pos, int end) {
        int n = Math.min(extraLeft, end - pos);
        extraLeft -= n;
        if (extraLeft == 0) {
            next(EXTRA);
        }
        return pos + n;
    }

    private int zeroTerminated(byte[] a, int pos, int end) {
        while (pos < end) {
            if (a[pos++] == 0) {
                next(state);
                break;
            }
        }
        return pos;
    }

    /** The two HCRC bytes are not part of the CRC; they are compared with its low 16 bits. */
    private int hcrc(byte[] a, int pos, int end) {
        while (pos < end && got < 2) {
            fixed[got++] = a[pos++];
        }
        if (got == 2) {
            int expected = (fixed[0] & 0xff) | (fixed[1] & 0xff) << 8;
            if (expected != (int) (crc.getValue() & 0xffff)) {
                throw ZlibErrors.dataError("header crc mismatch");
            }
            state = DONE;
        }
        return pos;
    }

    /** Moves past {@code from} to the next field the flags ask for. */
    private void next(int from) {
        int s = from + 1;
        while (s < DONE && !wanted(s)) {
            s++;
        }
        state = s;
    }

    private boolean wanted(int s) {
        return switch (s) {
            case XLEN, EXTRA -> (flags & FEXTRA) != 0 && s == XLEN;
            case NAME -> (flags & FNAME) != 0;
            case COMMENT -> (flags & FCOMMENT) != 0;
            case HCRC -> (flags & FHCRC) != 0;
            default -> true;
        };
    }
}
