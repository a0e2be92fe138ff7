package dev.eventide.diagnostics;

import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * Node's diagnostics in one place: {@code process.memoryUsage}, {@code v8.getHeapStatistics},
 * {@code v8.getHeapSpaceStatistics}, {@code v8.writeHeapSnapshot}, and perf_hooks'
 * {@code monitorEventLoopDelay}, {@code createHistogram}, {@code eventLoopUtilization} and gc
 * entries. The memory readings work on any thread; the loop-bound tools use the calling
 * thread's loop. See docs/diagnostics.md for the threads and costs of each.
 */
public final class Diagnostics {
    /** Loop start estimates, see {@link #eventLoopUtilization()}; guarded by itself. */
    private static final Map<EventLoop, Long> LOOP_ORIGIN = new WeakHashMap<>();

    private Diagnostics() {}

    /** Node's {@code process.memoryUsage()}. Any thread. */
    public static MemoryUsage memoryUsage() {
        return JvmMemory.memoryUsage();
    }

    /** Node's {@code v8.getHeapStatistics()} for the Java heap. Any thread. */
    public static HeapStatistics heapStatistics() {
        return JvmMemory.heapStatistics();
    }

    /** Node's {@code v8.getHeapSpaceStatistics()}: new_space, old_space, code_space, then the JVM's other pools. */
    public static List<HeapSpaceStatistics> heapSpaceStatistics() {
        return JvmMemory.heapSpaceStatistics();
    }

    /**
     * Node's {@code v8.writeHeapSnapshot()}: dumps the live objects to
     * {@code Heap.YYYYMMDD.HHMMSS.PID.0.SEQ.hprof} in the working folder (Node's name with the
     * JVM's format and extension; open it with Eclipse MAT, VisualVM or IntelliJ). Resolves with
     * the absolute path. Loop thread.
     */
    public static Promise<String> writeHeapSnapshot() {
        return HeapSnapshots.write(null);
    }

    /** As {@link #writeHeapSnapshot()}, to {@code path} (which must end with .hprof and not exist). */
    public static Promise<String> writeHeapSnapshot(String path) {
        Errors.requireNonNull(path, "path", "of type string");
        return HeapSnapshots.write(path);
    }

    /** Node's {@code monitorEventLoopDelay()}: 10 ms resolution, disabled until {@code enable()}. */
    public static IntervalHistogram monitorEventLoopDelay() {
        return monitorEventLoopDelay(10);
    }

    /** Node's {@code monitorEventLoopDelay({resolution})}, in milliseconds (>= 1). Loop thread. */
    public static IntervalHistogram monitorEventLoopDelay(long resolutionMs) {
        return new IntervalHistogram(EventLoop.current(), resolutionMs);
    }

    /** Node's {@code createHistogram()}: lowest 1, highest 2^53-1, 3 figures. */
    public static Histogram createHistogram() {
        return new Histogram();
    }

    /** Node's {@code createHistogram({lowest, highest, figures})}. */
    public static Histogram createHistogram(long lowest, long highest, int figures) {
        return new Histogram(lowest, highest, figures);
    }

    /**
     * Node's {@code performance.eventLoopUtilization()} for the current loop since it started:
     * idle is the time spent waiting in the poll phase, active the rest. Zeros while main runs,
     * before the loop's first iteration, as Node.
     */
    public static EventLoopUtilization eventLoopUtilization() {
        EventLoop loop = EventLoop.current();
        if (loop.loopCount() == 0) {
            return EventLoopUtilization.ZERO;
        }
        double elapsed = (loop.hrtime() - origin(loop)) / 1e6;
        double idle = loop.idleTimeNanos() / 1e6;
        return EventLoopUtilization.of(idle, Math.max(0, elapsed - idle));
    }

    /** Node's {@code eventLoopUtilization(previous)}: the utilization since {@code previous}. */
    public static EventLoopUtilization eventLoopUtilization(EventLoopUtilization previous) {
        Errors.requireNonNull(previous, "utilization1", "an instance of EventLoopUtilization");
        EventLoopUtilization now = eventLoopUtilization();
        return now == EventLoopUtilization.ZERO ? now : now.since(previous);
    }

    /** Node's {@code eventLoopUtilization(u1, u2)}: {@code u1 - u2}. */
    public static EventLoopUtilization eventLoopUtilization(EventLoopUtilization u1, EventLoopUtilization u2) {
        Errors.requireNonNull(u1, "utilization1", "an instance of EventLoopUtilization");
        Errors.requireNonNull(u2, "utilization2", "an instance of EventLoopUtilization");
        return u1.since(u2);
    }

    /**
     * When the loop's clock started, estimated once per loop from its cached time. The loop does
     * not expose its start; this counts main's own time as active (Node starts counting after
     * main), and is exact for differences between two readings.
     */
    private static long origin(EventLoop loop) {
        synchronized (LOOP_ORIGIN) {
            return LOOP_ORIGIN.computeIfAbsent(loop, l -> l.hrtime() - l.now() * 1_000_000L);
        }
    }

    /** A perf_hooks-style gc observer on the current loop; see {@link GcObserver}. */
    public static GcObserver observeGc(Consumer<GcEntry> listener) {
        return GcObserver.observe(listener);
    }
}
