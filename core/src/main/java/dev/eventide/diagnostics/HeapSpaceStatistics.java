package dev.eventide.diagnostics;

import java.util.List;

/**
 * One entry of Node's {@code v8.getHeapSpaceStatistics()}: one of the JVM's memory pools, or
 * several merged under V8's name where they correspond (eden and survivor spaces are
 * {@code new_space}, the old generation {@code old_space}, the code cache segments
 * {@code code_space}); pools without a V8 counterpart (metaspace, compressed class space,
 * ZGC's or Shenandoah's single heap) keep the JVM's name. Immutable.
 *
 * @param spaceName V8's space name, or the JVM pool's name
 * @param spaceSize committed bytes
 * @param spaceUsedSize bytes in use
 * @param spaceAvailableSize bytes that may still be used: the pool's maximum minus used, or
 *     committed minus used where the pool has no maximum
 * @param physicalSpaceSize committed bytes (as spaceSize)
 * @param jvmPools the JVM memory pools behind this entry, by their JVM names
 * @param heap whether the pools are part of the Java heap (code and metaspace are not)
 */
public record HeapSpaceStatistics(String spaceName, long spaceSize, long spaceUsedSize, long spaceAvailableSize,
        long physicalSpaceSize, List<String> jvmPools, boolean heap) {

    public HeapSpaceStatistics {
        jvmPools = List.copyOf(jvmPools);
    }
}
