package dev.eventide.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The process-wide pool for blocking work, as libuv's threadpool: 4 threads by default, sized
 * by {@code UV_THREADPOOL_SIZE} (1 to 1024), created when first needed, first in first out.
 * Thread-safe. Work never runs on a loop thread; its completion runs on the loop that queued it.
 *
 * <p>Two lanes. Work that waits on the network ({@link WorkKind#DNS}: dns.lookup) runs on a
 * separate lane of {@link #NETWORK_SIZE} threads; everything else (fs, crypto, zlib, user work)
 * shares the main lane of {@link #size()} threads. In Node a slow DNS server can occupy all four
 * threads and stall every readFile (nodejs/node#8436; libuv only caps such "slow I/O" work at half
 * the threads); here it can only fill its own lane. Each lane is FIFO.
 *
 * <p>Per kind, the pool counts queue depth, running work, completions, wait time and run time;
 * {@link #stats()} returns an immutable snapshot of them.
 */
public final class WorkerPool {
    /** libuv's MAX_THREADPOOL_SIZE. */
    public static final int MAX_SIZE = 1024;
    /** Threads of the network lane: enough for two slow lookups at once, few enough to be cheap. */
    public static final int NETWORK_SIZE = 2;

    private static volatile WorkerPool shared;

    private final ThreadPoolExecutor executor;
    private final ThreadPoolExecutor network;
    private final int size;
    /** Indexed by WorkKind.ordinal(). */
    private final KindCounters[] counters = new KindCounters[WorkKind.values().length];

    WorkerPool(int size) {
        this(size, NETWORK_SIZE);
    }

    WorkerPool(int size, int networkSize) {
        this.size = size;
        this.executor = lane(size, "eventide-pool-");
        this.network = lane(networkSize, "eventide-pool-net-");
        for (WorkKind kind : WorkKind.values()) {
            counters[kind.ordinal()] = new KindCounters();
        }
    }

    /**
     * Core size = max size with an unbounded FIFO queue: a thread is started per submission
     * until {@code threads} exist (lazily, as libuv), and work waits in arrival order after that.
     */
    private static ThreadPoolExecutor lane(int threads, String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
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

    /** The number of threads the main lane may run at once (UV_THREADPOOL_SIZE). */
    public int size() {
        return size;
    }

    /** The number of threads of the network lane. */
    public int networkSize() {
        return network.getMaximumPoolSize();
    }

    /** Main-lane threads started so far (they are made lazily). */
    public int startedThreads() {
        return executor.getPoolSize();
    }

    /** Work waiting for a thread on the main lane. */
    public int queueDepth() {
        return executor.getQueue().size();
    }

    /** An immutable snapshot of both lanes and of every kind's counters. */
    public PoolStats stats() {
        List<WorkStats> kinds = new ArrayList<>();
        for (WorkKind kind : WorkKind.values()) {
            kinds.add(counters[kind.ordinal()].snapshot(kind));
        }
        return new PoolStats(size, executor.getPoolSize(), network.getMaximumPoolSize(),
                network.getPoolSize(), kinds);
    }

    void submit(Runnable work) {
        submit(WorkKind.USER, work);
    }

    /** Queues {@code work} on its kind's lane, timing its wait and its run. */
    void submit(WorkKind kind, Runnable work) {
        KindCounters c = counters[kind.ordinal()];
        long queuedAt = System.nanoTime();
        c.queued.incrementAndGet();
        Runnable timed = () -> c.run(work, queuedAt);
        try {
            (kind.waitsOnNetwork() ? network : executor).execute(timed);
        } catch (RuntimeException e) {
            c.queued.decrementAndGet();
            throw e;
        }
    }

    /** One kind's counters; updated by pool threads, read by anyone. */
    private static final class KindCounters {
        final AtomicInteger queued = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final LongAdder completed = new LongAdder();
        final LongAdder waitNanos = new LongAdder();
        final LongAdder runNanos = new LongAdder();
        final AtomicLong maxWait = new AtomicLong();
        final AtomicLong maxRun = new AtomicLong();

        void run(Runnable work, long queuedAt) {
            long start = System.nanoTime();
            queued.decrementAndGet();
            running.incrementAndGet();
            waitNanos.add(start - queuedAt);
            maxWait.accumulateAndGet(start - queuedAt, Math::max);
            WorkRequest<?> request = work instanceof WorkRequest<?> r ? r : null;
            try {
                if (request != null) {
                    request.compute();
                } else {
                    work.run();
                }
            } finally {
                long took = System.nanoTime() - start;
                runNanos.add(took);
                maxRun.accumulateAndGet(took, Math::max);
                completed.increment();
                running.decrementAndGet();
            }
            // Counted before the loop hears of it: whoever sees the completion sees the count.
            if (request != null) {
                request.deliver();
            }
        }

        WorkStats snapshot(WorkKind kind) {
            return new WorkStats(kind, queued.get(), running.get(), completed.sum(),
                    waitNanos.sum(), maxWait.get(), runNanos.sum(), maxRun.get());
        }
    }
}
