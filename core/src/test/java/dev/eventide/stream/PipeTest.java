package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timers;
import org.junit.jupiter.api.Test;

/**
 * pipe() backpressure at scale: 1 GiB from a fast readable into a deliberately slow writable
 * (each write completes in a later loop iteration) never buffers more than highWaterMark plus
 * one chunk on either side.
 */
class PipeTest {
    private static final int CHUNK = 64 * 1024;
    private static final long TOTAL = 1L << 30;

    private long pushed;
    private long written;
    private int maxReadable;
    private int maxWritable;
    private long peakHeap;

    @Test
    void oneGibibyteThroughASlowWriterStaysWithinHighWaterMarkPlusOneChunk() {
        Bytes chunk = Bytes.alloc(CHUNK, 'x');
        Runtime runtime = Runtime.getRuntime();
        int[] hwm = new int[2];
        int code = EventLoop.run(() -> {
            ReadableStream[] src = new ReadableStream[1];
            src[0] = new ReadableStream(new StreamOptions().read((self, size) -> {
                while (pushed < TOTAL) {
                    pushed += CHUNK;
                    boolean more = self.push(chunk);
                    maxReadable = Math.max(maxReadable, self.readableLength());
                    if (!more) {
                        return;
                    }
                }
                self.push(null);
            }));
            WritableStream[] dst = new WritableStream[1];
            dst[0] = new WritableStream(new StreamOptions().write((c, enc, cb) -> {
                written += ((Bytes) c).length();
                maxWritable = Math.max(maxWritable, dst[0].writableLength());
                if ((written / CHUNK) % 1024 == 0) {
                    peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
                }
                Timers.setImmediate(() -> cb.call(null));
            }));
            hwm[0] = src[0].readableHighWaterMark();
            hwm[1] = dst[0].writableHighWaterMark();
            src[0].pipe(dst[0]);
        });
        assertThat(code).isZero();
        assertThat(written).isEqualTo(TOTAL);
        assertThat(hwm).containsExactly(64 * 1024, 64 * 1024);
        assertThat(maxReadable).isLessThanOrEqualTo(hwm[0] + CHUNK);
        assertThat(maxWritable).isLessThanOrEqualTo(hwm[1] + CHUNK);
        System.out.printf("PipeTest: 1 GiB piped; max readable buffer %d, max writable buffer %d,"
                + " peak heap used %d MiB%n", maxReadable, maxWritable, peakHeap >> 20);
    }
}
