package dev.eventide.zlib;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;

/**
 * One thread's libdeflate compressor (for the level it last used) and decompressor, kept between
 * calls because making a compressor costs more than compressing a small buffer. Used only by the
 * thread that owns it: a worker pool thread for the Promise forms, the caller for the sync forms.
 *
 * <p>Bounded: at most one compressor and one decompressor per live platform thread (a compressor
 * for another level replaces the old one, freed at once). When a thread ends, its ThreadLocal
 * value becomes unreachable and the {@link Cleaner} frees both handles after the next GC, so a
 * pool that retires idle threads returns their memory. Virtual threads get no cache: they are
 * many and short, so {@link #acquire} hands them fresh handles that {@link #release} frees.
 */
final class NativeHandles {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final ThreadLocal<NativeHandles> CACHE = new ThreadLocal<>();

    /**
     * The native state, apart from its owner so that the cleaner can free it once the owner is
     * gone. Written by the owning thread only; volatile because the cleaner's thread reads it.
     */
    private static final class Held implements Runnable {
        private final LibDeflate lib;
        private volatile MemorySegment compressor;
        /** The level {@link #compressor} was made for (libdeflate fixes it at allocation). */
        private volatile int level = -1;
        private volatile MemorySegment decompressor;

        Held(LibDeflate lib) {
            this.lib = lib;
        }

        @Override
        public void run() {
            if (compressor != null) {
                lib.freeCompressor(compressor);
                compressor = null;
            }
            if (decompressor != null) {
                lib.freeDecompressor(decompressor);
                decompressor = null;
            }
        }
    }

    private final Held held;
    private final boolean cached;

    private NativeHandles(LibDeflate lib, boolean cached) {
        this.held = new Held(lib);
        this.cached = cached;
        if (cached) {
            CLEANER.register(this, held);
        }
    }

    /** This thread's handles (fresh ones on a virtual thread); pair with {@link #release}. */
    static NativeHandles acquire(LibDeflate lib) {
        if (Thread.currentThread().isVirtual()) {
            return new NativeHandles(lib, false);
        }
        NativeHandles h = CACHE.get();
        if (h == null) {
            h = new NativeHandles(lib, true);
            CACHE.set(h);
        }
        return h;
    }

    /** Frees uncached handles now; cached ones stay for the thread's next call. */
    void release() {
        if (!cached) {
            held.run();
        }
    }

    /** A compressor for {@code level}, or null when libdeflate could not allocate one. */
    MemorySegment compressor(int level) {
        if (held.compressor != null && held.level == level) {
            return held.compressor;
        }
        if (held.compressor != null) {
            held.lib.freeCompressor(held.compressor);
            held.compressor = null;
        }
        MemorySegment c = held.lib.allocCompressor(level);
        if (c.address() == 0) {
            return null;
        }
        held.compressor = c;
        held.level = level;
        return c;
    }

    /** The decompressor, or null when libdeflate could not allocate one. */
    MemorySegment decompressor() {
        if (held.decompressor == null) {
            MemorySegment d = held.lib.allocDecompressor();
            if (d.address() == 0) {
                return null;
            }
            held.decompressor = d;
        }
        return held.decompressor;
    }
}
