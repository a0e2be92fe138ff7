package dev.eventide.benchmarks;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timeout;
import dev.eventide.promise.Promise;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loop's hot paths, each as a whole loop run of N callbacks, so that a score is callbacks
 * per second (the node scripts in benchmarks/node/loop.js measure the same workloads).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LoopBenchmark {
    static final int N = 100_000;

    private int count;

    /** A chain of N setImmediate callbacks, each scheduling the next. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int setImmediateChain() {
        count = 0;
        EventLoop.run(() -> immediateStep(EventLoop.current()));
        return count;
    }

    private void immediateStep(EventLoop loop) {
        if (++count < N) {
            loop.setImmediate(() -> immediateStep(loop));
        }
    }

    /** A chain of N nextTick callbacks. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int nextTickChain() {
        count = 0;
        EventLoop.run(() -> tickStep(EventLoop.current()));
        return count;
    }

    private void tickStep(EventLoop loop) {
        if (++count < N) {
            loop.nextTick(() -> tickStep(loop));
        }
    }

    /** A chain of N promise reactions: p.then(...).then(...)... */
    @Benchmark
    @OperationsPerInvocation(N)
    public int promiseThenChain() {
        count = 0;
        EventLoop.run(() -> {
            Promise<Integer> p = Promise.resolve(0);
            for (int i = 0; i < N; i++) {
                p = p.then(v -> v + 1);
            }
            p.then(v -> count = v);
        });
        return count;
    }

    /** N setTimeout(0) callbacks scheduled in batches of 1,000 from the previous batch. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int setTimeoutZeroBatches() {
        count = 0;
        EventLoop.run(() -> timeoutBatch(EventLoop.current()));
        return count;
    }

    private void timeoutBatch(EventLoop loop) {
        for (int i = 0; i < 1000; i++) {
            boolean last = i == 999;
            loop.setTimeout(() -> {
                count++;
                if (last && count < N) {
                    timeoutBatch(loop);
                }
            }, 0);
        }
    }

    /** N timers of the same duration inserted, then all cancelled (Node's per-duration lists). */
    @Benchmark
    @OperationsPerInvocation(N)
    public int insertCancelSameDuration() {
        count = 0;
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            Timeout[] timers = new Timeout[N];
            for (int i = 0; i < N; i++) {
                timers[i] = loop.setTimeout(() -> count--, 5000);
            }
            for (int i = 0; i < N; i++) {
                timers[i].close();
                count++;
            }
        });
        return count;
    }
}
