package dev.eventide.benchmarks;

import dev.eventide.crypto.Crypto;
import dev.eventide.loop.EventLoop;
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
 * Crypto work on the worker pool, as whole loop runs: 32 pbkdf2(sha512, 100,000 iterations,
 * 64 bytes) jobs started together and awaited, so the score is jobs per second (the node script
 * benchmarks/node/crypto.js runs the same rounds on libuv's pool).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CryptoBenchmark {
    static final int JOBS = 32;

    private int done;

    @Benchmark
    @OperationsPerInvocation(JOBS)
    public int pbkdf2Sha512x32() {
        done = 0;
        EventLoop.run(() -> {
            for (int i = 0; i < JOBS; i++) {
                Crypto.pbkdf2("password" + i, "salt", 100_000, 64, "sha512").then(key -> done++);
            }
        });
        if (done != JOBS) {
            throw new IllegalStateException("only " + done + " jobs finished");
        }
        return done;
    }
}
