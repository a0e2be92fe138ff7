package dev.eventide.fs;

import dev.eventide.errors.NodeError;
import java.util.Map;

/**
 * An error from a file system call, with Node's shape: a code ({@code ENOENT}), the negated
 * errno, the system call that failed, the path and, for two-path calls, the destination; the
 * message is Node's ({@code ENOENT: no such file or directory, open '/x'}). Immutable.
 *
 * <p>{@link #info()} is set only for Node's {@code ERR_FS_*} system errors (rm or cp on a
 * directory), whose {@code errno} is positive, as in Node. (The net package has its own
 * SystemError with host and port; the two are to be merged into dev.eventide.errors.)
 */
public class SystemError extends NodeError {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String syscall;
    private final String path;
    private final String dest;
    private final transient Map<String, Object> info;

    SystemError(String code, int errno, String syscall, String path, String dest, String message,
            Map<String, Object> info, Throwable cause) {
        super(code, message, cause);
        this.errno = errno;
        this.syscall = syscall;
        this.path = path;
        this.dest = dest;
        this.info = info == null ? null : Map.copyOf(info);
    }

    /** Node's err.errno: the negated system error number (-2 for ENOENT). */
    public int errno() {
        return errno;
    }

    /** The system call that failed: open, read, stat, scandir, rename, copyfile... */
    public String syscall() {
        return syscall;
    }

    /** The path involved, or null for calls on a file descriptor. */
    public String path() {
        return path;
    }

    /** The second path of rename, copyfile, link and symlink, or null. */
    public String dest() {
        return dest;
    }

    /** The details of an ERR_FS_* system error (code, message, path, syscall, errno), or null. */
    public Map<String, Object> info() {
        return info;
    }
}
