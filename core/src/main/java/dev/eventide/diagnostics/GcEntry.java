package dev.eventide.diagnostics;

/**
 * One garbage collection, as perf_hooks' {@code gc} entry with the JVM's details. Immutable.
 *
 * @param id the collector's collection number
 * @param name the collector, by the JVM's name ("G1 Young Generation", "G1 Old Generation",
 *     "G1 Concurrent GC", "ZGC Minor Pauses", ...)
 * @param kind minor, major or concurrent
 * @param cause why it ran ("G1 Evacuation Pause", "System.gc()", "Allocation Failure", ...)
 * @param startTime milliseconds since the JVM started (the JVM reports whole milliseconds)
 * @param duration milliseconds the collection took (whole milliseconds; 0 for a sub-millisecond
 *     young pause)
 * @param heapBefore Java heap bytes in use before
 * @param heapAfter Java heap bytes in use after
 */
public record GcEntry(long id, String name, GcKind kind, String cause, double startTime, double duration,
        long heapBefore, long heapAfter) {

    /** Bytes the collection freed (0 when the heap grew, as promotion into a concurrent cycle may). */
    public long freedBytes() {
        return Math.max(0, heapBefore - heapAfter);
    }
}
