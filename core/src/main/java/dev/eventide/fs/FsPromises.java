package dev.eventide.fs;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.AbortError;
import dev.eventide.errors.SystemError;
import dev.eventide.events.AbortSignal;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import dev.eventide.promise.Promise;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Node's fs.promises: every call runs on the worker pool (kind {@link WorkKind#FS}) and settles
 * its promise on the calling loop in the poll phase. Get it with {@link Fs#promises()}; methods
 * are called on a loop thread. Failures are {@link SystemError}s with Node's codes and messages.
 */
public final class FsPromises {
    static final FsPromises INSTANCE = new FsPromises();

    private FsPromises() {
    }

    /** Runs {@code body} on the pool and settles the returned promise on this loop. */
    static <T> Promise<T> work(Callable<T> body) {
        EventLoop loop = EventLoop.current();
        return new Promise<>((resolve, reject) -> loop.queueWork(WorkKind.FS, body, (r, e) -> {
            if (e != null) {
                reject.accept(e);
            } else {
                resolve.accept(r);
            }
        }));
    }

    public Promise<Bytes> readFile(String path) {
        return work(() -> FdOps.readFile(path, "r"));
    }

    public Promise<String> readFile(String path, String encoding) {
        FileOptions<String> o = FileOptions.encoding(encoding);
        return work(() -> FdOps.readFile(path, o.flagOr("r")).toString(encoding));
    }

    /** Bytes, or a String when {@code options} carry an encoding. */
    @SuppressWarnings("unchecked")
    public <T> Promise<T> readFile(String path, FileOptions<T> options) {
        if (options.signal != null) {
            return opened(options.signal, path, options.flagOr("r"), 0666, fd -> {
                Bytes data = FdOps.readAll(fd);
                return (T) (options.encoding == null ? data : data.toString(options.encoding));
            });
        }
        return work(() -> (T) FdOps.readFile(path, options));
    }

    /** The body of a call on a file opened for it: runs on the pool; the file is closed after. */
    @FunctionalInterface
    private interface OnFd<T> {
        T apply(int fd) throws Exception;
    }

    /**
     * Node's shape of readFile and writeFile with a signal: checkAborted, open, then (back on
     * the loop) checkAborted again before the file is used; an abort in between leaves the file
     * opened (created, truncated) but not read or written, and the call rejects with an
     * AbortError whose cause is the signal's reason.
     */
    private static <T> Promise<T> opened(AbortSignal signal, String path, String flag, int mode, OnFd<T> body) {
        if (signal.aborted()) {
            return Promise.reject(new AbortError(signal.reason()));
        }
        return FsPromises.<Integer>work(() -> FdOps.open(path, flag, mode)).thenCompose(fd -> {
            AbortError abort = signal.aborted() ? new AbortError(signal.reason()) : null;
            return work(() -> {
                try {
                    if (abort != null) {
                        throw abort;
                    }
                    return body.apply(fd);
                } finally {
                    FdOps.closeQuietly(fd);
                }
            });
        });
    }

    /** Writes a String (UTF-8), Bytes or byte[], replacing the file (flag 'w', mode 0o666). */
    public Promise<Void> writeFile(String path, Object data) {
        return writeFile(path, data, FileOptions.defaults());
    }

    public Promise<Void> writeFile(String path, Object data, FileOptions<?> options) {
        if (options.signal != null) {
            return writeOpened(path, data, options, "w");
        }
        return work(() -> {
            FdOps.writeFile(path, data, options, "w");
            return null;
        });
    }

    public Promise<Void> appendFile(String path, Object data) {
        return appendFile(path, data, FileOptions.defaults());
    }

    public Promise<Void> appendFile(String path, Object data, FileOptions<?> options) {
        if (options.signal != null) {
            return writeOpened(path, data, options, "a");
        }
        return work(() -> {
            FdOps.writeFile(path, data, options, "a");
            return null;
        });
    }

    private static Promise<Void> writeOpened(String path, Object data, FileOptions<?> options, String flag) {
        Bytes bytes = FdOps.toBytes(data, options.encoding);
        return opened(options.signal, path, options.flagOr(flag), options.mode, fd -> {
            FdOps.write(fd, bytes, 0, bytes.length(), -1);
            return null;
        });
    }

    public Promise<FileHandle> open(String path) {
        return open(path, "r", 0666);
    }

    public Promise<FileHandle> open(String path, String flags) {
        return open(path, flags, 0666);
    }

    public Promise<FileHandle> open(String path, String flags, int mode) {
        EventLoop loop = EventLoop.current();
        return work(() -> new FileHandle(loop, FdOps.open(path, flags, mode)));
    }

    public Promise<Stats> stat(String path) {
        return work(() -> FsOps.stat(path));
    }

    public Promise<Stats> lstat(String path) {
        return work(() -> FsOps.lstat(path));
    }

    public Promise<List<String>> readdir(String path) {
        return readdir(path, false);
    }

    /** Names; with {@code recursive}, paths relative to {@code path} ("sub/file"), breadth first. */
    public Promise<List<String>> readdir(String path, boolean recursive) {
        return work(() -> FsTree.readdir(path, recursive));
    }

    /** readdir with {@code withFileTypes: true}. */
    public Promise<List<Dirent>> readdirWithFileTypes(String path, boolean recursive) {
        return work(() -> FsTree.readdirEntries(path, recursive));
    }

    public Promise<Void> mkdir(String path) {
        return work(() -> FsOps.mkdir(path, 0777));
    }

    /** With {@code recursive}: the first directory made (absolute), or null when it existed. */
    public Promise<String> mkdir(String path, boolean recursive) {
        return mkdir(path, recursive, 0777);
    }

    public Promise<String> mkdir(String path, boolean recursive, int mode) {
        return work(() -> {
            if (recursive) {
                return FsTree.mkdirp(path, mode);
            }
            FsOps.mkdir(path, mode);
            return null;
        });
    }

    public Promise<String> mkdtemp(String prefix) {
        return work(() -> FsTree.mkdtemp(prefix));
    }

    public Promise<Void> rm(String path) {
        return rm(path, false, false);
    }

    public Promise<Void> rm(String path, boolean recursive, boolean force) {
        return work(() -> FsTree.rm(path, recursive, force));
    }

    public Promise<Void> rmdir(String path) {
        return work(() -> FsOps.rmdir(path));
    }

    public Promise<Void> unlink(String path) {
        return work(() -> FsOps.unlink(path));
    }

    public Promise<Void> rename(String oldPath, String newPath) {
        return work(() -> FsOps.rename(oldPath, newPath));
    }

    public Promise<Void> copyFile(String src, String dest) {
        return copyFile(src, dest, 0);
    }

    /** {@code mode} is {@link Fs#COPYFILE_EXCL} or 0. */
    public Promise<Void> copyFile(String src, String dest, int mode) {
        return work(() -> FsOps.copyFile(src, dest, mode));
    }

    public Promise<Void> cp(String src, String dest) {
        return cp(src, dest, false);
    }

    public Promise<Void> cp(String src, String dest, boolean recursive) {
        return work(() -> FsTree.cp(src, dest, recursive));
    }

    public Promise<Void> access(String path) {
        return access(path, Fs.F_OK);
    }

    public Promise<Void> access(String path, int mode) {
        return work(() -> FsOps.access(path, mode));
    }

    public Promise<String> realpath(String path) {
        return work(() -> FsOps.realpath(path, false));
    }

    public Promise<Void> symlink(String target, String path) {
        return work(() -> FsOps.symlink(target, path));
    }

    public Promise<String> readlink(String path) {
        return work(() -> FsOps.readlink(path));
    }

    public Promise<Void> link(String existingPath, String newPath) {
        return work(() -> FsOps.link(existingPath, newPath));
    }

    public Promise<Void> chmod(String path, int mode) {
        return work(() -> FsOps.chmod(path, mode));
    }

    public Promise<Void> chown(String path, int uid, int gid) {
        return work(() -> FsOps.chown(path, uid, gid));
    }

    /** Times in seconds since the epoch (fractions allowed), as Node's numeric form. */
    public Promise<Void> utimes(String path, double atime, double mtime) {
        return work(() -> FsOps.utimes(path, atime, mtime));
    }

    public Promise<Void> truncate(String path) {
        return truncate(path, 0);
    }

    public Promise<Void> truncate(String path, long len) {
        return work(() -> FsOps.truncate(path, len));
    }
}
