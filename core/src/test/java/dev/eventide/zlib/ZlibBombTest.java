package dev.eventide.zlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A zip bomb (1 GiB of zeros gzipped to about 1 MiB, made from zeros streamed through the
 * compressor so the 1 GiB never exists) against every decompression form: each stops with
 * ERR_BUFFER_TOO_LARGE at its maxOutputLength, and the heap grows by little more than the limit.
 */
class ZlibBombTest {
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    private static Bytes bomb;

    /**
     * Streams 1 MiB of zeros through the raw compressor with a full flush, which makes a segment
     * that refers to nothing before it, then frames 1024 copies as one gzip member (header,
     * segments, the final block, CRC-32 and ISIZE of the 1 GiB): the member a compressor would
     * make for 1 GiB of zeros, built in a fraction of the time. The unlimited test below
     * decompresses all of it, which checks the CRC and length too.
     */
    @BeforeAll
    static void makeBomb() {
        bomb = zeroBomb((int) (GIB / MIB));
        assertThat(bomb.length()).isLessThan(2 * (int) MIB);
    }

    static Bytes zeroBomb(int mebibytes) {
        ZlibCodec raw = ZlibCodec.create(ZlibMode.DEFLATERAW, ZlibOptions.builder().level(9).build());
        Bytes zeros = Bytes.alloc((int) MIB);
        Bytes segment = ZlibCodecTest.all(raw, zeros, ZlibConstants.Z_FULL_FLUSH);
        Bytes last = ZlibCodecTest.all(raw, Bytes.alloc(0), ZlibConstants.Z_FINISH);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        List<Bytes> parts = new ArrayList<>();
        parts.add(Bytes.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3));
        for (int i = 0; i < mebibytes; i++) {
            parts.add(segment);
            crc.update(zeros.array(), zeros.byteOffset(), zeros.length());
        }
        parts.add(last);
        long c = crc.getValue();
        int size = mebibytes << 20; // ISIZE: the length modulo 2^32
        parts.add(Bytes.of((int) c, (int) (c >>> 8), (int) (c >>> 16), (int) (c >>> 24),
                size, size >>> 8, size >>> 16, size >>> 24));
        return Bytes.concat(parts);
    }

    @Test
    void theSyncFormStopsAtItsLimitWithBoundedHeap() throws Exception {
        long base = settledHeap();
        try (HeapSampler sampler = new HeapSampler()) {
            assertThatThrownBy(() -> Zlib.gunzipSync(bomb, ZlibOptions.builder().maxOutputLength(16 * MIB).build()))
                    .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.code() + " " + e.getMessage())
                            .isEqualTo("ERR_BUFFER_TOO_LARGE Cannot create a Buffer larger than 16777216 bytes"));
            assertThat(sampler.peak() - base).as("heap growth").isLessThan(256 * MIB);
        }
        assertThatThrownBy(() -> Zlib.unzipSync(bomb, ZlibOptions.builder().maxOutputLength(1).build()))
                .hasMessage("Cannot create a Buffer larger than 1 bytes");
    }

    @Test
    void aStreamStopsAtAGivenLimitAndRetainsNothing() {
        long base = settledHeap();
        List<String> log = new ArrayList<>();
        long[] seen = {0, 0};
        EventLoop.run(() -> {
            ZlibTransform gunzip = Zlib.createGunzip(ZlibOptions.builder().maxOutputLength(200 * MIB).build());
            gunzip.on("data", args -> {
                seen[0] += ((Bytes) args[0]).length();
                if (seen[0] % (64 * MIB) < 16 * 1024) {
                    seen[1] = Math.max(seen[1], settledHeap() - base);
                }
            });
            gunzip.on("error", args -> log.add(((NodeError) args[0]).code()));
            for (int at = 0; at < bomb.length(); at += 64 * 1024) {
                gunzip.write(bomb.subarray(at, Math.min(bomb.length(), at + 64 * 1024)));
            }
            gunzip.end();
        });
        assertThat(log).containsExactly("ERR_BUFFER_TOO_LARGE");
        assertThat(seen[0]).isLessThanOrEqualTo(200 * MIB).isGreaterThan(100 * MIB);
        assertThat(seen[1]).as("retained heap while streaming").isLessThan(64 * MIB);
    }

    @Test
    void withoutALimitTheCodecStreamsTheWholeGibibyteInBoundedMemory() {
        long base = settledHeap();
        ZlibCodec gunzip = ZlibCodec.create(ZlibMode.GUNZIP, null);
        AtomicLong total = new AtomicLong();
        long[] worst = {0};
        for (int at = 0; at < bomb.length(); at += 16 * 1024) {
            gunzip.write(bomb.subarray(at, Math.min(bomb.length(), at + 16 * 1024)), ZlibConstants.Z_NO_FLUSH, chunk -> {
                if (total.addAndGet(chunk.length()) % (256 * MIB) < chunk.length()) {
                    worst[0] = Math.max(worst[0], settledHeap() - base);
                }
            });
        }
        gunzip.write(Bytes.alloc(0), ZlibConstants.Z_FINISH, chunk -> total.addAndGet(chunk.length()));
        assertThat(total.get()).isEqualTo(GIB);
        assertThat(worst[0]).as("retained heap").isLessThan(64 * MIB);
    }

    @Test
    void aPausedReaderHoldsDecompressionBack() {
        Bytes small = zeroBomb(64);
        List<String> log = new ArrayList<>();
        EventLoop.run(() -> {
            ZlibTransform gunzip = Zlib.createGunzip();
            gunzip.end(small);
            EventLoop.current().setTimeout(() -> {
                log.add("buffered " + (gunzip.readableLength() <= 256 * 1024));
                long[] total = {0};
                gunzip.on("data", args -> total[0] += ((Bytes) args[0]).length());
                gunzip.on("end", args -> log.add("total " + total[0]));
            }, 100);
        });
        assertThat(log).containsExactly("buffered true", "total " + 64 * MIB);
    }

    @Test
    void thePromiseFormRejectsAtItsLimit() {
        List<String> log = new ArrayList<>();
        EventLoop.run(() -> Zlib.gunzip(bomb, ZlibOptions.builder().maxOutputLength(8 * MIB).build())
                .catchError(e -> {
                    log.add(((NodeError) e).code() + " " + e.getMessage());
                    return null;
                }));
        assertThat(log).containsExactly("ERR_BUFFER_TOO_LARGE Cannot create a Buffer larger than 8388608 bytes");
    }

    /** Heap in use after a collection: what is retained, not garbage waiting to be collected. */
    static long settledHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Samples the heap in use every millisecond on a daemon thread (garbage included). */
    static final class HeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                Runtime rt = Runtime.getRuntime();
                while (running) {
                    peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
