package dev.eventide.benchmarks;

import dev.eventide.buffer.Bytes;
import dev.eventide.fs.Fs;
import dev.eventide.fs.FileReadStream;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
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
 * fs on the worker pool, as benchmarks/node/fs.js measures node: readFile of 1,000 small files
 * (all queued at once, as Promise.all does; score = files per second) and createReadStream of a
 * 1 GiB file (score = streams per second; fs.sh turns it into MB/s). The files are made by
 * benchmarks/fs.sh in $FS_BENCH_DIR (default /tmp/eventide-fs-bench) and are in the page cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FsBenchmark {
    static final int FILES = 1000;

    private final String dir = System.getenv().getOrDefault("FS_BENCH_DIR", "/tmp/eventide-fs-bench");
    private List<String> small;
    private long bytes;

    @Setup
    public void files() {
        small = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            small.add(dir + "/small/" + i + ".txt");
        }
        if (!Fs.existsSync(small.getLast()) || Fs.statSync(dir + "/big.bin").size() != 1L << 30) {
            throw new IllegalStateException("run benchmarks/fs.sh: it makes the files in " + dir);
        }
    }

    /** readFile of 1,000 small files, all in flight at once. */
    @Benchmark
    @OperationsPerInvocation(FILES)
    public long readFileSmall() {
        bytes = 0;
        EventLoop.run(() -> {
            List<Promise<Bytes>> all = new ArrayList<>(FILES);
            for (String f : small) {
                all.add(Fs.promises().readFile(f));
            }
            Promise.all(all).then(list -> {
                for (Bytes b : list) {
                    bytes += b.length();
                }
                return null;
            });
        });
        return bytes;
    }

    /** createReadStream of the 1 GiB file with the default 64 KiB chunks, in flowing mode. */
    @Benchmark
    public long readStreamBig() {
        bytes = 0;
        EventLoop.run(() -> {
            FileReadStream rs = Fs.createReadStream(dir + "/big.bin");
            rs.on("data", a -> bytes += ((Bytes) a[0]).length());
        });
        if (bytes != 1L << 30) {
            throw new IllegalStateException("read " + bytes + " bytes");
        }
        return bytes;
    }
}
