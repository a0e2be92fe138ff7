package dev.eventide.diagnostics;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JVM's memory MXBeans and /proc into Node's shapes. Stateless; any thread (the
 * MXBeans are thread-safe, each call is a few microseconds).
 */
final class JvmMemory {
    private JvmMemory() {}

    static MemoryUsage memoryUsage() {
        java.lang.management.MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long direct = bufferPool("direct");
        long external = direct + bufferPool("mapped") + bufferPool("mapped - 'non-volatile memory'");
        return new MemoryUsage(rss(), heap.getCommitted(), heap.getUsed(), external, direct);
    }

    static HeapStatistics heapStatistics() {
        java.lang.management.MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long limit = Runtime.getRuntime().maxMemory();
        long code = 0;
        long nonHeapUsed = 0;
        long nonHeapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.NON_HEAP) {
                nonHeapUsed += pool.getUsage().getUsed();
                nonHeapPeak += pool.getPeakUsage().getUsed();
                if ("code_space".equals(v8Name(pool))) {
                    code += pool.getUsage().getCommitted();
                }
            }
        }
        long external = bufferPool("direct") + bufferPool("mapped");
        return new HeapStatistics(heap.getCommitted(), code, heap.getCommitted(),
                Math.max(0, limit - heap.getUsed()), heap.getUsed(), limit, nonHeapUsed, nonHeapPeak,
                0, 1, 0, 0, 0, external);
    }

    static List<HeapSpaceStatistics> heapSpaceStatistics() {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Boolean> heap = new LinkedHashMap<>();
        for (String v8 : List.of("new_space", "old_space", "code_space")) {
            sums.put(v8, null);
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = v8Name(pool);
            java.lang.management.MemoryUsage u = pool.getUsage();
            long available = (u.getMax() >= 0 ? u.getMax() : u.getCommitted()) - u.getUsed();
            long[] s = sums.get(name);
            if (s == null) {
                sums.put(name, s = new long[3]);
            }
            s[0] += u.getCommitted();
            s[1] += u.getUsed();
            s[2] += Math.max(0, available);
            names.computeIfAbsent(name, k -> new ArrayList<>()).add(pool.getName());
            heap.put(name, pool.getType() == MemoryType.HEAP);
        }
        List<HeapSpaceStatistics> spaces = new ArrayList<>();
        sums.forEach((name, s) -> {
            if (s != null) {
                spaces.add(new HeapSpaceStatistics(name, s[0], s[1], s[2], s[0], names.get(name), heap.get(name)));
            }
        });
        return List.copyOf(spaces);
    }

    /** V8's name for a JVM pool where one corresponds, else the pool's own name. */
    static String v8Name(MemoryPoolMXBean pool) {
        String n = pool.getName();
        if (pool.getType() == MemoryType.HEAP) {
            if (n.contains("Eden") || n.contains("Survivor") || n.contains("Young")) {
                return "new_space";
            }
            if (n.contains("Old") || n.contains("Tenured")) {
                return "old_space";
            }
            return n;
        }
        return n.startsWith("CodeHeap") || n.equals("Code Cache") ? "code_space" : n;
    }

    /** Whether a pool holds the old generation (the pool whose collection usage is the live heap). */
    static boolean isOldGeneration(MemoryPoolMXBean pool) {
        return pool.getType() == MemoryType.HEAP && "old_space".equals(v8Name(pool));
    }

    static long bufferPool(String name) {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals(name)) {
                return Math.max(0, pool.getMemoryUsed());
            }
        }
        return 0;
    }

    /** VmRSS from /proc/self/status; elsewhere the JVM's committed memory (a lower bound). */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim();
                    return Long.parseLong(kb.substring(0, kb.indexOf(' '))) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc is not mounted: fall back below.
        }
        var memory = ManagementFactory.getMemoryMXBean();
        return memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
    }
}
