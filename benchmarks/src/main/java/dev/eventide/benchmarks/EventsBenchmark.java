package dev.eventide.benchmarks;

import dev.eventide.events.EventEmitter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EventEmitter.emit("event", 1) with one and with three listeners, each adding its argument to
 * a counter; a score is emits per second (benchmarks/node/events.js measures the same in node).
 * Runs on the JMH thread with no loop: emit touches none unless an 'error' goes unhandled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EventsBenchmark {
    /** Emits per benchmark call, in a plain loop as node's script runs them. */
    static final int BATCH = 1000;
    /** Boxed once, as a JS number is not boxed per call. */
    private static final Integer ONE = 1;

    private long count;
    private EventEmitter one;
    private EventEmitter three;

    @Setup
    public void emitters() {
        one = emitter(1);
        three = emitter(3);
    }

    private EventEmitter emitter(int listeners) {
        EventEmitter ee = new EventEmitter();
        for (int i = 0; i < listeners; i++) {
            ee.on("event", a -> count += (Integer) a[0]);
        }
        return ee;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long emitOneListener() {
        return emitBatch(one);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long emitThreeListeners() {
        return emitBatch(three);
    }

    private long emitBatch(EventEmitter ee) {
        for (int i = 0; i < BATCH; i++) {
            ee.emit("event", ONE);
        }
        return count;
    }
}
