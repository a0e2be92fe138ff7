package dev.eventide.zlib;

import static dev.eventide.zlib.ZlibConstants.*;

import dev.eventide.buffer.Bytes;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflate, gzip and raw deflate over the JDK's {@link Deflater}. The JDK writes zlib framing
 * itself; gzip framing (header, CRC-32 and length trailer) is written here, byte for byte as
 * zlib writes it for Node (no name, mtime 0, OS 3). Not thread-safe: the owning codec's thread.
 */
final class Compressor extends ZlibCodec {
    private final Deflater deflater;
    private final boolean gzip;
    private final CRC32 crc = new CRC32();
    /** Input bytes of the current gzip member, modulo 2^32 as gzip's ISIZE. */
    private int inputSize;
    private boolean headerWritten;
    private boolean finished;
    /** params() was called; the new level and strategy reach the Deflater before the next input. */
    private boolean paramsPending;
    private int level;
    private int strategy;

    Compressor(ZlibSettings s, long limit) {
        super(s, limit);
        gzip = s.mode() == ZlibMode.GZIP;
        level = s.level();
        strategy = s.strategy();
        deflater = new Deflater(level, s.mode() != ZlibMode.DEFLATE);
        deflater.setStrategy(jdkStrategy(strategy));
        setDictionary();
    }

    /** Node hands a dictionary to deflate and raw deflate only; gzip ignores it. */
    private void setDictionary() {
        Bytes dict = settings.dictionary();
        if (dict != null && !gzip) {
            deflater.setDictionary(dict.array(), dict.byteOffset(), dict.length());
        }
    }

    /** The JDK knows filtered and Huffman-only; Z_RLE and Z_FIXED fall back to the default. */
    private static int jdkStrategy(int strategy) {
        return switch (strategy) {
            case Z_FILTERED -> Deflater.FILTERED;
            case Z_HUFFMAN_ONLY -> Deflater.HUFFMAN_ONLY;
            default -> Deflater.DEFAULT_STRATEGY;
        };
    }

    @Override
    int process(Bytes input, int flush) {
        if (finished) {
            if (input.length() > 0) {
                throw ZlibErrors.streamError("write after the end of the compressed stream");
            }
            return 0;
        }
        if (gzip && !headerWritten) {
            emitBytes(gzipHeader());
            headerWritten = true;
        }
        if (paramsPending) {
            applyParams();
        }
        if (input.length() > 0) {
            deflater.setInput(input.array(), input.byteOffset(), input.length());
            if (gzip) {
                crc.update(input.array(), input.byteOffset(), input.length());
                inputSize += input.length();
            }
        }
        if (flush == Z_FINISH) {
            finish();
        } else {
            drain(flush == Z_NO_FLUSH ? Deflater.NO_FLUSH
                    : flush == Z_FULL_FLUSH ? Deflater.FULL_FLUSH : Deflater.SYNC_FLUSH);
        }
        return input.length();
    }

    /** Deflates until all input is taken and, for a flush, until the flush output is complete. */
    private void drain(int jdkFlush) {
        while (true) {
            byte[] buf = room();
            int size = roomSize();
            int n = deflater.deflate(buf, roomStart(), size, jdkFlush);
            emit(n);
            if (n < size && deflater.needsInput()) {
                return;
            }
        }
    }

    private void finish() {
        deflater.finish();
        while (!deflater.finished()) {
            byte[] buf = room();
            emit(deflater.deflate(buf, roomStart(), roomSize(), Deflater.NO_FLUSH));
        }
        if (gzip) {
            emitBytes(gzipTrailer());
        }
        finished = true;
    }

    /** zlib's gzip header: XFL 2 for level 9, 4 for the fastest settings, else 0. */
    private byte[] gzipHeader() {
        int effective = level == Z_DEFAULT_COMPRESSION ? 6 : level;
        int xfl = effective == 9 ? 2 : (strategy >= Z_HUFFMAN_ONLY || effective < 2 ? 4 : 0);
        return new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) xfl, 3};
    }

    private byte[] gzipTrailer() {
        long c = crc.getValue();
        int n = inputSize;
        return new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
                (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
    }

    @Override
    public void params(int level, int strategy) {
        super.params(level, strategy);
        this.level = level;
        this.strategy = strategy;
        paramsPending = true;
    }

    /**
     * The JDK applies new parameters inside its next deflate call, compressing that call's input
     * with the old ones; a call with no input first makes them apply to the data written next.
     */
    private void applyParams() {
        paramsPending = false;
        deflater.setLevel(level);
        deflater.setStrategy(jdkStrategy(strategy));
        deflater.setInput(new byte[0]);
        drain(Deflater.NO_FLUSH);
    }

    @Override
    public void reset() {
        super.reset();
        deflater.reset();
        setDictionary();
        crc.reset();
        inputSize = 0;
        headerWritten = false;
        finished = false;
    }

    @Override
    public void close() {
        if (!isClosed()) {
            deflater.end();
        }
        super.close();
    }
}
