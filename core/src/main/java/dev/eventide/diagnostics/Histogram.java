package dev.eventide.diagnostics;

import dev.eventide.errors.Errors;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Node's {@code RecordableHistogram} ({@code perf_hooks.createHistogram}): counts of long values
 * in log-linear buckets with a bounded relative error, as HdrHistogram (which Node uses). Not
 * thread-safe: owned by one thread, normally its loop's; {@link #copy()} hands a snapshot to
 * another.
 *
 * <p>HOW: a value's position is its magnitude (the power of two it falls under) and a linear
 * step inside that magnitude. With {@code figures} significant decimal digits each magnitude
 * is cut into {@code half = 2^k >= 10^figures} equal steps, so a step is at most 1/half of the
 * values it holds (0.1% for 3 figures, Node's default):
 *
 * <pre>
 *   bucket 0:  [0, 2*half)            step 1      (values exact)
 *   bucket 1:  [2*half, 4*half)       step 2      (half steps)
 *   bucket b:  [half*2^b, half*2^b+1) step 2^b    (half steps)
 * </pre>
 *
 * (all in units of {@code 2^floor(log2(lowest))}). Each bucket's array is allocated on first
 * use, so a loop-delay histogram whose values span two magnitudes holds about 16 KB, not
 * HdrHistogram's fixed 350 KB for Node's range. Like Node, {@link #min()} and {@link #max()}
 * report the bounds of their step, {@link #mean()} and {@link #stddev()} are computed from
 * step midpoints, and percentiles report a step's highest value.
 */
public class Histogram {
    private final long lowest;
    private final long highest;
    private final int figures;
    /** log2 of the unit: values are divided by it before bucketing. */
    private final int unitShift;
    /** log2 of {@code half}: the steps per bucket above bucket 0. */
    private final int halfShift;
    /** The largest value that fits (HdrHistogram rounds {@code highest} up to a bucket's end). */
    private final long maxTrackable;
    /** counts[b] is null until a value lands in bucket b; bucket 0 has 2*half slots, others half. */
    private final long[][] counts = new long[64][];
    private long total;
    private long exceeds;
    /** Exact extremes of the recorded values; Long.MAX_VALUE and 0 while empty (Node's values). */
    private long minValue = Long.MAX_VALUE;
    private long maxValue;

    /** Node's defaults: lowest 1, highest 2^53-1, 3 significant figures. */
    public Histogram() {
        this(1, (1L << 53) - 1, 3);
    }

    /** Node's {@code createHistogram({lowest, highest, figures})}, with Node's checks. */
    public Histogram(long lowest, long highest, int figures) {
        Errors.requireRange(lowest, "options.lowest", 1, Long.MAX_VALUE);
        Errors.requireRange(highest, "options.highest", 2 * lowest, Long.MAX_VALUE);
        Errors.requireRange(figures, "options.figures", 1, 5);
        this.lowest = lowest;
        this.highest = highest;
        this.figures = figures;
        this.unitShift = 63 - Long.numberOfLeadingZeros(lowest);
        long twice = 2 * pow10(figures);
        this.halfShift = 64 - Long.numberOfLeadingZeros(twice - 1) - 1;
        long untrackable = (2L << halfShift) << unitShift;
        while (untrackable <= highest && untrackable > 0) {
            untrackable = untrackable > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : untrackable << 1;
        }
        this.maxTrackable = untrackable - 1;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** Node's {@code histogram.record(val)}: ERR_OUT_OF_RANGE below 1; above the range it counts in {@link #exceeds()}. */
    public void record(long value) {
        if (value < 1) {
            throw Errors.outOfRange("val", ">= 1 && <= 9007199254740991", value);
        }
        if (value > maxTrackable) {
            exceeds++;
            return;
        }
        long s = value >>> unitShift;
        int b = bucketOf(s);
        int sub = (int) (s >>> b);
        long[] slots = counts[b];
        if (slots == null) {
            slots = counts[b] = new long[b == 0 ? 2 << halfShift : 1 << halfShift];
        }
        slots[b == 0 ? sub : sub - (1 << halfShift)]++;
        total++;
        minValue = Math.min(minValue, value);
        maxValue = Math.max(maxValue, value);
    }

    private int bucketOf(long scaled) {
        int magnitude = 63 - Long.numberOfLeadingZeros(scaled);
        return Math.max(0, magnitude - halfShift);
    }

    /** The lowest value that shares {@code value}'s step. */
    long lowestEquivalent(long value) {
        int b = bucketOf(value >>> unitShift);
        return ((value >>> unitShift) >>> b << b) << unitShift;
    }

    /** The width of {@code value}'s step. */
    long stepSize(long value) {
        return (1L << bucketOf(value >>> unitShift)) << unitShift;
    }

    long highestEquivalent(long value) {
        return lowestEquivalent(value) + stepSize(value) - 1;
    }

    /** Number of values recorded (excluding those above the range). */
    public long count() {
        return total;
    }

    /** Values that were above the highest trackable value and so were not recorded. */
    public long exceeds() {
        return exceeds;
    }

    /** The smallest value's step start, or Long.MAX_VALUE when empty (as Node). */
    public long min() {
        return total == 0 ? Long.MAX_VALUE : lowestEquivalent(minValue);
    }

    /** The largest value's step end, or 0 when empty (as Node). */
    public long max() {
        return total == 0 ? 0 : highestEquivalent(maxValue);
    }

    /** The mean of the step midpoints, NaN when empty (as Node). */
    public double mean() {
        if (total == 0) {
            return Double.NaN;
        }
        long sum = 0;
        double big = 0; // used once the sum would overflow a long (HdrHistogram sums in int64)
        for (Cursor c = cursor(); c.next();) {
            try {
                sum = Math.addExact(sum, Math.multiplyExact(c.count, c.midpoint()));
            } catch (ArithmeticException overflow) {
                big += (double) c.count * c.midpoint();
            }
        }
        return (sum + big) / total;
    }

    /** The population standard deviation over step midpoints, NaN when empty (as Node). */
    public double stddev() {
        if (total == 0) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = 0;
        for (Cursor c = cursor(); c.next();) {
            double d = c.midpoint() - mean;
            squares += d * d * c.count;
        }
        return Math.sqrt(squares / total);
    }

    /** The value at percentile {@code p} (0 &lt; p &lt;= 100): the highest value of its step. */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw Errors.outOfRange("percentile", "> 0 && <= 100", p);
        }
        long wanted = Math.max(1, (long) (p / 100 * total + 0.5));
        long seen = 0;
        for (Cursor c = cursor(); c.next();) {
            seen += c.count;
            if (seen >= wanted) {
                return c.low + c.size - 1;
            }
        }
        return 0;
    }

    /**
     * Node's {@code histogram.percentiles}: percentile to value at 0, 50, 75, 87.5, ... (each
     * step halving the distance to 100) and 100, as HdrHistogram's percentile iteration with
     * one tick per half distance. Values are the lowest of their step here (unlike
     * {@link #percentile}), as Node reports them. Empty: {100=0}.
     */
    public SortedMap<Double, Long> percentiles() {
        TreeMap<Double, Long> map = new TreeMap<>();
        if (total == 0) {
            map.put(100.0, 0L);
            return Collections.unmodifiableSortedMap(map);
        }
        double next = 0;
        long seen = 0;
        long last = 0;
        for (Cursor c = cursor(); c.next();) {
            seen += c.count;
            last = c.low;
            while (100.0 * seen / total >= next && next < 100) {
                map.put(next, last);
                long halfDistance = 1L << ((long) (Math.log(100 / (100 - next)) / Math.log(2)) + 1);
                next += 100.0 / halfDistance;
                if (seen == total) {
                    break; // HdrHistogram reports one percentile in the last step, then 100
                }
            }
        }
        map.put(100.0, last);
        return Collections.unmodifiableSortedMap(map);
    }

    /** Empties the histogram (Node's {@code histogram.reset()}). */
    public void reset() {
        java.util.Arrays.fill(counts, null);
        total = 0;
        exceeds = 0;
        minValue = Long.MAX_VALUE;
        maxValue = 0;
    }

    /** Adds every count of {@code other} (Node's {@code histogram.add(other)}); same settings only. */
    public void add(Histogram other) {
        if (other.unitShift != unitShift || other.halfShift != halfShift) {
            throw Errors.invalidArgValue("other", "Histogram(" + other.lowest + ", " + other.highest + ", "
                    + other.figures + ")", "must have this histogram's lowest and figures");
        }
        for (int b = 0; b < counts.length; b++) {
            long[] theirs = other.counts[b];
            if (theirs != null) {
                long[] ours = counts[b] == null ? (counts[b] = new long[theirs.length]) : counts[b];
                for (int i = 0; i < theirs.length; i++) {
                    ours[i] += theirs[i];
                }
            }
        }
        total += other.total;
        exceeds += other.exceeds;
        if (other.total > 0) {
            minValue = Math.min(minValue, other.minValue);
            maxValue = Math.max(maxValue, other.maxValue);
        }
    }

    /** An independent copy with the same settings and counts (to hand to another thread). */
    public Histogram copy() {
        Histogram h = new Histogram(lowest, highest, figures);
        h.add(this);
        return h;
    }

    public long lowest() {
        return lowest;
    }

    public long highest() {
        return highest;
    }

    public int figures() {
        return figures;
    }

    private Cursor cursor() {
        return new Cursor();
    }

    /** Walks the non-empty steps in increasing order of value. */
    private final class Cursor {
        int bucket;
        int index = -1;
        long count;
        long low;
        long size;

        boolean next() {
            while (bucket < counts.length) {
                long[] slots = counts[bucket];
                if (slots != null) {
                    while (++index < slots.length) {
                        if (slots[index] != 0) {
                            count = slots[index];
                            long sub = bucket == 0 ? index : index + (1L << halfShift);
                            size = (1L << bucket) << unitShift;
                            low = (sub << bucket) << unitShift;
                            return true;
                        }
                    }
                }
                bucket++;
                index = -1;
            }
            return false;
        }

        long midpoint() {
            return low + (size >> 1);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{count=" + total + ", min=" + min() + ", max=" + max() + ", mean="
                + mean() + ", exceeds=" + exceeds + "}";
    }
}
