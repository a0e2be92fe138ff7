package dev.eventide.fs;

import java.util.Locale;

/**
 * The system error codes file calls report, with Linux's errno numbers (negated, as libuv and
 * Node report them), libuv's messages, and the C library's strerror text that the JDK puts in a
 * FileSystemException's reason. Immutable.
 */
enum FsErrno {
    EPERM(-1, "operation not permitted", "Operation not permitted"),
    ENOENT(-2, "no such file or directory", "No such file or directory"),
    EIO(-5, "i/o error", "Input/output error"),
    EBADF(-9, "bad file descriptor", "Bad file descriptor"),
    EACCES(-13, "permission denied", "Permission denied"),
    EBUSY(-16, "resource busy or locked", "Device or resource busy"),
    EEXIST(-17, "file already exists", "File exists"),
    EXDEV(-18, "cross-device link not permitted", "Invalid cross-device link"),
    ENOTDIR(-20, "not a directory", "Not a directory"),
    EISDIR(-21, "illegal operation on a directory", "Is a directory"),
    EINVAL(-22, "invalid argument", "Invalid argument"),
    // ENFILE before EMFILE: its strerror text contains EMFILE's.
    ENFILE(-23, "file table overflow", "Too many open files in system"),
    EMFILE(-24, "too many open files", "Too many open files"),
    ETXTBSY(-26, "text file is busy", "Text file busy"),
    EFBIG(-27, "file too large", "File too large"),
    ENOSPC(-28, "no space left on device", "No space left on device"),
    ESPIPE(-29, "invalid seek", "Illegal seek"),
    EROFS(-30, "read-only file system", "Read-only file system"),
    EMLINK(-31, "too many links", "Too many links"),
    ENAMETOOLONG(-36, "name too long", "File name too long"),
    ENOTEMPTY(-39, "directory not empty", "Directory not empty"),
    ELOOP(-40, "too many symbolic links encountered", "Too many levels of symbolic links"),
    ENOTSUP(-95, "operation not supported on socket", "Operation not supported");

    /** Node's err.errno: the negated Linux errno (libuv's UV_E* value). */
    final int errno;
    /** libuv's uv_strerror text, as in "ENOENT: no such file or directory, open '/x'". */
    final String message;
    /** glibc's strerror text, which the JDK reports as a FileSystemException's reason. */
    private final String strerror;

    FsErrno(int errno, String message, String strerror) {
        this.errno = errno;
        this.message = message;
        this.strerror = strerror.toLowerCase(Locale.ROOT);
    }

    /** The code whose strerror text the JDK's message contains, or null. */
    static FsErrno fromText(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (FsErrno e : values()) {
            if (lower.contains(e.strerror)) {
                return e;
            }
        }
        return null;
    }
}
