package dev.eventide.fs;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.Errors;
import dev.eventide.events.Listener;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Node's fs module: {@link #promises()} (the fs.promises API), the *Sync calls for start-up code,
 * Node's callback forms of the common calls, file streams and watchers. Sync calls run on the
 * calling thread and block it; the others run on the worker pool and complete on the calling
 * loop (call them on a loop thread).
 *
 * <pre>{@code
 * Fs.promises().readFile("conf.json", "utf8").then(text -> ...);
 * String text = Fs.readFileSync("conf.json", "utf8");
 * Fs.readFile("conf.json", (err, data) -> ...);
 * Fs.createReadStream("big.log").pipe(out);
 * }</pre>
 */
public final class Fs {
    /** access() modes (fs.constants). */
    public static final int F_OK = 0;
    public static final int X_OK = 1;
    public static final int W_OK = 2;
    public static final int R_OK = 4;
    /** copyFile() modes; the FICLONE ones are accepted and copy normally, as on file systems without reflinks. */
    public static final int COPYFILE_EXCL = 1;
    public static final int COPYFILE_FICLONE = 2;
    public static final int COPYFILE_FICLONE_FORCE = 4;
    /** open() flags, Linux values. */
    public static final int O_RDONLY = OpenFlags.O_RDONLY;
    public static final int O_WRONLY = OpenFlags.O_WRONLY;
    public static final int O_RDWR = OpenFlags.O_RDWR;
    public static final int O_CREAT = OpenFlags.O_CREAT;
    public static final int O_EXCL = OpenFlags.O_EXCL;
    public static final int O_TRUNC = OpenFlags.O_TRUNC;
    public static final int O_APPEND = OpenFlags.O_APPEND;

    private Fs() {
    }

    /** The promise API, Node's {@code require('fs').promises}. */
    public static FsPromises promises() {
        return FsPromises.INSTANCE;
    }

    // ---- sync ----

    public static Bytes readFileSync(String path) {
        return FdOps.readFile(path, "r");
    }

    public static String readFileSync(String path, String encoding) {
        return readFileSync(path, FileOptions.encoding(encoding));
    }

    @SuppressWarnings("unchecked")
    public static <T> T readFileSync(String path, FileOptions<T> options) {
        return (T) FdOps.readFile(path, options);
    }

    public static void writeFileSync(String path, Object data) {
        FdOps.writeFile(path, data, FileOptions.defaults(), "w");
    }

    public static void writeFileSync(String path, Object data, FileOptions<?> options) {
        FdOps.writeFile(path, data, options, "w");
    }

    public static void appendFileSync(String path, Object data) {
        FdOps.writeFile(path, data, FileOptions.defaults(), "a");
    }

    public static void appendFileSync(String path, Object data, FileOptions<?> options) {
        FdOps.writeFile(path, data, options, "a");
    }

    public static int openSync(String path, String flags) {
        return FdOps.open(path, flags, 0666);
    }

    public static int openSync(String path, String flags, int mode) {
        return FdOps.open(path, flags, mode);
    }

    public static void closeSync(int fd) {
        FdOps.close(fd);
    }

    /** Reads into {@code buffer[offset, offset+length)}; position -1 reads on from the current position. */
    public static int readSync(int fd, Bytes buffer, int offset, int length, long position) {
        return FdOps.read(fd, buffer, offset, length, position);
    }

    public static int writeSync(int fd, Bytes buffer, int offset, int length, long position) {
        return FdOps.write(fd, buffer, offset, length, position);
    }

    /** Writes a String (UTF-8) or Bytes at the current position (fd 1 and 2 are stdout and stderr). */
    public static int writeSync(int fd, Object data) {
        Bytes b = FdOps.toBytes(data, null);
        return FdOps.write(fd, b, 0, b.length(), -1);
    }

    public static Stats fstatSync(int fd) {
        return FdOps.fstat(fd);
    }

    public static void ftruncateSync(int fd, long len) {
        FdOps.ftruncate(fd, len);
    }

    public static void fsyncSync(int fd) {
        FdOps.fsync(fd, true);
    }

    public static Stats statSync(String path) {
        return FsOps.stat(path);
    }

    public static Stats lstatSync(String path) {
        return FsOps.lstat(path);
    }

    public static List<String> readdirSync(String path) {
        return FsTree.readdir(path, false);
    }

    public static List<String> readdirSync(String path, boolean recursive) {
        return FsTree.readdir(path, recursive);
    }

    public static List<Dirent> readdirWithFileTypesSync(String path, boolean recursive) {
        return FsTree.readdirEntries(path, recursive);
    }

    public static void mkdirSync(String path) {
        FsOps.mkdir(path, 0777);
    }

    /** With {@code recursive}: the first directory made (absolute), or null when it existed. */
    public static String mkdirSync(String path, boolean recursive) {
        return mkdirSync(path, recursive, 0777);
    }

    public static String mkdirSync(String path, boolean recursive, int mode) {
        if (recursive) {
            return FsTree.mkdirp(path, mode);
        }
        FsOps.mkdir(path, mode);
        return null;
    }

    public static String mkdtempSync(String prefix) {
        return FsTree.mkdtemp(prefix);
    }

    public static void rmSync(String path) {
        FsTree.rm(path, false, false);
    }

    public static void rmSync(String path, boolean recursive, boolean force) {
        FsTree.rm(path, recursive, force);
    }

    public static void rmdirSync(String path) {
        FsOps.rmdir(path);
    }

    public static void unlinkSync(String path) {
        FsOps.unlink(path);
    }

