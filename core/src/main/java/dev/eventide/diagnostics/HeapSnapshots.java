package dev.eventide.diagnostics;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes heap snapshots (hprof files of the live objects, as {@code jmap -dump:live}) on a thread
 * of their own, so the loop keeps running until the JVM stops every thread at a safepoint for the
 * dump itself. The promise settles on the calling loop. Called on a loop thread.
 */
final class HeapSnapshots {
    /** Node's per-process snapshot counter, the ".001" in the default name. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss");

    private HeapSnapshots() {}

    static Promise<String> write(String path) {
        EventLoop loop = EventLoop.current();
        Path file = Path.of(path == null ? defaultName() : path).toAbsolutePath();
        if (!file.getFileName().toString().endsWith(".hprof")) {
            throw Errors.invalidArgValue("path", path, "must end with .hprof (the JVM writes hprof heap dumps)");
        }
        Deferred<String> result = Promise.withResolvers();
        loop.ref(); // the pending snapshot keeps the loop alive, as a request does
        Thread.ofPlatform().name("eventide-heap-snapshot").daemon().start(() -> {
            Throwable error = null;
            try {
                dump(file);
            } catch (Throwable t) {
                error = t;
            }
            Throwable e = error;
            loop.execute(() -> {
                loop.unref();
                if (e == null) {
                    result.resolve(file.toString());
                } else {
                    result.reject(e);
                }
            });
        });
        return result.promise();
    }

    /** Node's name, Heap.YYYYMMDD.HHMMSS.PID.TID.SEQ.heapsnapshot, with the .hprof extension. */
    static String defaultName() {
        return "Heap." + LocalDateTime.now().format(STAMP) + "." + ProcessHandle.current().pid() + ".0."
                + String.format("%03d", SEQUENCE.incrementAndGet()) + ".hprof";
    }

    private static void dump(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        var bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        bean.dumpHeap(file.toString(), true);
    }
}
