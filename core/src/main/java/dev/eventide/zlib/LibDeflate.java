package dev.eventide.zlib;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The few libdeflate functions the whole-buffer fast path calls, bound through java.lang.foreign,
 * plus the C library's malloc and free (memory that is not zeroed first, unlike an Arena's).
 * Stateless once loaded; any thread.
 *
 * <p>Nothing here is touched unless {@link NativeZlib} decided to use the library: binding a
 * symbol is a restricted method, which would print the JDK's warning when native access is not
 * enabled for this module. {@link #load()} is the only way in and never throws.
 */
final class LibDeflate {
    /** libdeflate_result values. */
    static final int SUCCESS = 0;
    static final int BAD_DATA = 1;
    static final int INSUFFICIENT_SPACE = 3;

    /** The three framings libdeflate writes and reads, in its function names' words. */
    enum Format {
        DEFLATE("deflate"), ZLIB("zlib"), GZIP("gzip");

        final String prefix;

        Format(String prefix) {
            this.prefix = "libdeflate_" + prefix;
        }
    }

    private static final String[] NAMES = {"libdeflate.so.0", "libdeflate.so", "libdeflate.0.dylib", "libdeflate.dylib"};

    private final MethodHandle allocCompressor;
    private final MethodHandle freeCompressor;
    private final MethodHandle allocDecompressor;
    private final MethodHandle freeDecompressor;
    /** Indexed by {@link Format#ordinal()}. */
    private final MethodHandle[] compress = new MethodHandle[3];
    private final MethodHandle[] bound = new MethodHandle[3];
    private final MethodHandle[] decompress = new MethodHandle[3];
    private final MethodHandle malloc;
    private final MethodHandle free;

    private LibDeflate(SymbolLookup lib) {
        Linker linker = Linker.nativeLinker();
        allocCompressor = bind(linker, lib, "libdeflate_alloc_compressor", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        freeCompressor = bind(linker, lib, "libdeflate_free_compressor", FunctionDescriptor.ofVoid(ADDRESS));
        allocDecompressor = bind(linker, lib, "libdeflate_alloc_decompressor", FunctionDescriptor.of(ADDRESS));
        freeDecompressor = bind(linker, lib, "libdeflate_free_decompressor", FunctionDescriptor.ofVoid(ADDRESS));
        for (Format f : Format.values()) {
            compress[f.ordinal()] = bind(linker, lib, f.prefix + "_compress",
                    FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
            bound[f.ordinal()] = bind(linker, lib, f.prefix + "_compress_bound",
                    FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG));
            decompress[f.ordinal()] = bind(linker, lib, f.prefix + "_decompress_ex",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
        }
        SymbolLookup libc = linker.defaultLookup();
        malloc = bind(linker, libc, "malloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
        free = bind(linker, libc, "free", FunctionDescriptor.ofVoid(ADDRESS));
    }

    /** The library, or null when no libdeflate could be found or bound (never throws). */
    static LibDeflate load() {
        for (String name : NAMES) {
            try {
                return new LibDeflate(SymbolLookup.libraryLookup(name, Arena.global()));
            } catch (RuntimeException | LinkageError e) {
                // not this name (or an old library without a function we need): try the next
            }
        }
        return null;
    }

    private static MethodHandle bind(Linker linker, SymbolLookup lookup, String name, FunctionDescriptor fd) {
        MemorySegment symbol = lookup.find(name).orElseThrow(() -> new IllegalArgumentException("no " + name));
        return linker.downcallHandle(symbol, fd);
    }

    /** A compressor for level 0..12, or {@link MemorySegment#NULL} when out of memory. */
    MemorySegment allocCompressor(int level) {
        try {
            return (MemorySegment) allocCompressor.invokeExact(level);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void freeCompressor(MemorySegment c) {
        try {
            freeCompressor.invokeExact(c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A decompressor, or {@link MemorySegment#NULL} when out of memory. */
    MemorySegment allocDecompressor() {
        try {
            return (MemorySegment) allocDecompressor.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void freeDecompressor(MemorySegment d) {
        try {
            freeDecompressor.invokeExact(d);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The most bytes compressing {@code length} bytes can make in {@code format}. */
    long compressBound(Format format, MemorySegment c, long length) {
        try {
            return (long) bound[format.ordinal()].invokeExact(c, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Compresses {@code in} into {@code out}; the compressed size, or 0 when it did not fit. */
    long compress(Format format, MemorySegment c, MemorySegment in, MemorySegment out) {
        try {
            return (long) compress[format.ordinal()].invokeExact(c, in, in.byteSize(), out, out.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Decompresses one stream from the start of {@code in} into {@code out}; a libdeflate_result.
     * On success {@code sizes} holds the input bytes taken (index 0) and output made (index 1).
     */
    int decompress(Format format, MemorySegment d, MemorySegment in, MemorySegment out, MemorySegment sizes) {
        try {
            return (int) decompress[format.ordinal()].invokeExact(d, in, in.byteSize(), out, out.byteSize(),
                    sizes, sizes.asSlice(8));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code size} bytes of uninitialised native memory freed when {@code arena} closes, or null
     * when malloc failed. Untouched pages of a large block cost no memory.
     */
    MemorySegment allocate(long size, Arena arena) {
        try {
            MemorySegment block = (MemorySegment) malloc.invokeExact(Math.max(1, size));
            if (block.address() == 0) {
                return null;
            }
            return block.reinterpret(size, arena, this::release);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private void release(MemorySegment block) {
        try {
            free.invokeExact(block);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
