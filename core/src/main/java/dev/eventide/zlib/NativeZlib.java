package dev.eventide.zlib;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.eventide.buffer.Bytes;
import dev.eventide.zlib.LibDeflate.Format;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The whole-buffer fast path: the sync and Promise forms on libdeflate, used only where its
 * result is the one Node's zlib would give. Runs on the calling thread (the caller's for the
 * sync forms, a worker pool thread for the Promise forms); stateless apart from the per-thread
 * handles in {@link NativeHandles}.
 *
 * <p>HOW: the input is copied into native memory and handed to libdeflate in one call; the
 * output goes into one native block, copied into a new array at the end. Decompression does not
 * know the output size, so it guesses (gzip's ISIZE trailer, else 4x the input), and on
 * INSUFFICIENT_SPACE doubles the block and runs the member again, never past maxOutputLength:
 *
 * <pre>
 *   guess --> decompress member --SUCCESS--> next member? (gzip: until the input ends or a 0 byte)
 *     ^            |--INSUFFICIENT_SPACE, block < limit--> double (at most to the limit) --^
 *     |            \--anything else, or full at the limit--> null: the caller runs the JDK path
 * </pre>
 *
 * <p>WHY null on every failure: the JDK path knows Node's exact verdicts (Z_DATA_ERROR messages,
 * "unexpected end of file", ERR_BUFFER_TOO_LARGE, a zero byte ending gzip members, a zlib stream
 * after a gzip member in unzip), so a failed or doubtful native run is rerun there. The native
 * memory is freed before that rerun, so a zip bomb costs at most maxOutputLength once at a time.
 */
final class NativeZlib {
    /** System property and environment variable; "jdk" forces the java.util.zip path. */
    static final String PROPERTY = "eventide.zlib";
    static final String ENV = "EVENTIDE_ZLIB";

    /** Deflate never expands data more than about 1032:1; output guesses stay below this. */
    private static final long MAX_RATIO = 1032;
    private static final long MIN_GUESS = 64 << 10;
    private static final int FHCRC = 0x02;
    /**
     * Smaller inputs compress on the JDK path: its output is byte for byte Node's, libdeflate
     * stores tiny inputs uncompressed (larger than zlib's output), and the time saved is small.
     */
    static final int MIN_COMPRESS = 1024;

    private NativeZlib() {}

    /** The library, loaded on first use when {@link #wanted} says so; null when not used. */
    private static final class Loaded {
        static final LibDeflate LIB = wanted(System.getProperty(PROPERTY), System.getenv(ENV),
                Zlib.class.getModule().isNativeAccessEnabled()) ? LibDeflate.load() : null;
    }

    /**
     * Whether to try libdeflate at all: not when forced to the JDK path, and never without native
     * access for this module (binding it would print the JDK's restricted-method warning).
     */
    static boolean wanted(String property, String env, boolean nativeAccess) {
        String choice = property != null ? property : env;
        return nativeAccess && !"jdk".equalsIgnoreCase(choice == null ? "" : choice.trim());
    }

    /** Whether the fast path is in use in this JVM. */
    static boolean active() {
        return Loaded.LIB != null;
    }

    /**
     * Whether libdeflate honours these settings as Node's zlib would: Z_FINISH at the end, no
     * dictionary, and for compression the default window, memLevel and strategy at any level, with
     * no maxOutputLength (libdeflate's output size differs from zlib's, and so would the verdict).
     * Decompression ignores level, memLevel and strategy (as zlib does); it needs the full window.
     */
    static boolean eligible(ZlibSettings s) {
        if (s.finishFlush() != ZlibConstants.Z_FINISH || s.dictionary() != null) {
            return false;
        }
        if (s.mode().compresses()) {
            return s.windowBits() == ZlibConstants.Z_DEFAULT_WINDOWBITS && s.memLevel() == ZlibConstants.Z_DEFAULT_MEMLEVEL
                    && s.strategy() == ZlibConstants.Z_DEFAULT_STRATEGY && !s.limitGiven();
        }
        int w = s.windowBits();
        return w == ZlibConstants.Z_DEFAULT_WINDOWBITS || w == 0 && s.mode() != ZlibMode.INFLATERAW;
    }

