package dev.eventide.benchmarks;

import dev.eventide.buffer.Bytes;
import dev.eventide.zlib.Zlib;
import dev.eventide.zlib.ZlibOptions;
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
 * gzip (level 6) and gunzip of 256 MiB of deterministic mixed text through the sync forms, one
 * whole buffer per operation; scores are uncompressed bytes per second (benchmarks/zlib.sh turns
 * them into MB/s beside node's zlib.gzipSync/gunzipSync on the same bytes, benchmarks/node/zlib.js).
 * The fork grants native access, so the sync forms take the libdeflate fast path where it is
 * installed; EVENTIDE_ZLIB=jdk in the environment measures the java.util.zip path instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class ZlibBenchmark {
    static final int SIZE = 256 << 20;
    private static final ZlibOptions LEVEL_6 = ZlibOptions.builder().level(6).build();

    private Bytes text;
    private Bytes packed;

    @Setup
    public void setUp() {
        text = Bytes.wrap(MixedText.make(SIZE));
        packed = Zlib.gzipSync(text, LEVEL_6);
        System.out.println("input crc32 " + Zlib.crc32(text) + ", gzip level 6 size " + packed.length());
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public Bytes gzipLevel6() {
        return Zlib.gzipSync(text, LEVEL_6);
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public Bytes gunzip() {
        return Zlib.gunzipSync(packed);
    }
}
