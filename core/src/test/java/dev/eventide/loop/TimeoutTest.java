package dev.eventide.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Timeout}'s own methods: refresh, ref/unref/hasRef, close, delay, on a fake clock. */
class TimeoutTest {
    private final FakeClock clock = new FakeClock();
    private final List<String> trace = new ArrayList<>();

    private Task mark(String name) {
        return () -> trace.add(name + "@" + clock.elapsedMillis());
    }

    @Test
    void refreshRestartsTheCountdownFromNow() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(mark("t"), 10);
            Timers.setTimeout(() -> assertThat(t.refresh()).isSameAs(t), 6);
        });
        assertThat(trace).containsExactly("t@16");
    }

    @Test
    void refreshRevivesATimeoutThatAlreadyFired() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(mark("t"), 10);
            Timers.setTimeout(() -> {
                assertThat(t.isActive()).isFalse();
                t.refresh();
                assertThat(t.isActive()).isTrue();
            }, 12);
        });
        assertThat(trace).containsExactly("t@10", "t@22");
    }

    @Test
    void refreshInsideItsOwnCallbackSchedulesItAgain() {
        clock.run(() -> {
            int[] n = {0};
            Timeout[] t = new Timeout[1];
            t[0] = Timers.setTimeout(() -> {
                trace.add("t@" + clock.elapsedMillis());
                if (++n[0] < 3) {
                    t[0].refresh();
                }
            }, 5);
        });
        assertThat(trace).containsExactly("t@5", "t@10", "t@15");
    }

    @Test
    void refreshDoesNotReviveAClearedTimeout() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(mark("t"), 10);
            Timers.clearTimeout(t);
            t.refresh();
            assertThat(t.isActive()).isFalse();
        });
        assertThat(trace).isEmpty();
        assertThat(clock.elapsedMillis()).isZero();
    }

    @Test
    void refreshDoesNotReviveATimeoutClearedAfterItFired() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(mark("t"), 10);
            Timers.setTimeout(() -> {
                t.close();
                t.refresh();
            }, 12);
        });
        assertThat(trace).containsExactly("t@10");
    }

    @Test
    void refreshOfAnUnrefedFiredTimeoutDoesNotKeepTheLoopAlive() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(mark("t"), 10);
            Timers.setTimeout(() -> t.unref().refresh(), 12);
        });
        assertThat(trace).containsExactly("t@10");
        assertThat(clock.elapsedMillis()).isEqualTo(12);
    }

    @Test
    void refreshOfAnIntervalRestartsItsPeriod() {
        clock.run(() -> {
            Timeout i = Timers.setInterval(mark("i"), 10);
            Timers.setTimeout(i::refresh, 15);
            Timers.setTimeout(i::close, 40);
        });
        assertThat(trace).containsExactly("i@10", "i@25", "i@35");
    }

    @Test
    void hasRefFollowsRefAndUnrefAndTheyReturnTheTimeout() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(() -> { }, 1);
            assertThat(t.hasRef()).isTrue();
            assertThat(t.unref()).isSameAs(t);
            assertThat(t.hasRef()).isFalse();
            assertThat(t.unref().hasRef()).isFalse();
            assertThat(t.ref()).isSameAs(t);
            assertThat(t.hasRef()).isTrue();
            assertThat(t.close()).isSameAs(t);
        });
    }

    @Test
    void unrefAndRefOnAFiredTimeoutDoNotUnbalanceTheLoopsCount() {
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            Timeout t = Timers.setTimeout(() -> { }, 1);
            Timers.setTimeout(() -> {
                t.unref();
                t.ref();
                t.unref();
                assertThat(loop.timerQueue().refCount()).isEqualTo(0);
            }, 2);
        });
        assertThat(clock.elapsedMillis()).isEqualTo(2);
    }

    @Test
    void unrefOnAClearedTimeoutLeavesOtherTimersKeepingTheLoopAlive() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(mark("never"), 5);
            t.close();
            t.unref();
            t.ref();
            Timers.setTimeout(mark("other"), 7);
            assertThat(EventLoop.current().timerQueue().refCount()).isEqualTo(1);
        });
        assertThat(trace).containsExactly("other@7");
    }

    @Test
    void delayReportsTheCoercedDuration() {
        clock.run(() -> {
            assertThat(Timers.setTimeout(() -> { }, 2.5).delay()).isEqualTo(2.5);
            assertThat(Timers.setInterval(() -> { }, 3).unref().delay()).isEqualTo(3);
            assertThat(Timers.setTimeout(() -> { }, -1).delay()).isEqualTo(1);
        });
    }
}
