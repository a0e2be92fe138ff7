package dev.eventide.diagnostics;

import dev.eventide.loop.EventLoop;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * The one daemon thread that runs every {@link BlockedLoopWatchdog}'s checks, started with the
 * first watchdog and ended when none is left. It sleeps a quarter of the smallest threshold
 * between rounds (at most 250 ms), so a block is caught within 1.25 thresholds.
 */
final class WatchdogThread {
    private static final CopyOnWriteArrayList<BlockedLoopWatchdog> WATCHED = new CopyOnWriteArrayList<>();
    /** The running monitor, or null; guarded by the class lock. */
    private static Thread monitor;

    private WatchdogThread() {}

    static synchronized void add(BlockedLoopWatchdog w) {
        WATCHED.add(w);
        if (monitor == null) {
            monitor = Thread.ofPlatform().daemon().name("eventide-watchdog").unstarted(WatchdogThread::run);
            monitor.setPriority(Thread.MAX_PRIORITY); // it must get to run while a loop spins
            monitor.start();
        } else {
            LockSupport.unpark(monitor); // a smaller threshold may shorten the period
        }
    }

    static void remove(BlockedLoopWatchdog w) {
        WATCHED.remove(w);
    }

    static BlockedLoopWatchdog find(EventLoop loop) {
        for (BlockedLoopWatchdog w : WATCHED) {
            if (w.loop() == loop) {
                return w;
            }
        }
        return null;
    }

    private static void run() {
        while (true) {
            long period = Long.MAX_VALUE;
            long now = System.nanoTime();
            for (BlockedLoopWatchdog w : WATCHED) {
                if (!w.check(now)) {
                    w.close();
                    continue;
                }
                period = Math.min(period, w.thresholdNanos() / 4);
            }
            synchronized (WatchdogThread.class) {
                if (WATCHED.isEmpty()) {
                    monitor = null;
                    return;
                }
            }
            LockSupport.parkNanos(Math.clamp(period, 500_000L, 250_000_000L));
        }
    }
}
