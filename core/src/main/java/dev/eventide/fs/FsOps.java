package dev.eventide.fs;

import dev.eventide.errors.Errors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The blocking calls on paths, one per libuv fs request, each failing with the error, syscall
 * name and paths that Node reports. Runs on a pool thread or on the caller's thread (*Sync).
 *
 * <p>Where the JDK is more forgiving than the system call (Files.delete removes directories too,
 * Files.copy copies a directory as an empty one), the call checks first, as the syscall would.
 */
final class FsOps {
    private FsOps() {
    }

    /** An I/O body whose IOException becomes Node's error for one syscall. */
    @FunctionalInterface
    interface Io<T> {
        T run() throws IOException;
    }

    static <T> T io(String syscall, String path, String dest, Io<T> body) {
        try {
            return body.run();
        } catch (IOException | RuntimeException e) {
            throw FsErrors.map(e, syscall, path, dest);
        }
    }

    static Stats stat(String path) {
        Path p = PathArgs.of(path);
        return io("stat", path, null, () -> Stats.of(p, true));
    }

    static Stats lstat(String path) {
        Path p = PathArgs.of(path);
        return io("lstat", path, null, () -> Stats.of(p, false));
    }

    static Void access(String path, int mode) {
        Path p = PathArgs.of(path);
        Errors.requireRange(mode, "mode", 0, 7);
        List<AccessMode> modes = new ArrayList<>();
        if ((mode & Fs.R_OK) != 0) {
            modes.add(AccessMode.READ);
        }
        if ((mode & Fs.W_OK) != 0) {
            modes.add(AccessMode.WRITE);
        }
        if ((mode & Fs.X_OK) != 0) {
            modes.add(AccessMode.EXECUTE);
        }
        return io("access", path, null, () -> {
            p.getFileSystem().provider().checkAccess(p, modes.toArray(new AccessMode[0]));
            return null;
        });
    }

    static boolean exists(String path) {
        try {
            access(path, Fs.F_OK);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Void unlink(String path) {
        Path p = PathArgs.of(path);
        return io("unlink", path, null, () -> {
            if (java.nio.file.Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw FsErrors.uv(FsErrno.EISDIR, "unlink", path, null);
            }
            java.nio.file.Files.delete(p);
            return null;
        });
    }

    static Void rmdir(String path) {
        Path p = PathArgs.of(path);
        return io("rmdir", path, null, () -> {
            if (java.nio.file.Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                    && !java.nio.file.Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw FsErrors.uv(FsErrno.ENOTDIR, "rmdir", path, null);
            }
            java.nio.file.Files.delete(p);
            return null;
        });
    }

    /** rename(2): ATOMIC_MOVE makes the JDK call rename and nothing else. */
    static Void rename(String oldPath, String newPath) {
        Path from = PathArgs.of(oldPath, "oldPath");
        Path to = PathArgs.of(newPath, "newPath");
        return io("rename", oldPath, newPath, () -> {
            java.nio.file.Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return null;
        });
    }

    static Void copyFile(String src, String dest, int mode) {
        Path from = PathArgs.of(src, "src");
        Path to = PathArgs.of(dest, "dest");
        Errors.requireRange(mode, "mode", 0, 7);
        return io("copyfile", src, dest, () -> {
            if (java.nio.file.Files.isDirectory(from) || java.nio.file.Files.isDirectory(to)) {
                throw FsErrors.uv(FsErrno.EISDIR, "copyfile", src, dest);
            }
            CopyOption[] opts = (mode & Fs.COPYFILE_EXCL) != 0 ? new CopyOption[0]
                    : new CopyOption[] {StandardCopyOption.REPLACE_EXISTING};
            java.nio.file.Files.copy(from, to, opts);
            return null;
        });
    }

    /** realpath(3); the sync form of Node reports failures as its JavaScript walk's lstat. */
    static String realpath(String path, boolean sync) {
        Path p = PathArgs.of(path);
        String syscall = sync ? "lstat" : "realpath";
        String shown = sync ? p.toAbsolutePath().normalize().toString() : path;
        return io(syscall, shown, null, () -> p.toRealPath().toString());
    }

    static Void symlink(String target, String path) {
        Path t = PathArgs.of(target, "target");
        Path p = PathArgs.of(path);
        return io("symlink", target, path, () -> {
            java.nio.file.Files.createSymbolicLink(p, t);
            return null;
        });
    }

    static String readlink(String path) {
        Path p = PathArgs.of(path);
        return io("readlink", path, null, () -> java.nio.file.Files.readSymbolicLink(p).toString());
    }

    static Void link(String existingPath, String newPath) {
        Path from = PathArgs.of(existingPath, "existingPath");
        Path to = PathArgs.of(newPath, "newPath");
        return io("link", existingPath, newPath, () -> {
            java.nio.file.Files.createLink(to, from);
            return null;
        });
    }

    /** chmod(2) with all twelve mode bits (the unix view passes them through unchanged). */
    static Void chmod(String path, int mode) {
        Path p = PathArgs.of(path);
        Errors.requireRange(mode, "mode", 0, 07777);
        return io("chmod", path, null, () -> {
            java.nio.file.Files.setAttribute(p, "unix:mode", mode);
            return null;
        });
    }

    /** chown(2); -1 leaves that id unchanged, as in C. */
    static Void chown(String path, int uid, int gid) {
        Path p = PathArgs.of(path);
        Errors.requireRange(uid, "uid", -1, 4294967295L);
        Errors.requireRange(gid, "gid", -1, 4294967295L);
        return io("chown", path, null, () -> {
            if (uid != -1) {
                java.nio.file.Files.setAttribute(p, "unix:uid", uid);
            }
            if (gid != -1) {
                java.nio.file.Files.setAttribute(p, "unix:gid", gid);
            }
            return null;
        });
    }

    /** utimes with times in seconds since the epoch, as Node's numeric form. */
    static Void utimes(String path, double atime, double mtime) {
        Path p = PathArgs.of(path);
        return io("utime", path, null, () -> {
            java.nio.file.Files.getFileAttributeView(p, BasicFileAttributeView.class)
                    .setTimes(seconds(mtime), seconds(atime), null);
            return null;
        });
    }

    private static FileTime seconds(double s) {
        return FileTime.from(Math.round(s * 1e9), TimeUnit.NANOSECONDS);
    }

    static Void truncate(String path, long len) {
        Path p = PathArgs.of(path);
        FileChannel ch = io("open", path, null, () -> FileChannel.open(p, StandardOpenOption.WRITE));
        try (ch) {
            FdOps.truncate(ch, len);
            return null;
        } catch (IOException e) {
            throw FsErrors.map(e, "ftruncate", null, null);
        }
    }

    static Void mkdir(String path, int mode) {
        Path p = PathArgs.of(path);
        return io("mkdir", path, null, () -> {
            java.nio.file.Files.createDirectory(p,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(Modes.permissions(mode)));
            return null;
        });
    }
}
