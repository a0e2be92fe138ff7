package dev.eventide.zlib;

import static dev.eventide.zlib.ZlibConstants.*;

import dev.eventide.buffer.Bytes;

/**
 * {@link ZlibOptions} checked for one mode, with the defaults filled in: what Node's Zlib and
 * ZlibBase constructors compute, checked in their order (windowBits, level, memLevel, strategy,
 * chunkSize, flush, finishFlush, maxOutputLength). Immutable.
 *
 * @param maxOutputLength Node's value (2^32 when not given)
 * @param limitGiven      whether the user gave maxOutputLength (streams only enforce it then)
 */
record ZlibSettings(ZlibMode mode, int flush, int finishFlush, int chunkSize, int windowBits, int level,
        int memLevel, int strategy, Bytes dictionary, long maxOutputLength, boolean limitGiven) {

    /** Node 20's kMaxLength on 64-bit machines, the top of maxOutputLength's range. */
    static final long NODE_MAX_LENGTH = 0x1_0000_0000L;

    /** The largest Bytes Java can make (Node's kMaxLength plays this part in Node). */
    static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    static ZlibSettings of(ZlibMode mode, ZlibOptions o) {
        if (mode == null) {
            throw ZlibErrors.invalidType("mode", "of type ZlibMode", null);
        }
        if (o == null) {
            o = ZlibOptions.DEFAULTS;
        }
        int windowBits = windowBits(mode, o.windowBits());
        int level = range(o.level(), "options.level", Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
        int memLevel = range(o.memLevel(), "options.memLevel", Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
        int strategy = range(o.strategy(), "options.strategy", Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
        int chunkSize = Z_DEFAULT_CHUNK;
        if (o.chunkSize() != null) {
            chunkSize = o.chunkSize();
            if (chunkSize < Z_MIN_CHUNK) {
                throw ZlibErrors.outOfRange("options.chunkSize", ">= " + Z_MIN_CHUNK, chunkSize);
            }
            if (chunkSize > MAX_BYTES) {
                // Node fails the same way when it allocates the output buffer (Buffer.allocUnsafe).
                throw ZlibErrors.outOfRange("size", ">= 0 && <= " + MAX_BYTES, chunkSize);
            }
        }
        int flush = range(o.flush(), "options.flush", Z_NO_FLUSH, Z_BLOCK, Z_NO_FLUSH);
        int finishFlush = range(o.finishFlush(), "options.finishFlush", Z_NO_FLUSH, Z_BLOCK, Z_FINISH);
        long max = NODE_MAX_LENGTH;
        if (o.maxOutputLength() != null) {
            max = o.maxOutputLength();
            if (max < 1 || max > NODE_MAX_LENGTH) {
                throw ZlibErrors.outOfRange("options.maxOutputLength", ">= 1 and <= " + NODE_MAX_LENGTH, max);
            }
        }
        return new ZlibSettings(mode, flush, finishFlush, chunkSize, windowBits, level, memLevel, strategy,
                o.dictionary(), max, o.maxOutputLength() != null);
    }

    /** On a decompressor other than raw inflate, 0 or nothing means "take it from the header". */
    private static int windowBits(ZlibMode mode, Integer given) {
        boolean fromHeader = mode == ZlibMode.INFLATE || mode == ZlibMode.GUNZIP || mode == ZlibMode.UNZIP;
        if (fromHeader && (given == null || given == 0)) {
            return 0;
        }
        int min = Z_MIN_WINDOWBITS + (mode == ZlibMode.GZIP ? 1 : 0);
        return range(given, "options.windowBits", min, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }

    static int range(Integer value, String name, int min, int max, int def) {
        if (value == null) {
            return def;
        }
        if (value < min || value > max) {
            throw ZlibErrors.outOfRange(name, ">= " + min + " and <= " + max, value);
        }
        return value;
    }

    /** The limit a buffer form applies: the given one, never more than a Bytes can hold. */
    long bufferLimit() {
        return Math.min(maxOutputLength, MAX_BYTES);
    }

    /** The limit a stream applies: only one the user asked for (Node applies none). */
    long streamLimit() {
        return limitGiven ? maxOutputLength : Long.MAX_VALUE;
    }
}
