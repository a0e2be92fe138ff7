package dev.eventide.web;

import dev.eventide.buffer.Bytes;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.TransformStream;
import dev.eventide.stream.WritableStream;
import java.util.Locale;

/**
 * The writable that {@link Compression} puts in front of {@code res.stream()}. Loop thread only.
 *
 * <pre>
 *   handler ─ write/end ─> CompressionStream ─┬─ PASS ─────────────────────────> next (raw response)
 *                                             └─ COMPRESS ─> gzip/deflate/br ─ pipe ─> next
 * </pre>
 *
 * <p>It decides at the first write or at end(), when the headers are still unsent, as
 * compression does in its onHeaders hook: then the Content-Type, Cache-Control, Content-Length
 * (or the length of a body given whole to end()) and Accept-Encoding are known. Backpressure runs
 * the whole way: a write is acknowledged only once the next stage accepted it (or drained), so
 * a producer that respects write() == false holds at most a few high-water marks in memory.
 */
final class CompressionStream extends WritableStream {
    private enum Mode { UNDECIDED, PASS, COMPRESS }

    private final WebRequest req;
    private final WebResponse res;
    private final WritableStream next;
    private final Compression.Options opts;
    private Mode mode = Mode.UNDECIDED;
    /** The compressor, piped into next; set only in COMPRESS mode. */
    private TransformStream encoder;
    /** end(chunk) went to next whole (to keep its Content-Length), so _final has nothing left to send. */
    private boolean endForwarded;

    CompressionStream(WebRequest req, WebResponse res, WritableStream next, Compression.Options opts) {
        super(null);
        this.req = req;
        this.res = res;
        this.next = next;
        this.opts = opts;
        // The client went away: drop the compressor and whatever waits on it.
        res.raw().on("close", a -> {
            if (!res.raw().writableFinished() && !destroyed()) {
                destroy();
            }
        });
    }

    @Override
    public WritableStream end() {
        return end(null, null, null);
    }

    @Override
    public WritableStream end(StreamCallback cb) {
        return end(null, null, cb);
    }

    @Override
    public WritableStream end(Object chunk) {
        return end(chunk, null, null);
    }

    @Override
    public WritableStream end(Object chunk, StreamCallback cb) {
        return end(chunk, null, cb);
    }

    @Override
    public WritableStream end(Object chunk, String encoding, StreamCallback cb) {
        if (mode == Mode.UNDECIDED && writableLength() == 0 && !writableEnded()) {
            // Nothing was written: this chunk is the whole body, and its length is known.
            decide(chunk == null ? 0 : byteLength(chunk, encoding));
            if (mode == Mode.PASS) {
                endForwarded = true;
                next.end(chunk, encoding, null);
                return super.end(null, null, cb);
            }
        }
        return super.end(chunk, encoding, cb);
    }

    @Override
    protected void _write(Object chunk, String encoding, StreamCallback cb) {
        if (mode == Mode.UNDECIDED) {
            decide(-1);
        }
        // The encoder is a Duplex, not a WritableStream: the same write/drain contract, two types.
        boolean accepted = mode == Mode.COMPRESS ? encoder.write(chunk) : next.write(chunk);
        if (accepted) {
            cb.call(null);
        } else {
            (mode == Mode.COMPRESS ? encoder : next).once("drain", a -> cb.call(null));
        }
    }

    @Override
    protected void _final(StreamCallback cb) {
        if (endForwarded) {
            cb.call(null);
            return;
        }
        next.once("finish", a -> cb.call(null));
        if (mode == Mode.COMPRESS) {
            encoder.end(); // the pipe ends next once the encoder's output is out
        } else {
            next.end();
        }
    }

    @Override
    protected void _destroy(Throwable err, StreamCallback cb) {
        if (encoder != null && !encoder.destroyed()) {
            encoder.destroy();
        }
        cb.call(err);
    }

    void flushEncoder() {
        if (encoder != null) {
            Compression.flush(encoder);
        }
    }

    /** Chooses PASS or COMPRESS; {@code length} is the whole body's when known, else -1. */
    private void decide(long length) {
        mode = Mode.PASS;
        if (res.headersSent() || !opts.filter.test(req, res) || noTransform(res.get("Cache-Control"))) {
            return;
        }
        vary(res);
        long declared = contentLength(res.get("Content-Length"));
        if (declared >= 0 && declared < opts.threshold || length >= 0 && length < opts.threshold) {
            return;
        }
        String ce = res.get("Content-Encoding");
        int status = res.statusCode();
        if (ce != null && !ce.equalsIgnoreCase("identity") || "HEAD".equals(req.method())
                || status == 204 || status == 304 || res.get("Content-Range") != null) {
            return; // beyond compression: 204/304 have no body, and a 206's ranges count uncompressed bytes
        }
        String coding = Compression.choose(req.get("accept-encoding"), opts.brotli && Compression.brotliAvailable());
        if (coding == null) {
            return;
        }
        encoder = Compression.encoder(coding, opts);
        res.set("Content-Encoding", coding);
        res.raw().removeHeader("Content-Length");
        encoder.on("error", a -> res.raw().destroy((Throwable) a[0]));
        encoder.pipe(next);
        mode = Mode.COMPRESS;
    }

    /** compression's shouldTransform: Cache-Control: no-transform forbids changing the body. */
    static boolean noTransform(String cacheControl) {
        if (cacheControl == null) {
            return false;
        }
        for (String d : cacheControl.split(",")) {
            if (d.trim().equalsIgnoreCase("no-transform")) {
                return true;
            }
        }
        return false;
    }

    /** The vary package: adds Accept-Encoding unless Vary is "*" or already names it. */
    static void vary(WebResponse res) {
        String v = res.get("Vary");
        if (v == null || v.isBlank()) {
            res.set("Vary", "Accept-Encoding");
            return;
        }
        for (String f : v.split(",")) {
            String t = f.trim().toLowerCase(Locale.ROOT);
            if (t.equals("*") || t.equals("accept-encoding")) {
                return;
            }
        }
        res.set("Vary", v + ", Accept-Encoding");
    }

    private static long contentLength(String v) {
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long byteLength(Object chunk, String encoding) {
        if (chunk instanceof Bytes b) {
            return b.length();
        }
        if (chunk instanceof byte[] a) {
            return a.length;
        }
        String s = chunk.toString();
        return encoding == null ? Bytes.byteLength(s) : Bytes.byteLength(s, encoding);
    }
}
