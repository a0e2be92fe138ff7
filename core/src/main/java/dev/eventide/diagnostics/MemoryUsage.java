package dev.eventide.diagnostics;

/**
 * Node's {@code process.memoryUsage()}, in bytes. Immutable.
 *
 * @param rss resident set size of the whole process (Linux: {@code VmRSS} of /proc/self/status;
 *     elsewhere the JVM's committed heap and non-heap memory, a lower bound)
 * @param heapTotal the Java heap's committed size (V8's heap total)
 * @param heapUsed bytes in use in the Java heap, live and not yet collected
 * @param external off-heap buffers the JVM tracks: the direct and mapped buffer pools
 * @param arrayBuffers the direct buffer pool alone (the off-heap memory behind NIO buffers, the
 *     closest thing to Node's ArrayBuffer backing stores; Eventide's byte buffers on the heap
 *     are part of heapUsed)
 */
public record MemoryUsage(long rss, long heapTotal, long heapUsed, long external, long arrayBuffers) {}
