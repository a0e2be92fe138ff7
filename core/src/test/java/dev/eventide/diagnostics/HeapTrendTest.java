package dev.eventide.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.loop.EventLoop;
import dev.eventide.process.Proc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heap-trend detector: a deliberate leak warns, a steady heap does not, and the fit itself. */
class HeapTrendTest {
    /** The leak: reachable from a static field, as a global cache that only grows. */
    static final List<byte[]> LEAK = new ArrayList<>();

    private static final HeapTrend.Options QUICK = new HeapTrend.Options(5, 5e6, 0, 0.9);

    /** Runs {@code steps} steps of {@code work}, each followed by a full GC, and returns the warnings. */
    private static List<Object> run(Runnable work, int steps) {
        List<Object> warnings = new ArrayList<>();
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            HeapTrend trend = HeapTrend.start(QUICK);
            Proc.on("warning", args -> warnings.add(args[0]));
            int[] step = {0};
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (step[0]++ < steps) {
                    work.run();
                    System.gc();
                    loop.setTimeout(next[0]::run, 20);
                } else {
                    loop.setTimeout(trend::stop, 300); // late notifications still reach the loop
                }
            };
            next[0].run();
        });
        assertThat(code).isZero();
        return warnings;
    }

    @Test
    void aListThatGrowsBetweenCollectionsIsReportedWithItsGrowthRate() {
        try {
            List<Object> warnings = run(() -> {
                for (int i = 0; i < 8; i++) {
                    LEAK.add(new byte[1 << 20]);
                }
            }, 10);
            assertThat(warnings).hasAtLeastOneElementOfType(HeapGrowthWarning.class);
            HeapGrowthWarning w = (HeapGrowthWarning) warnings.stream().filter(HeapGrowthWarning.class::isInstance)
                    .findFirst().orElseThrow();
            assertThat(w.bytesPerSecond()).isGreaterThan(5e6);
            assertThat(w.samples()).isEqualTo(5);
            assertThat(w.fit()).isGreaterThan(0.9);
            assertThat(w.getMessage()).startsWith("Possible memory leak: the live heap grew");
            assertThat(w.code()).isEqualTo("EVENTIDE_HEAP_GROWTH");
        } finally {
            LEAK.clear();
        }
    }

    @Test
    void aSteadyHeapIsNotReported() {
        List<Object> sink = new ArrayList<>();
        List<Object> warnings = run(() -> {
            sink.clear();
            for (int i = 0; i < 8; i++) {
                sink.add(new byte[1 << 20]);
            }
        }, 10);
        assertThat(warnings).noneMatch(HeapGrowthWarning.class::isInstance);
    }

    @Test
    void theFitNeedsEnoughPointsTimeSlopeAndSteadiness() {
        EventLoop.run(() -> {
            HeapTrend t = HeapTrend.start(new HeapTrend.Options(3, 1000, 2000, 0.9));
            t.stop();
            assertThat(t.sample(0, 1_000_000)).isNull();
            assertThat(t.sample(1000, 1_001_000)).isNull();
            assertThat(t.sample(1500, 1_002_000)).as("window too short").isNull();
            HeapGrowthWarning w = t.sample(3000, 1_004_000);
            assertThat(w).isNotNull();
            assertThat(w.bytesPerSecond()).isCloseTo(1000, org.assertj.core.data.Offset.offset(50.0));
            assertThat(t.sample(4000, 1_005_000)).as("a new window starts after a warning").isNull();
            assertThat(t.sample(5000, 900_000)).isNull();
            assertThat(t.sample(7000, 1_100_000)).as("zigzag: poor fit").isNull();
        });
        assertThatThrownBy(() -> new HeapTrend.Options(2, 1, 0, 0.5)).hasMessageContaining("samples");
        assertThatThrownBy(() -> new HeapTrend.Options(3, 1, 0, 1.5)).hasMessageContaining("minFit");
    }
}
