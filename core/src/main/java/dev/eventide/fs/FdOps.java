package dev.eventide.fs;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.errors.Errors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The blocking calls on file descriptors, and readFile/writeFile built on them. Runs on a pool
 * thread (promise and callback forms) or on the caller's thread (the *Sync forms); every failure
 * is a Node-shaped error.
 */
final class FdOps {
    /** Node's kIoMaxLength: readFile refuses files above 2 GiB - 1. */
    static final long IO_MAX = Integer.MAX_VALUE;

    private FdOps() {
    }

    static int open(String path, String flags, int mode) {
        return FdTable.open(PathArgs.check(path, "path"), OpenFlags.parse(flags == null ? "r" : flags), mode);
    }

    static void close(int fd) {
        FdTable.close(fd);
    }

    static Bytes readFile(String path, String flag) {
        int fd = open(path, flag == null ? "r" : flag, 0666);
        try {
            return readAll(fd);
        } finally {
            closeQuietly(fd);
        }
    }

    static Object readFile(String path, FileOptions<?> options) {
        Bytes data = readFile(path, options.flagOr("r"));
        return options.encoding == null ? data : data.toString(options.encoding);
    }

    /** Reads from the current position to the end (Node reads files that report size 0 too, like /proc). */
    static Bytes readAll(int fd) {
        FdTable.OpenFile f = FdTable.get(fd, "read");
        try {
            long size = f.channel() instanceof FileChannel fc ? fc.size() - fc.position() : 0;
            if (size > IO_MAX) {
                throw ErrorCode.ERR_FS_FILE_TOO_LARGE.make(size);
            }
            byte[] buf = new byte[size > 0 ? (int) size : 8192];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, (int) Math.min(IO_MAX, buf.length * 2L));
                }
                int r = f.channel().read(ByteBuffer.wrap(buf, n, buf.length - n));
                if (r < 0) {
                    break;
                }
                n += r;
            }
            return Bytes.wrap(buf, 0, n);
        } catch (IOException e) {
            throw FsErrors.map(e, "read", null, null);
        }
    }

    static void writeFile(String path, Object data, FileOptions<?> options, String defaultFlag) {
        Bytes bytes = toBytes(data, options.encoding);
        int fd = open(path, options.flagOr(defaultFlag), options.mode);
        try {
            write(fd, bytes, 0, bytes.length(), -1);
        } finally {
            closeQuietly(fd);
        }
    }

    static Bytes toBytes(Object data, String encoding) {
        return switch (data) {
            case Bytes b -> b;
            case String s -> Bytes.from(s, encoding == null ? "utf8" : encoding);
            case byte[] a -> Bytes.wrap(a);
            case null, default -> throw Errors.invalidArgType("data",
                    "of type string or an instance of Buffer, TypedArray, or DataView", data);
        };
    }

    /** read(2)/pread(2) into {@code buffer[offset, offset+length)}; position < 0 reads at the current position. */
    static int read(int fd, Bytes buffer, int offset, int length, long position) {
        checkRange(buffer, offset, length);
        FdTable.OpenFile f = FdTable.get(fd, "read");
        try {
            ByteBuffer dst = ByteBuffer.wrap(buffer.array(), buffer.byteOffset() + offset, length);
            int total = 0;
            while (dst.hasRemaining()) {
                int n = f.read(dst, position < 0 ? -1 : position + total);
                if (n <= 0) {
                    break;
                }
                total += n;
                if (!(f.channel() instanceof FileChannel)) {
                    break;
                }
            }
            return total;
        } catch (IOException e) {
            throw FsErrors.map(e, "read", null, null);
        }
    }

    static int write(int fd, Bytes buffer, int offset, int length, long position) {
        checkRange(buffer, offset, length);
        FdTable.OpenFile f = FdTable.get(fd, "write");
        try {
            return f.write(ByteBuffer.wrap(buffer.array(), buffer.byteOffset() + offset, length), position);
        } catch (IOException e) {
            throw FsErrors.map(e, "write", null, null);
        }
    }

    private static void checkRange(Bytes buffer, int offset, int length) {
        Errors.requireNonNull(buffer, "buffer", "an instance of Buffer, TypedArray, or DataView");
        Errors.requireRange(offset, "offset", 0, buffer.length());
        Errors.requireRange(length, "length", 0, buffer.length() - offset);
    }

    static Stats fstat(int fd) {
        FdTable.OpenFile f = FdTable.get(fd, "fstat");
        try {
            return Stats.of(java.nio.file.Path.of(f.path()), true);
        } catch (IOException e) {
            throw FsErrors.map(e, "fstat", null, null);
        }
    }

    static void ftruncate(int fd, long len) {
        FileChannel ch = FdTable.get(fd, "ftruncate").file("ftruncate");
        try {
            truncate(ch, len);
        } catch (IOException e) {
            throw FsErrors.map(e, "ftruncate", null, null);
        }
    }

    /** ftruncate(2) also grows a file with zeros; FileChannel.truncate only shrinks. */
    static void truncate(FileChannel ch, long len) throws IOException {
        Errors.requireRange(len, "len", 0, Long.MAX_VALUE);
        long size = ch.size();
        if (len < size) {
            ch.truncate(len);
        } else if (len > size) {
            ch.write(ByteBuffer.wrap(new byte[1]), len - 1);
        }
    }

    static void fsync(int fd, boolean metadata) {
        String syscall = metadata ? "fsync" : "fdatasync";
        try {
            FdTable.get(fd, syscall).file(syscall).force(metadata);
        } catch (IOException e) {
            throw FsErrors.map(e, syscall, null, null);
        }
    }

    static void closeQuietly(int fd) {
        try {
            FdTable.close(fd);
        } catch (RuntimeException ignored) {
            // The call's own error, if any, is the one to report.
        }
    }
}
