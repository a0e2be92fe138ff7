package dev.eventide.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The worker pool (libuv's threadpool): UV_THREADPOOL_SIZE parsing, lazy threads, FIFO order,
 * and queueWork completions that run on the loop thread in the poll phase.
 */
@org.junit.jupiter.api.Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class WorkerPoolTest {
    private final FakeClock clock = new FakeClock();
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());

    private static WorkerPool freshPool(int size) throws Exception {
        Constructor<WorkerPool> c = WorkerPool.class.getDeclaredConstructor(int.class);
        c.setAccessible(true);
        return c.newInstance(size);
    }

    @Test
    void sizeFromEnvFollowsLibuv() {
        assertThat(WorkerPool.sizeFromEnv(null)).isEqualTo(4);
        assertThat(WorkerPool.sizeFromEnv("8")).isEqualTo(8);
        assertThat(WorkerPool.sizeFromEnv("0")).isEqualTo(1);
        assertThat(WorkerPool.sizeFromEnv("-0")).isEqualTo(1);
        assertThat(WorkerPool.sizeFromEnv("1024")).isEqualTo(1024);
        assertThat(WorkerPool.sizeFromEnv("2000")).isEqualTo(1024);
        assertThat(WorkerPool.sizeFromEnv("")).isEqualTo(1);
        assertThat(WorkerPool.sizeFromEnv("garbage")).isEqualTo(1);
        assertThat(WorkerPool.sizeFromEnv(" 3")).isEqualTo(3);
        assertThat(WorkerPool.sizeFromEnv("+6")).isEqualTo(6);
        assertThat(WorkerPool.sizeFromEnv("12abc")).isEqualTo(12);
        assertThat(WorkerPool.sizeFromEnv("1e3")).isEqualTo(1);
    }

    @Test
    void aNegativeOrHugeSizeIsTheMaximumBecauseLibuvKeepsItUnsigned() {
        // libuv: nthreads is unsigned, so atoi("-1") wraps to 4294967295 and is clamped to 1024
        // (node with UV_THREADPOOL_SIZE=-1 starts 1024 pool threads).
        assertThat(WorkerPool.sizeFromEnv("-1")).isEqualTo(1024);
        assertThat(WorkerPool.sizeFromEnv("-12abc")).isEqualTo(1024);
        assertThat(WorkerPool.sizeFromEnv("99999999999999999999")).isEqualTo(1024);
    }

    @Test
    void theSharedPoolIsSizedFromTheEnvironment() {
        assertThat(WorkerPool.shared().size()).isEqualTo(WorkerPool.sizeFromEnv(System.getenv("UV_THREADPOOL_SIZE")));
        assertThat(WorkerPool.shared()).isSameAs(WorkerPool.shared());
        assertThat(WorkerPool.MAX_SIZE).isEqualTo(1024);
    }

    @Test
    void threadsAreStartedOnlyWhenWorkArrives() throws Exception {
        WorkerPool pool = freshPool(3);
        assertThat(pool.startedThreads()).isZero();
        CountDownLatch ran = new CountDownLatch(1);
        pool.submit(ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.startedThreads()).isBetween(1, 3);
        assertThat(pool.size()).isEqualTo(3);
    }

    @Test
    void workRunsFirstInFirstOut() throws Exception {
        WorkerPool pool = freshPool(1);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(5);
        pool.submit(() -> {
            await(gate);
            trace.add("blocker");
            done.countDown();
        });
        for (int i = 0; i < 4; i++) {
            int n = i;
            pool.submit(() -> {
                trace.add("w" + n);
                done.countDown();
            });
        }
        assertThat(pool.queueDepth()).isEqualTo(4);
        gate.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(trace).containsExactly("blocker", "w0", "w1", "w2", "w3");
        assertThat(pool.startedThreads()).isEqualTo(1);
    }

    @Test
    void queueWorkRunsOffTheLoopAndCompletesOnTheLoopThread() {
        Thread[] threads = new Thread[2];
        clock.run(() -> EventLoop.current().queueWork(() -> {
            threads[0] = Thread.currentThread();
            return 42;
        }, (result, error) -> {
            threads[1] = Thread.currentThread();
            trace.add("done " + result + " " + error);
        }));
        assertThat(trace).containsExactly("done 42 null");
        assertThat(threads[0]).isNotSameAs(Thread.currentThread());
        assertThat(threads[0].getName()).startsWith("eventide-pool-");
        assertThat(threads[1]).isSameAs(Thread.currentThread());
    }

    @Test
    void queueWorkCompletesInThePollPhaseBeforeThatIterationsCheckPhase() {
        CountDownLatch release = new CountDownLatch(1);
        clock.run(() -> {
            EventLoop.current().queueWork(() -> {
                await(release);
                return "r";
            }, (r, e) -> trace.add("done"));
            Timers.setImmediate(() -> {
                trace.add("check 1");
                // Unrefed, so it does not make the next poll return at once: poll waits for the work.
                Timers.setImmediate(mark("check 2")).unref();
                release.countDown();
            });
        });
        assertThat(trace).containsExactly("check 1", "done", "check 2");
    }

    @Test
    void anErrorThrownByTheWorkIsDeliveredToDone() {
        clock.run(() -> EventLoop.current().queueWork(() -> {
            throw new java.io.IOException("disk on fire");
        }, (r, e) -> trace.add(r + " " + e)));
        assertThat(trace).containsExactly("null java.io.IOException: disk on fire");
    }

    @Test
    void anErrorThrownByDoneIsAnUncaughtException() {
        var out = Stderr.capture(() -> clock.exitCode(() -> EventLoop.current().queueWork(() -> 1, (r, e) -> {
            throw new IllegalStateException("done failed");
        })));
        assertThat(out.value()).isEqualTo(1);
        assertThat(out.text()).contains("IllegalStateException: done failed");
    }

    @Test
    void pendingWorkKeepsTheLoopAliveWithNothingElseScheduled() {
        CountDownLatch release = new CountDownLatch(1);
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            loop.queueWork(() -> {
                await(release);
                return 1;
            }, (r, e) -> trace.add("done"));
            assertThat(loop.alive()).isTrue();
            new Thread(release::countDown).start();
        });
        assertThat(trace).containsExactly("done");
    }

    private Task mark(String name) {
        return () -> trace.add(name);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
