package dev.eventide.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GC entries from the JVM's notifications, delivered on the loop thread. */
class GcObserverTest {

    @Test
    void aFullCollectionArrivesOnTheLoopThreadAsAMajorEntry() {
        List<GcEntry> entries = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            GcObserver observer = Diagnostics.observeGc(e -> {
                entries.add(e);
                threads.add(Thread.currentThread());
            });
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[64 << 10];
            }
            garbage = null;
            System.gc();
            long deadline = System.nanoTime() + 5_000_000_000L;
            Runnable[] wait = new Runnable[1];
            wait[0] = () -> {
                if (entries.stream().anyMatch(e -> e.kind() == GcKind.MAJOR) || System.nanoTime() > deadline) {
                    observer.disconnect();
                } else {
                    loop.setTimeout(wait[0]::run, 10);
                }
            };
            loop.setTimeout(wait[0]::run, 10);
        });
        assertThat(code).isZero();
        GcEntry major = entries.stream().filter(e -> e.kind() == GcKind.MAJOR).findFirst().orElseThrow();
        assertThat(major.cause()).isEqualTo("System.gc()");
        assertThat(major.name()).isNotBlank();
        assertThat(major.duration()).isNotNegative();
        assertThat(major.heapBefore()).isPositive();
        assertThat(major.freedBytes()).isEqualTo(Math.max(0, major.heapBefore() - major.heapAfter()));
        assertThat(threads).allMatch(t -> t == threads.getFirst());
        assertThat(threads.getFirst().getName()).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void anObserverDoesNotKeepTheLoopAliveAndDisconnectStopsEntries() {
        List<GcEntry> entries = new ArrayList<>();
        GcObserver[] observer = new GcObserver[1];
        int code = EventLoop.run(() -> {
            observer[0] = Diagnostics.observeGc(entries::add);
            observer[0].disconnect();
            System.gc();
        });
        assertThat(code).isZero();
        assertThat(observer[0].connected()).isFalse();
        assertThat(entries).isEmpty();
    }
}