    /** The result of the whole-buffer operation, or null when the JDK path must run it. */
    static Bytes run(ZlibSettings s, Bytes input) {
        LibDeflate lib = Loaded.LIB;
        if (lib == null || !eligible(s)) {
            return null;
        }
        if (input.length() < MIN_COMPRESS && s.mode().compresses()) {
            return null;
        }
        NativeHandles handles = NativeHandles.acquire(lib);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = lib.allocate(input.length(), arena);
            if (in == null) {
                return null;
            }
            MemorySegment.copy(input.array(), input.byteOffset(), in, JAVA_BYTE, 0, input.length());
            return s.mode().compresses() ? compress(lib, handles, s, in, arena) : decompress(lib, handles, s, in, arena);
        } finally {
            handles.release();
        }
    }

    private static Bytes compress(LibDeflate lib, NativeHandles handles, ZlibSettings s, MemorySegment in, Arena arena) {
        int level = s.level() < 0 ? 6 : s.level();
        MemorySegment c = handles.compressor(level);
        if (c == null) {
            return null;
        }
        Format format = format(s.mode());
        long size = Math.min(lib.compressBound(format, c, in.byteSize()), s.bufferLimit());
        MemorySegment out = lib.allocate(size, arena);
        if (out == null) {
            return null;
        }
        long n = lib.compress(format, c, in, out);
        if (n == 0) {
            return null; // more than maxOutputLength: the JDK path reports it
        }
        byte[] result = out.asSlice(0, n).toArray(JAVA_BYTE);
        if (format == Format.GZIP) {
            // zlib's XFL and OS bytes, so that the header is the one Node writes.
            result[8] = (byte) (level == 9 ? 2 : level < 2 ? 4 : 0);
            result[9] = 3;
        }
        return Bytes.wrap(result);
    }

    private static Format format(ZlibMode mode) {
        return switch (mode) {
            case GZIP, GUNZIP -> Format.GZIP;
            case DEFLATE, INFLATE -> Format.ZLIB;
            default -> Format.DEFLATE;
        };
    }

    private static Bytes decompress(LibDeflate lib, NativeHandles handles, ZlibSettings s, MemorySegment in, Arena arena) {
        MemorySegment d = handles.decompressor();
        if (d == null) {
            return null;
        }
        boolean gzip = s.mode() == ZlibMode.GUNZIP || s.mode() == ZlibMode.UNZIP && startsGzip(in, 0);
        Format format = gzip ? Format.GZIP : format(s.mode() == ZlibMode.UNZIP ? ZlibMode.INFLATE : s.mode());
        MemorySegment sizes = arena.allocate(JAVA_LONG, 2);
        try (Output out = new Output(lib, s.bufferLimit(), guess(in, gzip))) {
            if (!out.allocated()) {
                return null;
            }
            long pos = 0;
            do {
                if (gzip && (!startsGzip(in, pos) || (in.get(JAVA_BYTE, pos + 3) & FHCRC) != 0)) {
                    return null; // not a member the JDK would take as it is, or a header CRC to check
                }
                long taken = member(lib, d, format, in.asSlice(pos), out, sizes);
                if (taken < 0) {
                    return null;
                }
                pos += taken;
            } while (gzip && pos < in.byteSize() && in.get(JAVA_BYTE, pos) != 0);
            return out.toBytes();
        }
    }

    /** Decompresses one stream into {@code out}; the input bytes it took, or -1 to give up. */
    private static long member(LibDeflate lib, MemorySegment d, Format format, MemorySegment in, Output out,
            MemorySegment sizes) {
        while (true) {
            int result = lib.decompress(format, d, in, out.room(), sizes);
            if (result == LibDeflate.SUCCESS) {
                out.advance(sizes.getAtIndex(JAVA_LONG, 1));
                return sizes.getAtIndex(JAVA_LONG, 0);
            }
            if (result != LibDeflate.INSUFFICIENT_SPACE || !out.grow()) {
                return -1;
            }
        }
    }

    private static boolean startsGzip(MemorySegment in, long pos) {
        return in.byteSize() - pos >= 4 && in.get(JAVA_BYTE, pos) == (byte) 0x1f && in.get(JAVA_BYTE, pos + 1) == (byte) 0x8b;
    }

    /** The output size to try first: gzip's ISIZE (exact for one member), else 4x the input. */
    static long guess(MemorySegment in, boolean gzip) {
        long n = in.byteSize();
        long guess = n * 4;
        if (gzip && n >= 4) {
            long isize = 0;
            for (int i = 0; i < 4; i++) {
                isize |= (in.get(JAVA_BYTE, n - 4 + i) & 0xffL) << (8 * i);
            }
            guess = isize;
        }
        return Math.min(Math.max(guess, MIN_GUESS), n * MAX_RATIO + MIN_GUESS);
    }

    /**
     * The growing native output block. Its size never passes the limit, so a stream that needs
     * more is given up at the limit (and the JDK path reports ERR_BUFFER_TOO_LARGE).
     */
    private static final class Output implements AutoCloseable {
        private final LibDeflate lib;
        private final long limit;
        /** The output so far; null when malloc failed. Freed when it is replaced or on close. */
        private MemorySegment block;
        /** Output bytes of the members already done, at the start of {@link #block}. */
        private long used;
        /** Owns {@link #block} alone, so that a replaced block is freed at once. */
        private Arena blockArena = Arena.ofConfined();

        Output(LibDeflate lib, long limit, long size) {
            this.lib = lib;
            this.limit = limit;
            this.block = lib.allocate(Math.min(size, limit), blockArena);
        }

        boolean allocated() {
            return block != null;
        }

        /** Where the next member goes. */
        MemorySegment room() {
            return block.asSlice(used);
        }

        void advance(long n) {
            used += n;
        }

        /** Doubles the block (at most to the limit); false when it is already at the limit. */
        boolean grow() {
            if (block.byteSize() >= limit) {
                return false;
            }
            Arena next = Arena.ofConfined();
            MemorySegment bigger = lib.allocate(Math.min(limit, block.byteSize() * 2), next);
            if (bigger == null) {
                next.close();
                return false;
            }
            MemorySegment.copy(block, 0, bigger, 0, used);
            blockArena.close();
            blockArena = next;
            block = bigger;
            return true;
        }

        Bytes toBytes() {
            return Bytes.wrap(block.asSlice(0, used).toArray(JAVA_BYTE));
        }

        @Override
        public void close() {
            blockArena.close();
        }
    }
}
