package dev.eventide.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.FakeClock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** monitorEventLoopDelay on a fake clock: what the sampling timer records, enable/disable. */
class IntervalHistogramTest {

    @Test
    void anIdleLoopRecordsTheResolutionAndABlockedCallbackRecordsItsLength() {
        FakeClock clock = new FakeClock();
        AtomicReference<IntervalHistogram> seen = new AtomicReference<>();
        int code = clock.run(() -> {
            EventLoop loop = EventLoop.current();
            IntervalHistogram h = Diagnostics.monitorEventLoopDelay();
            assertThat(h.enable()).isTrue();
            assertThat(h.enable()).isFalse();
            loop.setTimeout(() -> clock.advanceMillis(50), 55); // a callback that holds the loop 50 ms
            loop.setTimeout(() -> {
                assertThat(h.disable()).isTrue();
                assertThat(h.disable()).isFalse();
                seen.set(h);
            }, 200);
        });
        assertThat(code).isZero();
        IntervalHistogram h = seen.get();
        assertThat(h.count()).isBetween(10L, 20L);
        assertThat(h.min()).isEqualTo(h.lowestEquivalent(10_000_000));
        assertThat(h.max()).isBetween(50_000_000L, 70_000_000L);
        assertThat(h.percentile(50)).isEqualTo(h.highestEquivalent(10_000_000));
        assertThat(h.resolution()).isEqualTo(10);
        assertThat(h.enabled()).isFalse();
    }

    @Test
    void theSamplingTimerDoesNotKeepTheLoopAlive() {
        FakeClock clock = new FakeClock();
        int code = clock.run(() -> Diagnostics.monitorEventLoopDelay(1).enable());
        assertThat(code).isZero();
        assertThat(clock.elapsedMillis()).isLessThan(5);
    }

    @Test
    void resolutionMustBeAtLeastOneMillisecond() {
        int code = new FakeClock().run(() -> assertThatThrownBy(() -> Diagnostics.monitorEventLoopDelay(0))
                .hasMessageContaining("\"options.resolution\" is out of range"));
        assertThat(code).isZero();
    }

    @Test
    void enableOffTheLoopThreadIsRefused() throws Exception {
        AtomicReference<IntervalHistogram> h = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        new FakeClock().run(() -> {
            h.set(Diagnostics.monitorEventLoopDelay());
            Thread other = new Thread(() -> {
                try {
                    h.get().enable();
                } catch (Throwable t) {
                    error.set(t);
                }
            });
            other.start();
            other.join();
        });
        assertThat(error.get()).hasMessageContaining("belongs to loop thread");
    }
}
