package dev.eventide.web;

import dev.eventide.diagnostics.Diagnostics;
import dev.eventide.diagnostics.EventLoopUtilization;
import dev.eventide.diagnostics.GcEntry;
import dev.eventide.diagnostics.GcObserver;
import dev.eventide.diagnostics.HeapSpaceStatistics;
import dev.eventide.diagnostics.IntervalHistogram;
import dev.eventide.diagnostics.MemoryUsage;
import dev.eventide.loop.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The runtime half of {@link Metrics}: prom-client's default metrics, read from
 * {@code dev.eventide.diagnostics} and the process, under prom-client's names where one exists
 * ({@code process_*}, {@code nodejs_*}) and {@code eventide_*} otherwise. The loop-delay
 * histogram and the utilization baseline belong to the loop that made this object (the first
 * one to run the middleware) and, as prom-client does, the delay histogram is reset after each
 * scrape. Collections arrive through a {@link GcObserver} on that loop. Made and scraped on
 * its loop's thread.
 */
final class RuntimeMetrics {
    /** prom-client's gc buckets, in seconds. */
    private static final double[] GC_BUCKETS = {0.001, 0.01, 0.1, 1, 2, 5};

    private final IntervalHistogram delay;
    private final PromHistogram gc = new PromHistogram(GC_BUCKETS, "kind");
    private final GcObserver gcObserver;
    private EventLoopUtilization lastUtilization;

    RuntimeMetrics(long resolutionMs) {
        delay = Diagnostics.monitorEventLoopDelay(resolutionMs);
        delay.enable();
        lastUtilization = Diagnostics.eventLoopUtilization();
        gcObserver = Diagnostics.observeGc(this::onGc);
    }

    private void onGc(GcEntry e) {
        gc.observe(e.duration() / 1000.0, e.kind().name().toLowerCase(Locale.ROOT));
    }

    /** Writes every runtime family; {@code lagSeconds} is the setImmediate lag just measured. */
    void write(PromWriter w, double lagSeconds) {
        writeProcess(w);
        writeMemory(w);
        writeLoop(w, lagSeconds);
        gc.write(w, "nodejs_gc_duration_seconds", "Garbage collection duration by kind, one of minor, major, concurrent.");
        w.gauge("eventide_worker_pool_queue_depth", "Tasks waiting for a worker-pool thread.",
                WorkerPool.shared().queueDepth());
    }

    private void writeProcess(PromWriter w) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        info.totalCpuDuration().ifPresent(d -> w.family("process_cpu_seconds_total", "counter",
                "Total user and system CPU time spent in seconds.").sample("process_cpu_seconds_total", d.toNanos() / 1e9));
        info.startInstant().ifPresent(start -> {
            w.gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                    start.toEpochMilli() / 1000.0);
            w.gauge("eventide_process_uptime_seconds", "Seconds since the process started.",
                    (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0);
        });
        long fds = openFds();
        if (fds >= 0) {
            w.gauge("process_open_fds", "Number of open file descriptors.", fds);
        }
    }

    /** Entries of /proc/self/fd (Linux; an in-memory listing, as prom-client reads it), or -1. */
    private static long openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return -1;
        }
    }

    private void writeMemory(PromWriter w) {
        MemoryUsage m = Diagnostics.memoryUsage();
        w.gauge("process_resident_memory_bytes", "Resident memory size in bytes.", m.rss());
        w.gauge("nodejs_heap_size_total_bytes", "Process heap size from Java (committed heap) in bytes.", m.heapTotal());
        w.gauge("nodejs_heap_size_used_bytes", "Process heap size used from Java in bytes.", m.heapUsed());
        w.gauge("nodejs_external_memory_bytes", "Java direct and mapped buffer memory in bytes.", m.external());
        List<HeapSpaceStatistics> spaces = Diagnostics.heapSpaceStatistics();
        for (String kind : List.of("total", "used", "available")) {
            String name = "nodejs_heap_space_size_" + kind + "_bytes";
            w.family(name, "gauge", "Process heap space size " + kind + " from Java in bytes.");
            for (HeapSpaceStatistics s : spaces) {
                long v = kind.equals("total") ? s.spaceSize() : kind.equals("used") ? s.spaceUsedSize() : s.spaceAvailableSize();
                w.sample(name, v, "space", s.spaceName());
            }
        }
    }

    private void writeLoop(PromWriter w, double lagSeconds) {
        w.gauge("nodejs_eventloop_lag_seconds", "Lag of event loop in seconds.", lagSeconds);
        boolean empty = delay.count() == 0;
        loopGauge(w, "min", "minimum", empty ? 0 : delay.min());
        loopGauge(w, "max", "maximum", delay.max());
        loopGauge(w, "mean", "mean", empty ? 0 : delay.mean());
        loopGauge(w, "stddev", "standard deviation", empty ? 0 : delay.stddev());
        loopGauge(w, "p50", "50th percentile", empty ? 0 : delay.percentile(50));
        loopGauge(w, "p90", "90th percentile", empty ? 0 : delay.percentile(90));
        loopGauge(w, "p99", "99th percentile", empty ? 0 : delay.percentile(99));
        delay.reset();
        EventLoopUtilization now = Diagnostics.eventLoopUtilization();
        EventLoopUtilization since = Diagnostics.eventLoopUtilization(now, lastUtilization);
        lastUtilization = now;
        double u = since.utilization();
        w.gauge("eventide_eventloop_utilization_ratio",
                "Share of time the event loop was busy (not waiting for I/O) since the previous scrape.",
                Double.isNaN(u) ? 0 : u);
    }

    private static void loopGauge(PromWriter w, String stat, String what, double nanos) {
        w.gauge("nodejs_eventloop_lag_" + stat + "_seconds", "The " + what + " of the event loop delay, in seconds"
                + " (each sample is the whole monitoring interval, as Node's monitorEventLoopDelay).", nanos / 1e9);
    }

    /** Stops the delay timer and the GC observer. */
    void close() {
        delay.disable();
        gcObserver.disconnect();
    }
}
