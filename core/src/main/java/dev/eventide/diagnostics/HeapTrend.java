package dev.eventide.diagnostics;

import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * The heap-trend (leak) detector. After each old-generation collection (a major or concurrent
 * GC) it records the old generation's occupancy after the collection, which is the live heap
 * the application holds on to; when the last {@code samples} points fit a rising straight line
 * (slope at least {@code minBytesPerSecond}, coefficient of determination at least
 * {@code minFit}) spanning at least {@code minDurationMillis}, it emits a
 * {@link HeapGrowthWarning} through the loop's process {@code warning} event, then starts a new
 * window. Samples are taken on the JVM's notification thread (synchronized here); the warning is
 * emitted on the loop's thread. It does not keep the loop alive.
 */
public final class HeapTrend {
    /**
     * The detector's settings.
     *
     * @param samples points in the fit (at least 3)
     * @param minBytesPerSecond the least growth that counts as a leak
     * @param minDurationMillis the least time the window must span
     * @param minFit the least r² of the fit (0..1; how steadily it grows)
     */
    public record Options(int samples, double minBytesPerSecond, long minDurationMillis, double minFit) {
        /** 8 collections over at least 5 minutes, growing at least 1 MB per minute, r² >= 0.8. */
        public static final Options DEFAULTS = new Options(8, 1e6 / 60, 300_000, 0.8);

        public Options {
            Errors.requireRange(samples, "samples", 3, 10_000);
            Errors.requireRange(minDurationMillis, "minDurationMillis", 0, Long.MAX_VALUE);
            if (!(minFit >= 0 && minFit <= 1)) {
                throw Errors.outOfRange("minFit", ">= 0 && <= 1", minFit);
            }
        }
    }

    private final EventLoop loop;
    private final Options options;
    private final GcNotifications notifications;
    /** (time ms, bytes) pairs, oldest first; guarded by this. */
    private final ArrayDeque<long[]> window = new ArrayDeque<>();
    private long warnings;

    private HeapTrend(EventLoop loop, Options options) {
        this.loop = loop;
        this.options = options;
        this.notifications = GcNotifications.listen(this::collected);
    }

    /** Starts watching the heap for the current loop with {@link Options#DEFAULTS}. */
    public static HeapTrend start() {
        return start(Options.DEFAULTS);
    }

    public static HeapTrend start(Options options) {
        Errors.requireNonNull(options, "options", "an instance of HeapTrend.Options");
        return new HeapTrend(EventLoop.current(), options);
    }

    private void collected(GcEntry entry, long oldGenAfter) {
        if (entry.kind() == GcKind.MINOR || oldGenAfter <= 0) {
            return;
        }
        HeapGrowthWarning warning = sample((long) entry.startTime() + (long) entry.duration(), oldGenAfter);
        if (warning != null) {
            try {
                loop.execute(() -> loop.emitWarning(warning));
            } catch (RejectedExecutionException finished) {
                stop();
            }
        }
    }

    /** Adds one point; returns a warning when the window now shows steady growth. */
    synchronized HeapGrowthWarning sample(long timeMillis, long liveBytes) {
        window.addLast(new long[] {timeMillis, liveBytes});
        if (window.size() > options.samples()) {
            window.removeFirst();
        }
        if (window.size() < options.samples()) {
            return null;
        }
        long span = window.getLast()[0] - window.getFirst()[0];
        double[] fit = LinearFit.of(window);
        if (span < options.minDurationMillis() || fit[0] < options.minBytesPerSecond() || fit[1] < options.minFit()) {
            return null;
        }
        warnings++;
        int n = window.size();
        window.clear();
        return new HeapGrowthWarning(fit[0], n, span, liveBytes, fit[1]);
    }

    /** Warnings emitted so far. */
    public synchronized long warnings() {
        return warnings;
    }

    public Options options() {
        return options;
    }

    /** Stops watching; any thread. */
    public void stop() {
        notifications.close();
    }

    /** Least squares over (ms, bytes) points: {slope in bytes per second, r²}. */
    static final class LinearFit {
        private LinearFit() {}

        static double[] of(Iterable<long[]> points) {
            double n = 0, sx = 0, sy = 0;
            long x0 = -1;
            for (long[] p : points) {
                x0 = x0 < 0 ? p[0] : x0;
                n++;
                sx += (p[0] - x0) / 1000.0;
                sy += p[1];
            }
            double mx = sx / n, my = sy / n, sxy = 0, sxx = 0, syy = 0;
            for (long[] p : points) {
                double dx = (p[0] - x0) / 1000.0 - mx, dy = p[1] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
            if (sxx == 0) {
                return new double[] {0, 0};
            }
            double slope = sxy / sxx;
            double r2 = syy == 0 ? 0 : (sxy * sxy) / (sxx * syy);
            return new double[] {slope, r2};
        }
    }
}