    public static void renameSync(String oldPath, String newPath) {
        FsOps.rename(oldPath, newPath);
    }

    public static void copyFileSync(String src, String dest) {
        FsOps.copyFile(src, dest, 0);
    }

    public static void copyFileSync(String src, String dest, int mode) {
        FsOps.copyFile(src, dest, mode);
    }

    public static void cpSync(String src, String dest, boolean recursive) {
        FsTree.cp(src, dest, recursive);
    }

    public static void accessSync(String path) {
        FsOps.access(path, F_OK);
    }

    public static void accessSync(String path, int mode) {
        FsOps.access(path, mode);
    }

    /** Node's fs.existsSync: true when access(path, F_OK) succeeds, never throws. */
    public static boolean existsSync(String path) {
        return FsOps.exists(path);
    }

    public static String realpathSync(String path) {
        return FsOps.realpath(path, true);
    }

    public static void symlinkSync(String target, String path) {
        FsOps.symlink(target, path);
    }

    public static String readlinkSync(String path) {
        return FsOps.readlink(path);
    }

    public static void linkSync(String existingPath, String newPath) {
        FsOps.link(existingPath, newPath);
    }

    public static void chmodSync(String path, int mode) {
        FsOps.chmod(path, mode);
    }

    public static void chownSync(String path, int uid, int gid) {
        FsOps.chown(path, uid, gid);
    }

    public static void utimesSync(String path, double atime, double mtime) {
        FsOps.utimes(path, atime, mtime);
    }

    public static void truncateSync(String path, long len) {
        FsOps.truncate(path, len);
    }

    // ---- streams and watchers ----

    public static FileReadStream createReadStream(String path) {
        return new FileReadStream(path, new FileStreamOptions());
    }

    public static FileReadStream createReadStream(String path, FileStreamOptions options) {
        return new FileReadStream(path, options);
    }

    public static FileWriteStream createWriteStream(String path) {
        return new FileWriteStream(path, new FileStreamOptions());
    }

    public static FileWriteStream createWriteStream(String path, FileStreamOptions options) {
        return new FileWriteStream(path, options);
    }

    /** Watches a file or directory; {@code listener} gets ('change' or 'rename', file name). */
    public static FsWatcher watch(String path, Listener listener) {
        return watch(path, false, listener);
    }

    public static FsWatcher watch(String path, boolean recursive, Listener listener) {
        FsWatcher w = new FsWatcher(EventLoop.current(), path, recursive);
        if (listener != null) {
            w.on("change", listener);
        }
        return w;
    }

    // ---- callback forms ----

    /** Runs {@code body} on the pool and calls {@code cb(err, value)} on this loop. */
    static <T> void call(Callable<T> body, FsCallback<T> cb) {
        Errors.requireFunction(cb, "cb");
        EventLoop.current().queueWork(WorkKind.FS, body, (r, e) -> cb.call(e, r));
    }

    public static void readFile(String path, FsCallback<Bytes> cb) {
        call(() -> FdOps.readFile(path, "r"), cb);
    }

    public static void readFile(String path, String encoding, FsCallback<String> cb) {
        FileOptions.encoding(encoding);
        call(() -> FdOps.readFile(path, "r").toString(encoding), cb);
    }

    public static void writeFile(String path, Object data, FsCallback<Void> cb) {
        call(() -> {
            writeFileSync(path, data);
            return null;
        }, cb);
    }

    public static void appendFile(String path, Object data, FsCallback<Void> cb) {
        call(() -> {
            appendFileSync(path, data);
            return null;
        }, cb);
    }

    public static void open(String path, String flags, FsCallback<Integer> cb) {
        call(() -> FdOps.open(path, flags, 0666), cb);
    }

    public static void close(int fd, FsCallback<Void> cb) {
        call(() -> {
            FdOps.close(fd);
            return null;
        }, cb);
    }

    public static void read(int fd, Bytes buffer, int offset, int length, long position, FsCallback<Integer> cb) {
        call(() -> FdOps.read(fd, buffer, offset, length, position), cb);
    }

    public static void write(int fd, Bytes buffer, int offset, int length, long position, FsCallback<Integer> cb) {
        call(() -> FdOps.write(fd, buffer, offset, length, position), cb);
    }

    public static void stat(String path, FsCallback<Stats> cb) {
        call(() -> FsOps.stat(path), cb);
    }

    public static void lstat(String path, FsCallback<Stats> cb) {
        call(() -> FsOps.lstat(path), cb);
    }

    public static void readdir(String path, FsCallback<List<String>> cb) {
        call(() -> FsTree.readdir(path, false), cb);
    }

    public static void mkdir(String path, boolean recursive, FsCallback<String> cb) {
        call(() -> mkdirSync(path, recursive), cb);
    }

    public static void unlink(String path, FsCallback<Void> cb) {
        call(() -> FsOps.unlink(path), cb);
    }

    public static void rename(String oldPath, String newPath, FsCallback<Void> cb) {
        call(() -> FsOps.rename(oldPath, newPath), cb);
    }

    public static void access(String path, int mode, FsCallback<Void> cb) {
        call(() -> FsOps.access(path, mode), cb);
    }

    public static void copyFile(String src, String dest, int mode, FsCallback<Void> cb) {
        call(() -> FsOps.copyFile(src, dest, mode), cb);
    }

    public static void rm(String path, boolean recursive, boolean force, FsCallback<Void> cb) {
        call(() -> FsTree.rm(path, recursive, force), cb);
    }
}
