package dev.eventide.diagnostics;

import dev.eventide.loop.ProcessWarning;

/**
 * The heap-trend detector's warning: the live heap after old-generation collections grew
 * steadily over its window, which is what a leak looks like from outside. Carries the growth
 * rate and the window. Immutable.
 */
public final class HeapGrowthWarning extends ProcessWarning {
    private static final long serialVersionUID = 1L;

    private final double bytesPerSecond;
    private final int samples;
    private final long windowMillis;
    private final long liveBytes;
    private final double fit;

    HeapGrowthWarning(double bytesPerSecond, int samples, long windowMillis, long liveBytes, double fit) {
        super("HeapGrowthWarning", String.format(java.util.Locale.ROOT,
                "Possible memory leak: the live heap grew %.1f MB/min over the last %d old-generation "
                        + "collections (%.1f s), to %.1f MB (linear fit r\u00b2=%.2f). Take a heap snapshot "
                        + "(Diagnostics.writeHeapSnapshot()) to see what holds it",
                bytesPerSecond * 60 / 1e6, samples, windowMillis / 1000.0, liveBytes / 1e6, fit), "EVENTIDE_HEAP_GROWTH");
        this.bytesPerSecond = bytesPerSecond;
        this.samples = samples;
        this.windowMillis = windowMillis;
        this.liveBytes = liveBytes;
        this.fit = fit;
    }

    /** The slope of the linear fit of live heap over time. */
    public double bytesPerSecond() {
        return bytesPerSecond;
    }

    /** How many old-generation collections the fit covers. */
    public int samples() {
        return samples;
    }

    /** Time from the first to the last of those collections. */
    public long windowMillis() {
        return windowMillis;
    }

    /** The live heap after the last collection. */
    public long liveBytes() {
        return liveBytes;
    }

    /** The fit's coefficient of determination (1 = a straight line). */
    public double fit() {
        return fit;
    }
}
