package dev.eventide.benchmarks.http;

import dev.eventide.http.Http;
import dev.eventide.loop.EventLoop;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * The Eventide peer of the idle-connection memory run (benchmarks/http/idle-memory.sh): answers
 * "Hello, World!" with keep-alive (keepAliveTimeout raised to 10 minutes so that the idle
 * connections stay open while they are counted), and GET /mem with the heap used and the direct
 * buffer memory after a full collection, in bytes, as JSON. usage: EventideIdle PORT.
 */
public final class EventideIdle {
    private EventideIdle() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        EventLoop.run(() -> Http.createServer((req, res) -> {
            if (req.url().equals("/mem")) {
                res.end(memory());
            } else {
                res.end("Hello, World!");
            }
        }).keepAliveTimeout(600_000).listen(port, "127.0.0.1", () -> System.out.println("eventide listening on " + port)));
    }

    private static String memory() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct = pool.getMemoryUsed();
            }
        }
        return "{\"heap\":" + heap + ",\"direct\":" + direct + "}";
    }
}
