package dev.eventide.net;

import java.nio.ByteBuffer;

/**
 * The buffers every socket of one loop thread reads into and writes through (libuv's alloc_cb
 * slab, for NIO): the JDK copies a heap buffer into a temporary direct one on each read and
 * write anyway, so one direct buffer per direction and thread does it once. Belongs to one loop
 * thread; a socket fetches them once, on that thread, instead of at every read and write.
 */
final class LoopBuffers {
    static final int READ_SIZE = 64 * 1024;
    static final int WRITE_SIZE = 64 * 1024;

    private static final ThreadLocal<LoopBuffers> BY_THREAD = ThreadLocal.withInitial(LoopBuffers::new);

    /** Where the kernel puts a read; emptied into {@link #readArray} at once. */
    final ByteBuffer read = ByteBuffer.allocateDirect(READ_SIZE);
    /** Where a read is handed to the socket's owner: overwritten by the next read. */
    final byte[] readArray = new byte[READ_SIZE];
    /** Holds a write only until the write call returns. */
    final ByteBuffer write = ByteBuffer.allocateDirect(WRITE_SIZE);

    private LoopBuffers() {}

    /** The calling thread's buffers. */
    static LoopBuffers current() {
        return BY_THREAD.get();
    }
}
