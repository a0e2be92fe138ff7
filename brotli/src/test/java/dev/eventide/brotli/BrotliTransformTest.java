package dev.eventide.brotli;

import static dev.eventide.brotli.BrotliConstants.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.stream.ReadableStream;
import dev.eventide.stream.StreamOptions;
import dev.eventide.stream.Streams;
import dev.eventide.stream.WritableStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * createBrotliCompress/createBrotliDecompress as streams on a loop: pipelines, chunk sizes,
 * flush, errors as 'error' events with Node's codes, and a bomb bounded by maxOutputLength and
 * by backpressure.
 */
class BrotliTransformTest {
    private static final Bytes TEXT = Bytes.wrap(TestText.make(1_500_000, 3));

    /** Pipes {@code chunks} through {@code streams}; returns the output or the error's code. */
    @SafeVarargs
    private static Object pipe(List<Bytes> chunks, List<Bytes> out, Supplier<BrotliTransform>... streams) {
        Object[] result = new Object[1];
        EventLoop.run(() -> {
            List<dev.eventide.stream.StreamBase> all = new ArrayList<>();
            all.add(ReadableStream.from(chunks));
            for (Supplier<BrotliTransform> s : streams) {
                all.add(s.get());
            }
            all.add(new WritableStream(new StreamOptions().write((c, enc, cb) -> {
                out.add((Bytes) c);
                cb.call(null);
            })));
            Streams.pipeline(all, err -> result[0] = err == null ? "ok" : ((NodeError) err).code());
        });
        return result[0];
    }

    private static List<Bytes> split(Bytes data, int size) {
        List<Bytes> parts = new ArrayList<>();
        for (int i = 0; i < data.length(); i += size) {
            parts.add(data.subarray(i, Math.min(data.length(), i + size)));
        }
        return parts;
    }

    @Test
    void aCompressThenDecompressPipelineRestoresTheTextInChunksOfAtMostChunkSize() {
        List<Bytes> out = new ArrayList<>();
        BrotliOptions small = BrotliOptions.builder().chunkSize(1024).build();
        Object result = pipe(split(TEXT, 10_000), out,
                () -> Brotli.createBrotliCompress(BrotliOptions.builder().param(BROTLI_PARAM_QUALITY, 5).build()),
                () -> Brotli.createBrotliDecompress(small));
        assertThat(result).isEqualTo("ok");
        assertThat(Bytes.concat(out)).isEqualTo(TEXT);
        assertThat(out).allSatisfy(b -> assertThat(b.length()).isBetween(1, 1024));
    }

    @Test
    void theStreamsOutputIsTheSyncFormsWhenWrittenInOneChunk() {
        List<Bytes> out = new ArrayList<>();
        assertThat(pipe(List.of(TEXT), out, Brotli::createBrotliCompress)).isEqualTo("ok");
        assertThat(Bytes.concat(out)).isEqualTo(Brotli.brotliCompressSync(TEXT));
    }

    @Test
    void flushMakesEverythingWrittenSoFarDecodableBeforeTheEnd() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            BrotliTransform c = Brotli.createBrotliCompress();
            List<Bytes> got = new ArrayList<>();
            c.on("data", a -> got.add((Bytes) a[0]));
            c.write(Bytes.from("first part, "));
            c.flush(err -> {
                BrotliCodec d = BrotliCodec.decoder(null);
                List<Bytes> plain = new ArrayList<>();
                d.write(Bytes.concat(got), BROTLI_OPERATION_PROCESS, plain::add);
                d.close();
                trace.add("flushed: " + Bytes.concat(plain).toString());
                c.end(Bytes.from("second part"));
            });
            c.on("end", a -> trace.add("end: " + Brotli.brotliDecompressSync(Bytes.concat(got))));
        });
        assertThat(trace).containsExactly("flushed: first part, ", "end: first part, second part");
    }

    @Test
    void corruptAndTruncatedInputEndInAnErrorEventWithNodesCode() {
        Bytes packed = Brotli.brotliCompressSync(TEXT);
        assertThat(pipe(List.of(Bytes.from("this is not brotli at all")), new ArrayList<>(),
                Brotli::createBrotliDecompress)).isEqualTo("ERR__ERROR_FORMAT_PADDING_1");
        assertThat(pipe(split(packed.subarray(0, packed.length() - 10), 4096), new ArrayList<>(),
                Brotli::createBrotliDecompress)).isEqualTo("Z_BUF_ERROR");
        List<Bytes> out = new ArrayList<>();
        BrotliOptions lenient = BrotliOptions.builder().finishFlush(BROTLI_OPERATION_FLUSH).build();
        assertThat(pipe(List.of(packed.subarray(0, packed.length() / 2)), out, () -> Brotli.createBrotliDecompress(lenient)))
                .isEqualTo("ok");
        assertThat(TEXT.subarray(0, Bytes.concat(out).length())).isEqualTo(Bytes.concat(out));
    }

    @Test
    void aBombIsStoppedByMaxOutputLengthWhileMemoryStaysBounded() {
        // 256 MiB of zeros packs into a few hundred bytes.
        BrotliOptions fast = BrotliOptions.builder().param(BROTLI_PARAM_QUALITY, 1).build();
        List<Bytes> packedParts = new ArrayList<>();
        Bytes zeros = Bytes.alloc(16 << 20);
        try (BrotliCodec c = BrotliCodec.encoder(fast)) {
            for (int i = 0; i < 16; i++) {
                c.write(zeros, i == 15 ? BROTLI_OPERATION_FINISH : BROTLI_OPERATION_PROCESS, packedParts::add);
            }
        }
        Bytes bomb = Bytes.concat(packedParts);
        assertThat(bomb.length()).isLessThan(64 * 1024);
        long[] seen = {0};
        long before = usedHeap();
        Object result = pipeCounting(bomb, BrotliOptions.builder().maxOutputLength(32L << 20).build(), seen);
        assertThat(result).isEqualTo("ERR_BUFFER_TOO_LARGE");
        assertThat(seen[0]).isLessThanOrEqualTo(32L << 20);
        assertThat(usedHeap() - before).isLessThan(200L << 20);
        // Without a limit the stream decodes all of it, chunk by chunk, as fast as it is read.
        seen[0] = 0;
        assertThat(pipeCounting(bomb, null, seen)).isEqualTo("ok");
        assertThat(seen[0]).isEqualTo(256L << 20);
    }

    private static Object pipeCounting(Bytes input, BrotliOptions options, long[] seen) {
        Object[] result = new Object[1];
        EventLoop.run(() -> Streams.pipeline(ReadableStream.from(List.of(input)), Brotli.createBrotliDecompress(options),
                new WritableStream(new StreamOptions().write((c, enc, cb) -> {
                    seen[0] += ((Bytes) c).length();
                    cb.call(null);
                })), err -> result[0] = err == null ? "ok" : ((NodeError) err).code()));
        return result[0];
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
