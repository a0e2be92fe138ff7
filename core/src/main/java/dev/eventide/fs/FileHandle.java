package dev.eventide.fs;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;

/**
 * Node's fs.promises FileHandle: an open file whose calls run on the worker pool and return
 * promises. Belongs to the loop that opened it; call it on that loop's thread. After
 * {@link #close()}, calls fail with EBADF, as in Node.
 */
public final class FileHandle {
    private final EventLoop loop;
    private final int fd;
    private boolean closed;

    FileHandle(EventLoop loop, int fd) {
        this.loop = loop;
        this.fd = fd;
    }

    /** The descriptor, usable with the fd calls of {@link Fs}; -1 once closed. */
    public int fd() {
        return closed ? -1 : fd;
    }

    /** Reads up to {@code length} bytes into {@code buffer} at {@code offset}; position -1 reads on from the current one. */
    public Promise<Integer> read(Bytes buffer, int offset, int length, long position) {
        loop.checkOwner("FileHandle.read");
        int f = fd();
        return FsPromises.work(() -> FdOps.read(f, buffer, offset, length, position));
    }

    /** Reads into the whole of {@code buffer} from the current position. */
    public Promise<Integer> read(Bytes buffer) {
        return read(buffer, 0, buffer.length(), -1);
    }

    public Promise<Integer> write(Bytes buffer, int offset, int length, long position) {
        loop.checkOwner("FileHandle.write");
        int f = fd();
        return FsPromises.work(() -> FdOps.write(f, buffer, offset, length, position));
    }

    /** Writes a String (UTF-8) or Bytes at the current position; yields the bytes written. */
    public Promise<Integer> write(Object data) {
        Bytes b = FdOps.toBytes(data, null);
        return write(b, 0, b.length(), -1);
    }

    public Promise<Bytes> readFile() {
        int f = fd();
        return FsPromises.work(() -> FdOps.readAll(f));
    }

    public Promise<String> readFile(String encoding) {
        FileOptions.encoding(encoding);
        return readFile().then(b -> b.toString(encoding));
    }

    public Promise<Void> writeFile(Object data) {
        Bytes b = FdOps.toBytes(data, null);
        return write(b, 0, b.length(), -1).then(n -> null);
    }

    public Promise<Stats> stat() {
        int f = fd();
        return FsPromises.work(() -> FdOps.fstat(f));
    }

    public Promise<Void> truncate(long len) {
        int f = fd();
        return FsPromises.work(() -> {
            FdOps.ftruncate(f, len);
            return null;
        });
    }

    public Promise<Void> sync() {
        int f = fd();
        return FsPromises.work(() -> {
            FdOps.fsync(f, true);
            return null;
        });
    }

    public Promise<Void> datasync() {
        int f = fd();
        return FsPromises.work(() -> {
            FdOps.fsync(f, false);
            return null;
        });
    }

    /** Closes the file; closing twice resolves, as Node's FileHandle does. */
    public Promise<Void> close() {
        loop.checkOwner("FileHandle.close");
        if (closed) {
            return Promise.resolve();
        }
        closed = true;
        return FsPromises.work(() -> {
            FdOps.close(fd);
            return null;
        });
    }

    @Override
    public String toString() {
        return "FileHandle { fd: " + fd() + " }";
    }
}
