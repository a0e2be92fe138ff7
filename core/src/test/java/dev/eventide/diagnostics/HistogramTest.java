package dev.eventide.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.NodeOracle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The log-linear histogram: Node's numbers for the same records, and its precision bound. */
class HistogramTest {

    /** JavaScript's rendering of a number (integers without ".0"). */
    static String js(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e21) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(Double.toString(v)).toPlainString();
    }

    private static String summary(Histogram h) {
        List<String> pcts = new ArrayList<>();
        for (Map.Entry<Double, Long> e : h.percentiles().entrySet()) {
            pcts.add(js(e.getKey()) + "," + e.getValue());
        }
        return h.min() + " " + h.max() + " " + js(h.mean()) + " " + js(h.stddev()) + " " + h.count() + " "
                + h.percentile(50) + " " + h.percentile(99) + " " + h.percentile(100) + " " + String.join(" | ", pcts);
    }

    private static final String SUMMARY_JS = """
            const { createHistogram } = require('perf_hooks');
            function summary(h) {
              const p = [...h.percentiles].map(([k, v]) => k + ',' + v).join(' | ');
              return [h.min, h.max, h.mean, h.stddev, h.count, h.percentile(50), h.percentile(99),
                h.percentile(100), p].join(' ');
            }
            """;

    @Test
    void oneToAThousandGivesNodesStatistics() {
        Histogram h = new Histogram();
        for (int i = 1; i <= 1000; i++) {
            h.record(i);
        }
        String expected = "1 1000 500.5 288.6749902572095 1000 500 990 1000 0,1 | 50,500 | 75,750 | 87.5,875"
                + " | 93.75,938 | 96.875,969 | 98.4375,985 | 99.21875,993 | 99.609375,997 | 99.8046875,999"
                + " | 99.90234375,1000 | 100,1000";
        assertThat(summary(h)).isEqualTo(expected);
        NodeOracle.assertNodePrints(SUMMARY_JS + """
                const h = createHistogram();
                for (let i = 1; i <= 1000; i++) h.record(i);
                console.log(summary(h));
                """, List.of(expected));
    }

    @Test
    void largeValuesReportTheBoundsAndMidpointOfTheirStepAsNode() {
        Histogram h = new Histogram();
        for (int i = 0; i < 100; i++) {
            h.record(123_456_789);
        }
        h.record(10_000_000);
        h.record(1L << 40);
        String expected = summaryLine(h);
        assertThat(h.min()).isEqualTo(9_994_240);
        assertThat(h.percentile(50)).isEqualTo(123_469_823);
        NodeOracle.assertNodePrints(SUMMARY_JS + """
                const h = createHistogram();
                for (let i = 0; i < 100; i++) h.record(123456789);
                h.record(10000000);
                h.record(2 ** 40);
                console.log(summary(h));
                """, List.of(expected));
    }

    private static String summaryLine(Histogram h) {
        return summary(h);
    }

    @Test
    void percentilesStayWithinOnePartInAThousandOfTheExactValues() {
        SplittableRandom random = new SplittableRandom(42);
        long[] values = new long[200_000];
        Histogram h = new Histogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextDouble(0, Math.log(1e12))) + 1;
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {0.1, 1, 10, 25, 50, 75, 90, 99, 99.9, 99.99, 100}) {
            long exact = values[(int) Math.max(0, Math.round(p / 100 * values.length) - 1)];
            assertThat((double) h.percentile(p)).as("p%s", p).isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(0.1));
        }
        double exactMean = Arrays.stream(values).asDoubleStream().average().orElseThrow();
        assertThat(h.mean()).isCloseTo(exactMean, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(h.count()).isEqualTo(values.length);
    }

    @Test
    void fewerFiguresMeanCoarserStepsAndValuesAboveTheRangeCountAsExceeds() {
        Histogram h = new Histogram(1, 1000, 2);
        h.record(5000);
        assertThat(h.count()).isZero();
        assertThat(h.exceeds()).isEqualTo(1);
        h.record(1000);
        h.record(300);
        assertThat(h.max()).isEqualTo(1003);
        assertThat(h.min()).isEqualTo(300);
        NodeOracle.assertNodePrints("""
                const h = require('perf_hooks').createHistogram({ lowest: 1, highest: 1000, figures: 2 });
                h.record(5000); console.log(h.count, h.exceeds);
                h.record(1000); h.record(300); console.log(h.max, h.min);
                """, List.of("0 1", "1003 300"));
    }

    @Test
    void anEmptyHistogramHasNodesSentinels() {
        Histogram h = new Histogram();
        assertThat(h.min()).isEqualTo(Long.MAX_VALUE);
        assertThat(h.max()).isZero();
        assertThat(h.mean()).isNaN();
        assertThat(h.stddev()).isNaN();
        assertThat(h.percentiles()).containsExactly(Map.entry(100.0, 0L));
    }

    @Test
    void valuesBelowOneAndPercentilesOutsideTheRangeAreOutOfRange() {
        Histogram h = new Histogram();
        assertThatThrownBy(() -> h.record(0)).isInstanceOf(NodeError.class)
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_OUT_OF_RANGE");
        assertThatThrownBy(() -> h.percentile(0)).hasMessageContaining("> 0 && <= 100");
        assertThatThrownBy(() -> h.percentile(100.5)).hasMessageContaining("\"percentile\"");
        assertThatThrownBy(() -> new Histogram(1, 1, 3)).hasMessageContaining("options.highest");
        assertThatThrownBy(() -> new Histogram(1, 10, 6)).hasMessageContaining("options.figures");
    }

    @Test
    void resetEmptiesAndAddAndCopyCarryEveryCount() {
        Histogram a = new Histogram();
        Histogram b = new Histogram();
        for (int i = 1; i <= 100; i++) {
            a.record(i * 1000L);
            b.record(i * 7L);
        }
        Histogram sum = a.copy();
        sum.add(b);
        assertThat(sum.count()).isEqualTo(200);
        assertThat(sum.min()).isEqualTo(7);
        assertThat(sum.max()).isEqualTo(a.max());
        assertThat(a.count()).isEqualTo(100);
        a.reset();
        assertThat(a.count()).isZero();
        assertThat(a.percentiles()).hasSize(1);
        assertThatThrownBy(() -> a.add(new Histogram(1, 1000, 2))).hasMessageContaining("figures");
    }
}
