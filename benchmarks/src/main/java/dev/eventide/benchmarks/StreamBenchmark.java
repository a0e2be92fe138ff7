package dev.eventide.benchmarks;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.stream.ReadableStream;
import dev.eventide.stream.StreamOptions;
import dev.eventide.stream.Streams;
import dev.eventide.stream.TransformStream;
import dev.eventide.stream.WritableStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * pipeline(ReadableStream, TransformStream, WritableStream) moving 1 GiB in 64 KiB chunks inside
 * one loop run: the readable pushes one preallocated 64 KiB Bytes per _read, the transform hands
 * each chunk on untouched, the writable counts bytes and calls back at once. highWaterMark is
 * 64 KiB on every side, as in benchmarks/node/stream.js. A score is runs per second;
 * benchmarks/streams.sh turns it into MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StreamBenchmark {
    static final int CHUNK = 64 * 1024;
    static final long TOTAL = 1L << 30;
    static final int CHUNKS = (int) (TOTAL / CHUNK);

    private final Bytes chunk = Bytes.alloc(CHUNK, 'a');
    private int pushed;
    private long written;
    private Throwable failure;

    @Benchmark
    public long pipelineOneGiB() {
        pushed = 0;
        written = 0;
        failure = null;
        EventLoop.run(this::startPipeline);
        if (failure != null || written != TOTAL) {
            throw new IllegalStateException("wrote " + written + " bytes", failure);
        }
        return written;
    }

    private void startPipeline() {
        ReadableStream source = new ReadableStream(new StreamOptions().highWaterMark(CHUNK)
                .read((self, size) -> self.push(pushed++ < CHUNKS ? chunk : null)));
        TransformStream pass = new TransformStream(new StreamOptions().highWaterMark(CHUNK)
                .transform((self, data, enc, cb) -> cb.call(null, data)));
        WritableStream sink = new WritableStream(new StreamOptions().highWaterMark(CHUNK)
                .write((data, enc, cb) -> {
                    written += ((Bytes) data).length();
                    cb.call(null);
                }));
        Streams.pipeline(List.of(source, pass, sink), err -> failure = err);
    }
}
