package dev.eventide.diagnostics;

import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import java.io.PrintStream;
import java.util.concurrent.RejectedExecutionException;

/**
 * The blocked-loop watchdog: notices a single callback holding its loop longer than a threshold,
 * captures the loop thread's stack while it is still blocked, prints it to stderr at once, and
 * once the loop is free emits a {@link BlockedLoopWarning} through the process {@code warning}
 * event (one per incident). bin/eventide starts one for the main loop (100 ms; EVENTIDE_WATCHDOG).
 *
 * <p>Threads: the checks run on one shared daemon thread, {@code eventide-watchdog}, every
 * quarter threshold. A check is one opaque read of {@link EventLoop#callbackSequence()}: the
 * loop thread does nothing for the watchdog beyond the two opaque stores it makes around every
 * callback anyway. The sequence is odd while a callback runs and grows by two per callback, so
 * the same odd value seen for longer than the threshold means one callback held the loop that
 * long. Durations are measured by the monitor, so they are exact to within one check period.
 */
public final class BlockedLoopWatchdog implements AutoCloseable {
    /** Node has no watchdog; 100 ms is where users start noticing a stall. */
    public static final long DEFAULT_THRESHOLD_MS = 100;

    private final EventLoop loop;
    private final long thresholdNanos;
    private final PrintStream err;
    // State below is touched by the monitor thread only.
    /** The sequence value seen at the last check, and when it was first seen. */
    private long seenSeq = -1;
    private long seenAt;
    /** The odd sequence value already reported (one report per incident), or -1. */
    private long reportedSeq = -1;
    private StackTraceElement[] incidentStack;
    private volatile long incidents;
    private volatile boolean closed;

    private BlockedLoopWatchdog(EventLoop loop, long thresholdMs, PrintStream err) {
        this.loop = loop;
        this.thresholdNanos = thresholdMs * 1_000_000L;
        this.err = err;
    }

    /** Watches the current loop with the default threshold. */
    public static BlockedLoopWatchdog start() {
        return start(EventLoop.current(), DEFAULT_THRESHOLD_MS);
    }

    /** Watches {@code loop}; any thread, though the loop's thread must be running it. */
    public static BlockedLoopWatchdog start(EventLoop loop, long thresholdMs) {
        return start(loop, thresholdMs, System.err);
    }

    static BlockedLoopWatchdog start(EventLoop loop, long thresholdMs, PrintStream err) {
        Errors.requireNonNull(loop, "loop", "an instance of EventLoop");
        Errors.requireRange(thresholdMs, "thresholdMs", 1, Integer.MAX_VALUE);
        if (loop.thread() == null) {
            throw Errors.invalidState("the loop has not started; start the watchdog from inside it");
        }
        BlockedLoopWatchdog w = new BlockedLoopWatchdog(loop, thresholdMs, err);
        WatchdogThread.add(w);
        return w;
    }

    /**
     * The watchdog bin/eventide starts: {@code EVENTIDE_WATCHDOG} unset means 100 ms, {@code 0}
     * (or off/false) none, a number that many ms. Returns null when off.
     */
    public static BlockedLoopWatchdog startFromEnvironment(EventLoop loop, String setting) {
        long ms = DEFAULT_THRESHOLD_MS;
        if (setting != null && !setting.isBlank()) {
            String s = setting.trim();
            if (s.equals("0") || s.equalsIgnoreCase("off") || s.equalsIgnoreCase("false")) {
                return null;
            }
            try {
                ms = Long.parseLong(s);
            } catch (NumberFormatException e) {
                System.err.println("eventide: EVENTIDE_WATCHDOG=" + s + " is not a number of ms; using 100");
            }
        }
        return start(loop, Math.max(1, ms));
    }

    /** The watchdog watching {@code loop}, or null. */
    public static BlockedLoopWatchdog of(EventLoop loop) {
        return WatchdogThread.find(loop);
    }

    /** Stops watching (the user's way to turn it off); any thread, idempotent. */
    @Override
    public void close() {
        closed = true;
        WatchdogThread.remove(this);
    }

    public long thresholdMillis() {
        return thresholdNanos / 1_000_000L;
    }

    /** Incidents reported so far. */
    public long incidents() {
        return incidents;
    }

    public boolean closed() {
        return closed;
    }

    EventLoop loop() {
        return loop;
    }

    long thresholdNanos() {
        return thresholdNanos;
    }

    /** One check, on the monitor thread; returns false once the loop's thread has ended. */
    boolean check(long now) {
        Thread thread = loop.thread();
        if (thread == null || !thread.isAlive()) {
            return false;
        }
        long seq = loop.callbackSequence();
        if (seq != seenSeq) {
            if (incidentStack != null) {
                finish(now - seenAt, thread);
            }
            seenSeq = seq;
            seenAt = now;
            return true;
        }
        if ((seq & 1) == 1 && seq != reportedSeq && now - seenAt >= thresholdNanos) {
            reportedSeq = seq;
            incidentStack = thread.getStackTrace();
            if (loop.callbackSequence() != seq) {
                incidentStack = null; // the callback ended while we looked: nothing to report
                return true;
            }
            incidents++;
            printNow((now - seenAt) / 1_000_000L, thread);
        }
        return true;
    }

    private void printNow(long ms, Thread thread) {
        var w = new BlockedLoopWarning(ms, incidentStack, thread.getName());
        StringBuilder text = new StringBuilder("(eventide:").append(ProcessHandle.current().pid())
                .append(") BlockedLoopWarning: the event loop (thread '").append(thread.getName())
                .append("') has been blocked for ").append(ms).append(" ms by one callback, ")
                .append(w.handler()).append(", busy in ").append(w.blockingFrame()).append('\n');
        for (StackTraceElement f : incidentStack) {
            text.append("    at ").append(f).append('\n');
        }
        err.print(text);
        err.flush();
    }

    private void finish(long blockedNanos, Thread thread) {
        var warning = new BlockedLoopWarning(blockedNanos / 1_000_000L, incidentStack, thread.getName());
        incidentStack = null;
        try {
            loop.execute(() -> loop.emitWarning(warning));
        } catch (RejectedExecutionException finished) {
            // The loop ended with the blocking callback; stderr already has the stack.
        }
    }
}
