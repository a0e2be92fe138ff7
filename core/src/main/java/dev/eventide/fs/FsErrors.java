package dev.eventide.fs;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import dev.eventide.errors.SystemError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Map;

/**
 * Turns the JDK's file exceptions into Node's SystemErrors, and shapes the arguments of the
 * catalogue's ERR_FS_EISDIR and ERR_INVALID_ARG_VALUE.
 * Stateless; used on pool threads and loop threads alike.
 *
 * <p>The JDK keeps the errno only as a class for ENOENT, EEXIST, EACCES and ELOOP and as
 * glibc's strerror text ("Is a directory") for the rest, so the text is matched back to a code.
 */
final class FsErrors {
    private FsErrors() {
    }

    /** Node's uvException: "ENOENT: no such file or directory, open '/x'" (-> 'dest' when two paths). */
    static SystemError uv(FsErrno e, String syscall, String path, String dest) {
        return uv(e, syscall, path, dest, null);
    }

    static SystemError uv(FsErrno e, String syscall, String path, String dest, Throwable cause) {
        StringBuilder m = new StringBuilder(e.name()).append(": ").append(e.message).append(", ").append(syscall);
        if (path != null) {
            m.append(" '").append(path).append('\'');
        }
        if (dest != null) {
            m.append(" -> '").append(dest).append('\'');
        }
        return SystemError.of(new SystemError.Fields(e.name()).errno(e.errno).syscall(syscall).path(path).dest(dest),
                m.toString(), cause);
    }

    /** The error Node would report for {@code t}, thrown by {@code syscall} on these paths. */
    static RuntimeException map(Throwable t, String syscall, String path, String dest) {
        if (t instanceof UncheckedIOException u) {
            t = u.getCause();
        }
        if (t instanceof NodeError n) {
            return n;
        }
        FsErrno code = codeOf(t, syscall);
        if (code == null) {
            return t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
        return uv(code, syscall, path, dest, t);
    }

    private static FsErrno codeOf(Throwable t, String syscall) {
        return switch (t) {
            case NoSuchFileException x -> FsErrno.ENOENT;
            case FileAlreadyExistsException x -> FsErrno.EEXIST;
            case AccessDeniedException x -> FsErrno.EACCES;
            case DirectoryNotEmptyException x -> FsErrno.ENOTEMPTY;
            case NotDirectoryException x -> FsErrno.ENOTDIR;
            case NotLinkException x -> FsErrno.EINVAL;
            case FileSystemLoopException x -> FsErrno.ELOOP;
            case AtomicMoveNotSupportedException x -> FsErrno.EXDEV;
            case ClosedChannelException x -> FsErrno.EBADF;
            case NonReadableChannelException x -> FsErrno.EBADF;
            case NonWritableChannelException x -> FsErrno.EBADF;
            case FileSystemException x -> orEio(FsErrno.fromText(x.getReason() != null ? x.getReason() : x.getMessage()));
            case IOException x -> orEio(FsErrno.fromText(x.getMessage()));
            default -> null;
        };
    }

    private static FsErrno orEio(FsErrno code) {
        return code == null ? FsErrno.EIO : code;
    }

    /** Node's ERR_FS_EISDIR from rm and cp: a SystemError with a positive errno and an info object. */
    static SystemError fsEisdir(String syscall, String path, String detail) {
        String message = ErrorCode.ERR_FS_EISDIR.message(syscall, detail, path);
        Map<String, Object> info = Map.of("code", "EISDIR", "message", detail, "path", path,
                "syscall", syscall, "errno", 21);
        SystemError.Fields fields = new SystemError.Fields(ErrorCode.ERR_FS_EISDIR.code()).errno(21)
                .syscall(syscall).path(path).info(info);
        return SystemError.of(fields, message, null);
    }

    /**
     * Node's ERR_INVALID_ARG_VALUE with the value shown as util.inspect shows a string
     * ('a\x00b'); Errors.invalidArgValue shows "type string (...)", which is ERR_INVALID_ARG_TYPE's form.
     */
    static NodeError invalidArgValue(String name, String value, String reason) {
        String shown = value.replace("\\", "\\\\").replace("'", "\\'").replace("\0", "\\x00");
        return ErrorCode.ERR_INVALID_ARG_VALUE.make("argument", name, reason, "'" + shown + "'");
    }
}
