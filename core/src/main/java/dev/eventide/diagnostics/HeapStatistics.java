package dev.eventide.diagnostics;

/**
 * Node's {@code v8.getHeapStatistics()} with the Java heap in V8's place; field names are
 * Node's in camelCase. Fields without a JVM counterpart keep V8's meaning as far as it goes and
 * are documented in docs/diagnostics.md. Bytes unless said otherwise. Immutable.
 *
 * @param totalHeapSize committed Java heap
 * @param totalHeapSizeExecutable committed code cache (compiled code, V8's executable pages)
 * @param totalPhysicalSize committed Java heap (the JVM commits what it touches)
 * @param totalAvailableSize heapSizeLimit minus usedHeapSize
 * @param usedHeapSize bytes in use in the Java heap
 * @param heapSizeLimit the maximum heap ({@code -Xmx}, Runtime.maxMemory)
 * @param mallocedMemory non-heap memory in use (metaspace, code cache, class space)
 * @param peakMallocedMemory the sum of the non-heap pools' peaks
 * @param doesZapGarbage always 0 (a V8 debug option)
 * @param numberOfNativeContexts always 1 (one JVM heap)
 * @param numberOfDetachedContexts always 0
 * @param totalGlobalHandlesSize always 0 (no V8 global handles)
 * @param usedGlobalHandlesSize always 0
 * @param externalMemory the direct and mapped buffer pools, as {@link MemoryUsage#external()}
 */
public record HeapStatistics(long totalHeapSize, long totalHeapSizeExecutable, long totalPhysicalSize,
        long totalAvailableSize, long usedHeapSize, long heapSizeLimit, long mallocedMemory,
        long peakMallocedMemory, long doesZapGarbage, long numberOfNativeContexts, long numberOfDetachedContexts,
        long totalGlobalHandlesSize, long usedGlobalHandlesSize, long externalMemory) {}
