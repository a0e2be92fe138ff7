package dev.eventide.fs;

import dev.eventide.errors.SystemError;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.channels.ByteChannel;
import java.util.BitSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide table of file descriptors that fs.open hands out: small integers mapped to
 * JDK channels (0, 1 and 2 are the standard streams). Thread-safe: pool threads and loop threads
 * of every loop use it.
 *
 * <p>Java does not expose real descriptors, so these numbers are Eventide's own; like the OS,
 * the table hands out the lowest free number, so a closed number is soon reused.
 */
final class FdTable {
    /** One open file: its channel, the path it was opened with, and whether writes append. */
    record OpenFile(ByteChannel channel, String path, boolean append) {
        FileChannel file(String syscall) {
            if (channel instanceof FileChannel f) {
                return f;
            }
            throw FsErrors.uv(FsErrno.ESPIPE, syscall, null, null);
        }

        /** pread/read: at {@code position}, or at the current position when it is negative. */
        int read(ByteBuffer dst, long position) throws IOException {
            int n = position >= 0 ? file("read").read(dst, position) : channel.read(dst);
            return Math.max(n, 0);
        }

        /** pwrite/write; with O_APPEND every write goes to the end, as Linux does. */
        int write(ByteBuffer src, long position) throws IOException {
            int n = 0;
            if (append && channel instanceof FileChannel f && f.isOpen()) {
                long at = f.size();
                while (src.hasRemaining()) {
                    n += f.write(src, at + n);
                }
                return n;
            }
            while (src.hasRemaining()) {
                n += position >= 0 ? file("write").write(src, position + n) : channel.write(src);
            }
            return n;
        }
    }

    private static final ConcurrentHashMap<Integer, OpenFile> OPEN = new ConcurrentHashMap<>();
    private static final BitSet USED = new BitSet();

    static {
        OPEN.put(0, new OpenFile(new FileInputStream(FileDescriptor.in).getChannel(), "<stdin>", false));
        OPEN.put(1, new OpenFile(new FileOutputStream(FileDescriptor.out).getChannel(), "<stdout>", false));
        OPEN.put(2, new OpenFile(new FileOutputStream(FileDescriptor.err).getChannel(), "<stderr>", false));
        USED.set(0, 3);
    }

    private FdTable() {
    }

    /** open(2): throws SystemError with syscall 'open'. */
    static int open(String path, OpenFlags flags, int mode) {
        FileChannel ch;
        try {
            Path p = Path.of(path);
            if (flags.creates()) {
                FileAttribute<?> perms = PosixFilePermissions.asFileAttribute(Modes.permissions(mode));
                ch = FileChannel.open(p, flags.options(), perms);
            } else {
                ch = FileChannel.open(p, flags.options());
            }
        } catch (Exception e) {
            throw FsErrors.map(e, "open", path, null);
        }
        return add(new OpenFile(ch, path, flags.append()));
    }

    static int add(OpenFile file) {
        synchronized (USED) {
            int fd = USED.nextClearBit(3);
            USED.set(fd);
            OPEN.put(fd, file);
            return fd;
        }
    }

    /** The open file, or EBADF for {@code syscall}. */
    static OpenFile get(int fd, String syscall) {
        OpenFile f = OPEN.get(fd);
        if (f == null) {
            throw FsErrors.uv(FsErrno.EBADF, syscall, null, null);
        }
        return f;
    }

    static void close(int fd) {
        OpenFile f;
        synchronized (USED) {
            f = OPEN.remove(fd);
            if (f == null) {
                throw FsErrors.uv(FsErrno.EBADF, "close", null, null);
            }
            USED.clear(fd);
        }
        try {
            f.channel().close();
        } catch (IOException e) {
            throw FsErrors.map(e, "close", null, null);
        }
    }

    /** Descriptors open now, the standard three included (for leak checks in tests). */
    static int openCount() {
        return OPEN.size();
    }
}
