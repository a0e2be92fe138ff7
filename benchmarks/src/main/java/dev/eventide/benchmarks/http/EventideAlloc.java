package dev.eventide.benchmarks.http;

import com.sun.management.ThreadMXBean;
import dev.eventide.http.Http;
import dev.eventide.loop.EventLoop;
import java.lang.management.ManagementFactory;

/**
 * The hello server of the load run with a counter: answers "Hello, World!" on every path but
 * {@code /__alloc}, which answers "requests bytes" (requests answered so far and the bytes the
 * loop thread has allocated so far). benchmarks/http/alloc.sh reads it before and after a wrk run
 * and divides: allocation per request does not depend on how busy the machine is, so it is the
 * figure to track between load runs. usage: EventideAlloc PORT. Runs until killed.
 */
public final class EventideAlloc {
    private EventideAlloc() {}

    private static long requests;

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        EventLoop.run(() -> Http.createServer((req, res) -> {
            if (req.url().equals("/__alloc")) {
                long bytes = threads.getCurrentThreadAllocatedBytes();
                res.end(requests + " " + bytes);
                return;
            }
            requests++;
            res.end("Hello, World!");
        }).listen(port, "127.0.0.1", () -> System.out.println("eventide listening on " + port)));
    }
}
