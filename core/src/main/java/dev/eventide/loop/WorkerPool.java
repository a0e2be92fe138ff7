package dev.eventide.loop;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide pool for blocking work, as libuv's threadpool: 4 threads by default, sized
 * by {@code UV_THREADPOOL_SIZE} (1 to 1024), created when first needed, first in first out.
 * Thread-safe. Work never runs on a loop thread; its completion runs on the loop that queued it.
 */
public final class WorkerPool {
    /** libuv's MAX_THREADPOOL_SIZE. */
    public static final int MAX_SIZE = 1024;

    private static volatile WorkerPool shared;

    private final ThreadPoolExecutor executor;
    private final int size;

    private WorkerPool(int size) {
        this.size = size;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "eventide-pool-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Core size = max size with an unbounded FIFO queue: a thread is started per submission
        // until `size` exist (lazily, as libuv), and work waits in arrival order after that.
        this.executor = new ThreadPoolExecutor(size, size, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), factory);
    }

    /** The shared pool, made on first use with the size read from the environment. */
    public static WorkerPool shared() {
        WorkerPool p = shared;
        if (p == null) {
            synchronized (WorkerPool.class) {
                p = shared;
                if (p == null) {
                    p = new WorkerPool(sizeFromEnv(System.getenv("UV_THREADPOOL_SIZE")));
                    shared = p;
                }
            }
        }
        return p;
    }

    /**
     * libuv's rule: unset means 4; otherwise C's atoi, with 0 becoming 1 and anything above
     * 1024 becoming 1024. libuv keeps the count unsigned, so a negative number wraps to a huge
     * one and also becomes 1024 (node with UV_THREADPOOL_SIZE=-1 starts 1024 threads).
     */
    static int sizeFromEnv(String value) {
        if (value == null) {
            return 4;
        }
        int n = atoi(value);
        if (n == 0) {
            return 1;
        }
        return Integer.compareUnsigned(n, MAX_SIZE) > 0 ? MAX_SIZE : n;
    }

    /** C's atoi as glibc does it: (int) strtol, which skips spaces, takes a sign and saturates. */
    private static int atoi(String s) {
        int i = 0;
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = i < s.length() && s.charAt(i) == '-';
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        long v = 0;
        for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            int d = s.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return negative ? (int) Long.MIN_VALUE : (int) Long.MAX_VALUE;
            }
            v = v * 10 + d;
        }
        return (int) (negative ? -v : v);
    }

    /** The number of threads the pool may run at once. */
    public int size() {
        return size;
    }

    /** Threads started so far (they are made lazily). */
    public int startedThreads() {
        return executor.getPoolSize();
    }

    /** Work waiting for a thread. */
    public int queueDepth() {
        return executor.getQueue().size();
    }

    void submit(Runnable work) {
        executor.execute(work);
    }
}
