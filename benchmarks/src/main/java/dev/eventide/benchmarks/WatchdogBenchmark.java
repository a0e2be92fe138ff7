package dev.eventide.benchmarks;

import dev.eventide.loop.EventLoop;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The blocked-loop watchdog's cost on the loop's hottest path: LoopBenchmark's chain of N
 * setImmediate callbacks with the watchdog watching the loop (100 ms threshold, so its monitor
 * thread reads the callback sequence every 25 ms) and without. The ratio of the two scores is
 * the cost; the HTTP benchmark will measure it again under real load.
 *
 * <p>The watchdog is reached reflectively until module dev.eventide exports
 * dev.eventide.diagnostics; run with {@code --add-exports dev.eventide/dev.eventide.diagnostics=ALL-UNNAMED}
 * if the benchmarks run on the module path (on the class path, as benchmarks/loop.sh runs them,
 * nothing is needed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WatchdogBenchmark {
    static final int N = 100_000;

    @Param({"off", "on"})
    public String watchdog;

    private int count;

    @Benchmark
    @OperationsPerInvocation(N)
    public int setImmediateChain() throws Exception {
        count = 0;
        boolean on = watchdog.equals("on");
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            AutoCloseable dog = on ? start(loop) : null;
            step(loop, dog);
        });
        return count;
    }

    private void step(EventLoop loop, AutoCloseable dog) {
        if (++count < N) {
            loop.setImmediate(() -> step(loop, dog));
        } else if (dog != null) {
            try {
                dog.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static AutoCloseable start(EventLoop loop) {
        try {
            Class<?> type = Class.forName("dev.eventide.diagnostics.BlockedLoopWatchdog");
            Method start = type.getMethod("start", EventLoop.class, long.class);
            return (AutoCloseable) start.invoke(null, loop, 100L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the watchdog is not reachable: " + e, e);
        }
    }
}
