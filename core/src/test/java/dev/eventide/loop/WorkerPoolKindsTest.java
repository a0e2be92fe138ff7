package dev.eventide.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The worker pool's kinds of work: per-kind statistics, the network lane that keeps DNS work
 * off the main threads, and Node's classic "8 pbkdf2 jobs on 4 threads finish in two waves".
 * Orders and groupings are asserted, never durations.
 */
@org.junit.jupiter.api.Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class WorkerPoolKindsTest {
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same fixed CPU work each time: PBKDF2-HMAC-SHA256 with 30,000 iterations. */
    private static void pbkdf2() {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            f.generateSecret(new PBEKeySpec("secret".toCharArray(), "salt".getBytes(), 30_000, 256));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs 8 pbkdf2 jobs on a pool of {@code threads} and returns the start/end trace. */
    private List<String> eightJobsOn(int threads) throws Exception {
        WorkerPool pool = new WorkerPool(threads);
        CountDownLatch done = new CountDownLatch(8);
        // Pool threads start lazily and a 2-core machine may run one job to its end before it
        // schedules the fourth thread at all: the first wave waits (10 s at most) until as many
        // jobs have started as the pool should run at once. A smaller pool never fills the wave,
        // its first jobs end after the wait, and the grouping below fails as it should.
        CountDownLatch wave = new CountDownLatch(Math.min(threads, 8));
        for (int i = 0; i < 8; i++) {
            int n = i;
            pool.submit(WorkKind.CRYPTO, () -> {
                trace.add("start " + n);
                wave.countDown();
                try {
                    wave.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                pbkdf2();
                trace.add("end " + n);
                done.countDown();
            });
        }
        assertThat(done.await(50, TimeUnit.SECONDS)).isTrue();
        return List.copyOf(trace);
    }

    private static int startsBeforeFirstEnd(List<String> events) {
        int starts = 0;
        for (String e : events) {
            if (e.startsWith("end")) {
                break;
            }
            starts++;
        }
        return starts;
    }

    @Test
    void eightEqualJobsOnFourThreadsFinishInTwoWaves() throws Exception {
        List<String> events = eightJobsOn(4);
        // The first wave is jobs 0-3; job 4 can only start once one of them has ended.
        assertThat(startsBeforeFirstEnd(events)).isEqualTo(4);
        assertThat(events.subList(0, 4)).containsExactlyInAnyOrder("start 0", "start 1", "start 2", "start 3");
        for (int late = 4; late < 8; late++) {
            int startAt = events.indexOf("start " + late);
            long endsBefore = events.subList(0, startAt).stream().filter(e -> e.startsWith("end")).count();
            assertThat(endsBefore).as("ends before job %d starts", late).isGreaterThanOrEqualTo(late - 3);
        }
        assertThat(WorkerPool.sizeFromEnv(null)).as("the default size demonstrated here").isEqualTo(4);
    }

    @Test
    void eightEqualJobsOnEightThreadsFinishInOneWave() throws Exception {
        List<String> events = eightJobsOn(8);
        assertThat(startsBeforeFirstEnd(events)).isEqualTo(8);
        assertThat(events).hasSize(16);
    }

    @Test
    void statsCountQueueDepthWaitAndRunPerKind() throws Exception {
        WorkerPool pool = new WorkerPool(1);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        pool.submit(WorkKind.FS, () -> {
            await(gate);
            done.countDown();
        });
        pool.submit(WorkKind.CRYPTO, done::countDown);
        pool.submit(WorkKind.CRYPTO, done::countDown);
        waitUntil(() -> pool.stats().of(WorkKind.FS).running() == 1);
        PoolStats busy = pool.stats();
        assertThat(busy.of(WorkKind.CRYPTO).queued()).isEqualTo(2);
        assertThat(busy.of(WorkKind.FS).queued()).isZero();
        assertThat(busy.queued()).isEqualTo(2);
        assertThat(busy.of(WorkKind.ZLIB)).isEqualTo(new WorkStats(WorkKind.ZLIB, 0, 0, 0, 0, 0, 0, 0));
        Thread.sleep(20); // the CRYPTO work must wait measurably behind the gate
        gate.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> pool.stats().of(WorkKind.CRYPTO).completed() == 2);
        PoolStats after = pool.stats();
        WorkStats crypto = after.of(WorkKind.CRYPTO);
        assertThat(crypto.queued()).isZero();
        assertThat(crypto.running()).isZero();
        assertThat(crypto.maxWaitNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(crypto.totalWaitNanos()).isGreaterThanOrEqualTo(crypto.maxWaitNanos());
        assertThat(after.of(WorkKind.FS).maxRunNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(after.of(WorkKind.FS).meanRunNanos()).isEqualTo((double) after.of(WorkKind.FS).totalRunNanos());
        assertThat(after.size()).isEqualTo(1);
        assertThat(after.networkSize()).isEqualTo(WorkerPool.NETWORK_SIZE);
    }

    @Test
    void dnsWorkRunsOnItsOwnLaneSoStuckLookupsLeaveTheMainThreadsFree() throws Exception {
        WorkerPool pool = new WorkerPool(1);
        CountDownLatch stuck = new CountDownLatch(1);
        for (int i = 0; i < 5; i++) {
            pool.submit(WorkKind.DNS, () -> await(stuck));
        }
        CountDownLatch fsDone = new CountDownLatch(1);
        pool.submit(WorkKind.FS, () -> {
            trace.add(Thread.currentThread().getName());
            fsDone.countDown();
        });
        assertThat(fsDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(trace.getFirst()).startsWith("eventide-pool-").doesNotContain("net");
        // The fs job may finish before the second network thread has picked up its lookup.
        waitUntil(() -> pool.stats().of(WorkKind.DNS).running() == WorkerPool.NETWORK_SIZE);
        PoolStats s = pool.stats();
        assertThat(s.of(WorkKind.DNS).running()).isEqualTo(WorkerPool.NETWORK_SIZE);
        assertThat(s.of(WorkKind.DNS).queued()).isEqualTo(5 - WorkerPool.NETWORK_SIZE);
        assertThat(s.networkStartedThreads()).isEqualTo(WorkerPool.NETWORK_SIZE);
        assertThat(pool.queueDepth()).as("main lane").isZero();
        stuck.countDown();
    }

    @Test
    void queueWorkWithAKindIsCountedUnderThatKind() throws InterruptedException {
        long before = WorkerPool.shared().stats().of(WorkKind.ZLIB).completed();
        FakeClock clock = new FakeClock();
        clock.run(() -> EventLoop.current().queueWork(WorkKind.ZLIB, () -> 7,
                (r, e) -> trace.add("done " + r)));
        assertThat(trace).containsExactly("done 7");
        // The pool thread counts the job after it has posted the completion, so the loop may
        // have run the completion (and ended) a moment before the count is visible.
        waitUntil(() -> WorkerPool.shared().stats().of(WorkKind.ZLIB).completed() == before + 1);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in 10 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
