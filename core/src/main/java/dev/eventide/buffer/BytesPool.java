package dev.eventide.buffer;

/**
 * The pre-allocated slab that {@code Bytes.allocUnsafe} carves small buffers from, as Node's
 * {@code allocPool}: requests below {@code poolSize >>> 1} bytes take the next slice of the
 * current slab, whose offset is then rounded up to a multiple of 8; a request that does not
 * fit starts a new slab of {@code poolSize} bytes. One slab per thread, so that event loops
 * (one per thread) never share an offset; within a thread, not thread-safe and needs not be.
 *
 * <p>Unlike Node, the memory handed out is always zero: every slab is a fresh Java array and
 * each of its bytes is handed out at most once.
 */
final class BytesPool {
    /** Node's Buffer.poolSize default. */
    static final int DEFAULT_POOL_SIZE = 8 * 1024;

    private static volatile int poolSize = DEFAULT_POOL_SIZE;
    private static final ThreadLocal<BytesPool> CURRENT = ThreadLocal.withInitial(BytesPool::new);

    /** The current slab; bytes from {@link #used} on have not been handed out. */
    private byte[] slab = new byte[poolSize];
    private int used;

    private BytesPool() {}

    static int poolSize() {
        return poolSize;
    }

    static void poolSize(int size) {
        if (size < 0) {
            throw BufferErrors.outOfRange("poolSize", ">= 0", size);
        }
        poolSize = size;
    }

    /** A buffer of {@code size} bytes, from this thread's slab when it is small enough. */
    static Bytes allocate(int size) {
        if (size == 0) {
            return new Bytes(new byte[0], 0, 0);
        }
        int pool = poolSize; // read once: another thread may change it meanwhile
        if (size < (pool >>> 1)) {
            return CURRENT.get().take(size, pool);
        }
        return new Bytes(new byte[size], 0, size);
    }

    private Bytes take(int size, int pool) {
        if (size > slab.length - used) {
            slab = new byte[pool];
            used = 0;
        }
        Bytes taken = new Bytes(slab, used, size);
        used += size;
        if ((used & 7) != 0) {
            used = Math.min(slab.length, (used | 7) + 1);
        }
        return taken;
    }
}
