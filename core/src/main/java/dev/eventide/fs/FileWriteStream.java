package dev.eventide.fs;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.StreamOptions;
import dev.eventide.stream.WritableStream;

/**
 * Node's fs.WriteStream: a writable stream over a file, each chunk written on the worker pool,
 * at {@code start} and onwards when given. Emits 'open' (fd) and 'ready' once the file is open;
 * writes that come earlier wait for it. Belongs to the loop that made it; used on that loop's
 * thread only.
 *
 * <p>Backpressure is the stream's: write() returns false once {@code highWaterMark} bytes (16 KiB)
 * are waiting, and 'drain' follows when the pool has written them.
 */
public final class FileWriteStream extends WritableStream {
    private final EventLoop loop = EventLoop.current();
    private final String path;
    private final boolean autoClose;
    /** The next byte to write, or -1 to write at the descriptor's own position. */
    private long pos;
    private long bytesWritten;
    /** -1 until the file is open. */
    private int fd = -1;
    /** A write that came before the file was open. */
    private Runnable pendingWrite;
    private boolean busy;
    private Runnable afterBusy;

    FileWriteStream(String path, FileStreamOptions o) {
        super(new StreamOptions().emitClose(o.emitClose).autoDestroy(o.autoClose).decodeStrings(true)
                .highWaterMark(o.highWaterMark == null ? 16 * 1024 : o.highWaterMark));
        this.path = path;
        this.autoClose = o.autoClose;
        this.pos = o.start;
        if (o.encoding != null) {
            setDefaultEncoding(o.encoding);
        }
        if (o.fd != null) {
            fd = o.fd;
        } else {
            String flags = o.flags == null ? "w" : o.flags;
            PathArgs.check(path, "path");
            busy = true;
            loop.queueWork(WorkKind.FS, () -> FdOps.open(path, flags, o.mode), this::opened);
        }
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
        if (pendingWrite != null) {
            Runnable w = pendingWrite;
            pendingWrite = null;
            w.run();
        }
    }

    @Override
    protected void _write(Object chunk, String encoding, StreamCallback callback) {
        Bytes data = chunk instanceof Bytes b ? b : FdOps.toBytes(chunk, encoding);
        if (fd < 0) {
            pendingWrite = () -> _write(data, encoding, callback);
            return;
        }
        int f = fd;
        long at = pos;
        if (pos >= 0) {
            pos += data.length();
        }
        busy = true;
        loop.queueWork(WorkKind.FS, () -> FdOps.write(f, data, 0, data.length(), at), (n, err) -> {
            busy = false;
            if (err == null) {
                bytesWritten += n;
            }
            finishBusy();
            callback.call(err);
        });
    }

    private void finishBusy() {
        if (afterBusy != null) {
            Runnable r = afterBusy;
            afterBusy = null;
            r.run();
        }
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

    /** Ends the stream and closes the file once written (Node's writeStream.close()). */
    public void close() {
        end();
    }

    public String path() {
        return path;
    }

    /** Bytes written to the file so far (not counting what still waits in the buffer). */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** True until the file is open. */
    public boolean pending() {
        return fd < 0 && !destroyed();
    }
}
