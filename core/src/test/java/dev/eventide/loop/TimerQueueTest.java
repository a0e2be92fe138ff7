package dev.eventide.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The timers phase's data structure under load: many timers of one duration share one list,
 * and nothing is left behind when they are cancelled or have fired.
 */
class TimerQueueTest {
    private static final int MANY = 100_000;
    private final FakeClock clock = new FakeClock();

    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
    void aHundredThousandTimersOfOneDurationShareOneListAndLeaveNothingWhenCancelled() {
        int[] fired = {0};
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            List<Timeout> timers = new ArrayList<>(MANY);
            for (int i = 0; i < MANY; i++) {
                timers.add(Timers.setTimeout(() -> fired[0]++, 5000));
            }
            TimerQueue q = loop.timerQueue();
            assertThat(q.listCount()).isEqualTo(1);
            assertThat(q.heapSize()).isEqualTo(1);
            assertThat(q.refCount()).isEqualTo(MANY);
            Collections.shuffle(timers, new Random(42));
            timers.forEach(Timers::clearTimeout);
            assertThat(q.listCount()).isZero();
            assertThat(q.heapSize()).isZero();
            assertThat(q.refCount()).isZero();
            assertThat(q.nextExpiry()).isEqualTo(-1);
        });
        assertThat(fired[0]).isZero();
        assertThat(clock.elapsedMillis()).isZero();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
    void aHundredThousandTimersFireInOrderAndLeaveNoListBehind() {
        int[] last = {-1};
        boolean[] inOrder = {true};
        TimerQueue[] q = new TimerQueue[1];
        clock.run(() -> {
            q[0] = EventLoop.current().timerQueue();
            for (int i = 0; i < MANY; i++) {
                int n = i;
                Timers.setTimeout(() -> {
                    inOrder[0] &= n == last[0] + 1;
                    last[0] = n;
                }, 1000);
                if (i % 10_000 == 0) {
                    clock.advanceMillis(1);
                }
            }
        });
        assertThat(last[0]).isEqualTo(MANY - 1);
        assertThat(inOrder[0]).as("fired in insertion order").isTrue();
        assertThat(clock.elapsedMillis()).isEqualTo(1010);
        assertThat(q[0].listCount()).isZero();
        assertThat(q[0].heapSize()).isZero();
        assertThat(q[0].refCount()).isZero();
    }

    @Test
    void manyDurationsEachGetTheirOwnListAndAllAreDroppedOnceFired() {
        List<Double> order = new ArrayList<>();
        TimerQueue[] q = new TimerQueue[1];
        clock.run(() -> {
            q[0] = EventLoop.current().timerQueue();
            for (int d = 50; d >= 1; d--) {
                double delay = d;
                Timers.setTimeout(() -> order.add(delay), delay);
            }
            assertThat(q[0].listCount()).isEqualTo(50);
        });
        assertThat(order).hasSize(50).isSorted();
        assertThat(q[0].listCount()).isZero();
        assertThat(q[0].heapSize()).isZero();
    }

    @Test
    void refreshingManyTimersKeepsOneListAndCancellingThemDropsIt() {
        clock.run(() -> {
            TimerQueue q = EventLoop.current().timerQueue();
            List<Timeout> timers = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                timers.add(Timers.setTimeout(() -> { }, 300));
            }
            clock.advanceMillis(10);
            timers.forEach(Timeout::refresh);
            assertThat(q.listCount()).isEqualTo(1);
            timers.forEach(Timeout::close);
            assertThat(q.listCount()).isZero();
            assertThat(q.heapSize()).isZero();
        });
        assertThat(clock.elapsedMillis()).isEqualTo(10);
    }
}
