package dev.eventide.fs;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import dev.eventide.stream.ReadableStream;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.StreamOptions;

/**
 * Node's fs.ReadStream: a readable stream over a file, reading {@code highWaterMark} bytes (64 KiB)
 * per request on the worker pool, from {@code start} to {@code end} inclusive. Emits 'open' (fd)
 * and 'ready' once the file is open, then data, 'end' and 'close'. Belongs to the loop that made
 * it; used on that loop's thread only.
 *
 * <p>Backpressure is the stream's: a read is queued only when the stream asks for one
 * ({@code _read}), which it stops doing while its buffer is above the high-water mark.
 */
public final class FileReadStream extends ReadableStream {
    private final EventLoop loop = EventLoop.current();
    private final String path;
    private final boolean autoClose;
    private final long end;
    /** The next byte to read, or -1 to read from the descriptor's own position. */
    private long pos;
    private long bytesRead;
    /** -1 until the file is open. */
    private int fd = -1;
    /** A _read that came before the file was open; served on open. */
    private int pendingSize = -1;
    /** A read or the open is on the pool; destroy waits for it before closing. */
    private boolean busy;
    private Runnable afterBusy;

    FileReadStream(String path, FileStreamOptions o) {
        super(streamOptions(o));
        this.path = path;
        this.autoClose = o.autoClose;
        this.end = o.end;
        this.pos = o.start;
        if (o.start >= 0 && o.end < o.start) {
            throw ErrorCode.ERR_OUT_OF_RANGE.make("start", "<= \"end\" (here: " + o.end + ")", o.start);
        }
        if (o.fd != null) {
            fd = o.fd;
        } else {
            String flags = o.flags == null ? "r" : o.flags;
            PathArgs.check(path, "path");
            busy = true;
            loop.queueWork(WorkKind.FS, () -> FdOps.open(path, flags, o.mode), this::opened);
        }
    }

    private static StreamOptions streamOptions(FileStreamOptions o) {
        StreamOptions s = new StreamOptions().emitClose(o.emitClose).autoDestroy(o.autoClose)
                .highWaterMark(o.highWaterMark == null ? 64 * 1024 : o.highWaterMark);
        return o.encoding == null ? s : s.encoding(o.encoding);
    }

    private void opened(Integer result, Throwable error) {
        busy = false;
        if (error == null) {
            fd = result;
        }
        if (destroyed()) {
            finishBusy();
            return;
        }
        if (error != null) {
            destroy(error);
            return;
        }
        emit("open", fd);
        emit("ready");
        if (pendingSize >= 0) {
            int size = pendingSize;
            pendingSize = -1;
            _read(size);
        }
    }

    @Override
    protected void _read(int size) {
        if (fd < 0) {
            pendingSize = size;
            return;
        }
        long left = pos < 0 ? Long.MAX_VALUE : end - pos + 1;
        int n = (int) Math.min(size, left);
        if (n <= 0) {
            push(null);
            return;
        }
        Bytes buf = Bytes.allocUnsafeSlow(n);
        int f = fd;
        long at = pos;
        busy = true;
        loop.queueWork(WorkKind.FS, () -> FdOps.read(f, buf, 0, n, at), (got, err) -> {
            busy = false;
            if (finishBusy()) {
                return;
            }
            if (err != null) {
                destroy(err);
            } else if (got == 0) {
                push(null);
            } else {
                if (pos >= 0) {
                    pos += got;
                }
                bytesRead += got;
                push(got == n ? buf : buf.subarray(0, got));
            }
        });
    }

    /** Runs a close that waited for the pool; true when the stream is gone. */
    private boolean finishBusy() {
        if (afterBusy != null) {
            Runnable r = afterBusy;
            afterBusy = null;
            r.run();
        }
        return destroyed();
    }

    @Override
    protected void _destroy(Throwable err, StreamCallback callback) {
        Runnable close = () -> closeFd(err, callback);
        if (busy) {
            afterBusy = close;
        } else {
            close.run();
        }
    }

    private void closeFd(Throwable err, StreamCallback callback) {
        if (fd < 0 || !autoClose) {
            callback.call(err);
            return;
        }
        int f = fd;
        fd = -1;
        loop.queueWork(WorkKind.FS, () -> {
            FdOps.close(f);
            return null;
        }, (r, e) -> callback.call(err != null ? err : e));
    }

    /** Closes the file (Node's readStream.close()): destroys the stream. */
    public void close() {
        destroy();
    }

    public String path() {
        return path;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** True until the file is open (Node's readStream.pending). */
    public boolean pending() {
        return fd < 0 && !destroyed();
    }
}
