package dev.eventide.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A labelled Prometheus histogram (prom-client's Histogram): per label set, a count per bucket
 * (kept per bucket, summed into cumulative {@code le} buckets when written), the sum and the
 * count. {@code _count} and the {@code +Inf} bucket are written from the same snapshot, so a
 * scrape never shows them apart even while other threads observe. Any thread.
 */
final class PromHistogram {
    /** Upper bounds, increasing, without +Inf. */
    private final double[] bounds;
    private final String[] labelNames;
    private final Map<List<String>, Series> series = new ConcurrentHashMap<>();

    private final class Series {
        /** counts[i]: observations in (bounds[i-1], bounds[i]]; counts[bounds.length]: above all. */
        final LongAdder[] counts = new LongAdder[bounds.length + 1];
        final DoubleAdder sum = new DoubleAdder();

        Series() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }
    }

    PromHistogram(double[] bounds, String... labelNames) {
        double[] sorted = bounds.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("duplicate bucket bound " + sorted[i]);
            }
        }
        this.bounds = sorted;
        this.labelNames = labelNames;
    }

    void observe(double value, String... labelValues) {
        Series s = series.computeIfAbsent(List.of(labelValues), k -> new Series());
        int i = Arrays.binarySearch(bounds, value);
        s.counts[i >= 0 ? i : -i - 1].increment(); // a value equal to a bound belongs to it (le)
        s.sum.add(value);
    }

    /** Writes the family; label sets in a stable (sorted) order. */
    void write(PromWriter w, String name, String help) {
        w.family(name, "histogram", help);
        List<List<String>> keys = new ArrayList<>(series.keySet());
        keys.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (List<String> key : keys) {
            Series s = series.get(key);
            long cumulative = 0;
            for (int i = 0; i <= bounds.length; i++) {
                cumulative += s.counts[i].sum();
                String le = i < bounds.length ? PromWriter.number(bounds[i]) : "+Inf";
                w.sample(name + "_bucket", cumulative, labels(key, "le", le));
            }
            w.sample(name + "_sum", s.sum.sum(), labels(key));
            w.sample(name + "_count", cumulative, labels(key));
        }
    }

    private String[] labels(List<String> values, String... extra) {
        String[] out = new String[labelNames.length * 2 + extra.length];
        for (int i = 0; i < labelNames.length; i++) {
            out[2 * i] = labelNames[i];
            out[2 * i + 1] = values.get(i);
        }
        System.arraycopy(extra, 0, out, labelNames.length * 2, extra.length);
        return out;
    }
}
