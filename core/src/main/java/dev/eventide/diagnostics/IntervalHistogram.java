package dev.eventide.diagnostics;

import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timeout;

/**
 * Node's {@code IntervalHistogram} from {@code monitorEventLoopDelay}: while enabled, an unref'd
 * timer fires every {@code resolution} ms and records the nanoseconds since its previous firing.
 * As in Node, the recorded value is the whole interval (so an idle loop at 10 ms resolution shows
 * about 10,000,000 ns; the delay is what exceeds the resolution). Owned by its loop's thread.
 */
public final class IntervalHistogram extends Histogram {
    private final EventLoop loop;
    private final long resolutionMs;
    /** The running timer, or null while disabled. */
    private Timeout timer;
    /** Clock reading at the previous firing; 0 until the first firing after enable(). */
    private long previous;

    IntervalHistogram(EventLoop loop, long resolutionMs) {
        this.loop = loop;
        this.resolutionMs = Errors.requireRange(resolutionMs, "options.resolution", 1, Integer.MAX_VALUE);
    }

    /** Starts sampling; false when already enabled (as Node). */
    public boolean enable() {
        loop.checkOwner("IntervalHistogram");
        if (timer != null) {
            return false;
        }
        previous = 0;
        timer = loop.setInterval(this::tick, resolutionMs).unref();
        return true;
    }

    /** Stops sampling and keeps the counts; false when not enabled (as Node). */
    public boolean disable() {
        loop.checkOwner("IntervalHistogram");
        if (timer == null) {
            return false;
        }
        timer.close();
        timer = null;
        return true;
    }

    /** Whether the sampling timer is running. */
    public boolean enabled() {
        return timer != null;
    }

    /** The sampling period in milliseconds. */
    public long resolution() {
        return resolutionMs;
    }

    private void tick() {
        long now = loop.hrtime();
        if (previous > 0 && now > previous) {
            record(now - previous);
        }
        previous = now;
    }
}
